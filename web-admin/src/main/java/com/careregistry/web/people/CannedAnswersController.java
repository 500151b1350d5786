package com.careregistry.web.people;

import com.careregistry.core.canned.CannedAnswerView;
import com.careregistry.core.canned.ManageCannedAnswers;
import com.careregistry.core.text.Texts;
import com.careregistry.web.security.PanelUser;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins keep the desk's canned answers, which every agent sends; an agent keeps their own on My
 * canned answers (a name saved again changes its text). One page for both, at its own address.
 */
@Controller
class CannedAnswersController {

    static final String VIEW = "admin/canned";
    static final String DESK = "/admin/canned";
    static final String OWN = "/agent/canned";

    private final ManageCannedAnswers answers;
    private final Texts texts;

    CannedAnswersController(ManageCannedAnswers answers, Texts texts) {
        this.answers = answers;
        this.texts = texts;
    }

    @GetMapping("/admin/canned")
    String canned(Model model) {
        return page(model, DESK, answers.all());
    }

    @PostMapping("/admin/canned")
    String save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
        return saved(answers.save(name, body), DESK, redirect);
    }

    @PostMapping("/admin/canned/{id}/delete")
    String delete(@PathVariable Long id) {
        answers.delete(id);
        return "redirect:" + DESK;
    }

    @GetMapping("/agent/canned")
    String own(@AuthenticationPrincipal PanelUser user, Model model) {
        return page(model, OWN, answers.own(user.agentId()));
    }

    @PostMapping("/agent/canned")
    String saveOwn(@AuthenticationPrincipal PanelUser user, @RequestParam(defaultValue = "") String name,
                   @RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
        return saved(answers.saveOwn(user.agentId(), name, body), OWN, redirect);
    }

    @PostMapping("/agent/canned/{id}/delete")
    String deleteOwn(@AuthenticationPrincipal PanelUser user, @PathVariable Long id) {
        answers.deleteOwn(user.agentId(), id);
        return "redirect:" + OWN;
    }

    private static String page(Model model, String base, List<CannedAnswerView> list) {
        model.addAttribute("answers", list);
        model.addAttribute("base", base);
        model.addAttribute("own", OWN.equals(base));
        return VIEW;
    }

    private String saved(CannedAnswerView saved, String base, RedirectAttributes redirect) {
        redirect.addFlashAttribute("info", texts.get(LocaleContextHolder.getLocale(), "web.canned.saved", saved.name()));
        return "redirect:" + base;
    }
}
