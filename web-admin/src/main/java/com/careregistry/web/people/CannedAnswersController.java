package com.careregistry.web.people;

import com.careregistry.core.canned.CannedAnswerView;
import com.careregistry.core.canned.ManageCannedAnswers;
import com.careregistry.core.text.Texts;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins keep the canned answers agents send (a name saved again changes its text). */
@Controller
class CannedAnswersController {

    static final String VIEW = "admin/canned";

    private final ManageCannedAnswers answers;
    private final Texts texts;

    CannedAnswersController(ManageCannedAnswers answers, Texts texts) {
        this.answers = answers;
        this.texts = texts;
    }

    @GetMapping("/admin/canned")
    String canned(Model model) {
        model.addAttribute("answers", answers.all());
        return VIEW;
    }

    @PostMapping("/admin/canned")
    String save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
        CannedAnswerView saved = answers.save(name, body);
        redirect.addFlashAttribute("info", texts.get(LocaleContextHolder.getLocale(), "web.canned.saved", saved.name()));
        return "redirect:/admin/canned";
    }

    @PostMapping("/admin/canned/{id}/delete")
    String delete(@PathVariable Long id) {
        answers.delete(id);
        return "redirect:/admin/canned";
    }
}
