package com.careregistry.web.tickets;

import com.careregistry.core.business.BusinessConnections;
import com.careregistry.core.inbox.Inbox;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What could not be delivered or processed: outgoing messages that failed for good (Retry sends them
 * again), and incoming events set aside after their last try (Retry handles them again, once their
 * cause is gone; Discard gives up on them); and the business accounts answers go through, with
 * whether they can (a disabled connection stops them).
 */
@Controller
class DeliveryController {

    static final String VIEW = "admin/delivery";

    private final Outbox outbox;
    private final Inbox inbox;
    private final Texts texts;

    private final BusinessConnections business;

    DeliveryController(Outbox outbox, Inbox inbox, Texts texts, BusinessConnections business) {
        this.business = business;
        this.outbox = outbox;
        this.inbox = inbox;
        this.texts = texts;
    }

    @GetMapping("/admin/delivery")
    String delivery(Model model) {
        model.addAttribute("dead", outbox.dead(200));
        model.addAttribute("failed", inbox.failed(200));
        model.addAttribute("connections", business.all());
        return VIEW;
    }

    @PostMapping("/admin/delivery/events/{id}/retry")
    String retryEvent(@PathVariable long id, RedirectAttributes redirect) {
        inbox.retry(id);
        redirect.addFlashAttribute("info", texts.get(LocaleContextHolder.getLocale(), "web.inbox.retried"));
        return "redirect:/admin/delivery";
    }

    @PostMapping("/admin/delivery/events/{id}/discard")
    String discardEvent(@PathVariable long id, RedirectAttributes redirect) {
        inbox.discard(id);
        redirect.addFlashAttribute("info", texts.get(LocaleContextHolder.getLocale(), "web.inbox.discarded"));
        return "redirect:/admin/delivery";
    }

    @PostMapping("/admin/delivery/{id}/retry")
    String retry(@PathVariable Long id, RedirectAttributes redirect) {
        outbox.retry(id);
        redirect.addFlashAttribute("info", texts.get(LocaleContextHolder.getLocale(), "web.delivery.retried"));
        return "redirect:/admin/delivery";
    }
}
