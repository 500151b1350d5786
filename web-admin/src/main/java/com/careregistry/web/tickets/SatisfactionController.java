package com.careregistry.web.tickets;

import com.careregistry.core.ticket.SatisfactionReport;
import com.careregistry.web.security.PanelUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The satisfaction report: the whole desk's for admins, an agent's own for them; the last twelve weeks. */
@Controller
class SatisfactionController {

    static final String VIEW = "satisfaction";
    static final int WEEKS = 12;

    private final SatisfactionReport reports;

    SatisfactionController(SatisfactionReport reports) {
        this.reports = reports;
    }

    @GetMapping("/admin/satisfaction")
    String desk(Model model) {
        model.addAttribute("report", reports.of(null, WEEKS));
        model.addAttribute("everyone", true);
        return VIEW;
    }

    @GetMapping("/agent/satisfaction")
    String own(@AuthenticationPrincipal PanelUser user, Model model) {
        model.addAttribute("report", reports.of(user.agentId(), WEEKS));
        model.addAttribute("everyone", false);
        return VIEW;
    }
}
