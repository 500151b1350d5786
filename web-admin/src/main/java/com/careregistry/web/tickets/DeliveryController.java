package com.careregistry.web.tickets;

import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Messages that failed for good, with their error, and Retry, which sends them again. */
@Controller
class DeliveryController {

    static final String VIEW = "admin/delivery";

    private final Outbox outbox;
    private final Texts texts;

    DeliveryController(Outbox outbox, Texts texts) {
        this.outbox = outbox;
        this.texts = texts;
    }

    @GetMapping("/admin/delivery")
    String delivery(Model model) {
        model.addAttribute("dead", outbox.dead(200));
        return VIEW;
    }

    @PostMapping("/admin/delivery/{id}/retry")
    String retry(@PathVariable Long id, RedirectAttributes redirect) {
        outbox.retry(id);
        redirect.addFlashAttribute("info", texts.get(LocaleContextHolder.getLocale(), "web.delivery.retried"));
        return "redirect:/admin/delivery";
    }
}
