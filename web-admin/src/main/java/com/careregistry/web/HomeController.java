package com.careregistry.web;

import com.careregistry.web.security.PanelUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start: admins land on the dashboard, agents on their tickets. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal PanelUser user) {
        return user.isAdmin() ? "redirect:/admin" : "redirect:/agent/tickets";
    }
}
