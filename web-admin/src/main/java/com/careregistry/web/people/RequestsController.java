package com.careregistry.web.people;

import com.careregistry.core.agent.AgentView;
import com.careregistry.core.agent.CreateAgentCommand;
import com.careregistry.core.agent.JoinRequestDesk;
import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.text.Texts;
import com.careregistry.web.Isolate;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A5 and case 25: agents' join requests from chat; accept (a new agent, or link one) or reject. */
@Controller
class RequestsController {

    static final String VIEW = "admin/requests";

    private final JoinRequestDesk desk;
    private final ManageAgents agents;
    private final ManageCategories categories;
    private final Texts texts;

    RequestsController(JoinRequestDesk desk, ManageAgents agents, ManageCategories categories, Texts texts) {
        this.desk = desk;
        this.agents = agents;
        this.categories = categories;
        this.texts = texts;
    }

    @GetMapping("/admin/requests")
    String requests(Model model) {
        model.addAttribute("pending", desk.pending());
        model.addAttribute("decided", desk.decided(50));
        model.addAttribute("agents", agents.all().stream().filter(AgentView::active).toList());
        model.addAttribute("categories", categories.active());
        return VIEW;
    }

    @PostMapping("/admin/requests/{id}/accept")
    String accept(@PathVariable Long id, @RequestParam(required = false) Long agentId,
                  @RequestParam(defaultValue = "") String firstName, @RequestParam(defaultValue = "") String lastName,
                  @RequestParam(defaultValue = "") String email, @RequestParam(required = false) Set<Long> categoryIds,
                  RedirectAttributes redirect) {
        JoinRequestDesk.Acceptance as = agentId != null ? JoinRequestDesk.Acceptance.asExisting(agentId)
                : JoinRequestDesk.Acceptance.asNew(new CreateAgentCommand(firstName, lastName, email, null, categoryIds));
        AgentView agent = desk.accept(id, as);
        redirect.addFlashAttribute("info", texts.get(LocaleContextHolder.getLocale(), "web.requests.accepted", Isolate.text(agent.fullName())));
        return "redirect:/admin/requests";
    }

    @PostMapping("/admin/requests/{id}/reject")
    String reject(@PathVariable Long id, RedirectAttributes redirect) {
        desk.reject(id);
        redirect.addFlashAttribute("info", texts.get(LocaleContextHolder.getLocale(), "web.requests.rejected"));
        return "redirect:/admin/requests";
    }
}
