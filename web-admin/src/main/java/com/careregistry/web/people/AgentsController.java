package com.careregistry.web.people;

import com.careregistry.core.agent.AgentLoad;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.agent.CreateAgentCommand;
import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.TicketSettings;
import com.careregistry.web.Isolate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** M3, M6: agents, their categories, chat accounts and open load; create (with an invitation), deactivate. */
@Controller
class AgentsController {

    static final String VIEW = "admin/agents";

    private final ManageAgents agents;
    private final ManageCategories categories;
    private final Texts texts;
    private final TicketSettings ticketSettings;

    AgentsController(ManageAgents agents, ManageCategories categories, Texts texts, TicketSettings ticketSettings) {
        this.ticketSettings = ticketSettings;
        this.agents = agents;
        this.categories = categories;
        this.texts = texts;
    }

    @GetMapping("/admin/agents")
    String agents(Model model) {
        Map<Long, Long> load = new HashMap<>();
        for (AgentLoad each : agents.workload()) {
            load.put(each.agentId(), each.openTickets());
        }
        Map<Long, String> categoryNames = new HashMap<>();
        categories.all().forEach(c -> categoryNames.put(c.id(), c.name()));
        model.addAttribute("agents", agents.all());
        model.addAttribute("load", load);
        model.addAttribute("categories", categories.active());
        model.addAttribute("languages", Texts.SUPPORTED_LANGUAGES);
        model.addAttribute("deskLimit", ticketSettings.agentLimit());
        model.addAttribute("categoryNames", categoryNames);
        return VIEW;
    }

    @PostMapping("/admin/agents")
    String create(@RequestParam(defaultValue = "") String firstName, @RequestParam(defaultValue = "") String lastName,
                  @RequestParam(defaultValue = "") String email, @RequestParam(required = false) Set<Long> categoryIds,
                  @RequestParam(required = false) String language, RedirectAttributes redirect) {
        String spoken = language != null && Texts.SUPPORTED_LANGUAGES.contains(language) ? language
                : LocaleContextHolder.getLocale().getLanguage();
        AgentView agent = agents.create(new CreateAgentCommand(firstName, lastName, email, spoken, categoryIds));
        redirect.addFlashAttribute("info", texts.get(LocaleContextHolder.getLocale(), "web.agents.created", Isolate.text(agent.fullName()),
                Isolate.text(agent.email())));
        return "redirect:/admin/agents";
    }

    /** The most tickets auto-assignment gives this agent at once; empty for the desk's limit. */
    @PostMapping("/admin/agents/{id}/limit")
    String limit(@PathVariable Long id, @RequestParam(required = false) Integer limit) {
        agents.limitOpenTickets(id, limit);
        return "redirect:/admin/agents";
    }

    @PostMapping("/admin/agents/{id}/deactivate")
    String deactivate(@PathVariable Long id) {
        agents.deactivate(id);
        return "redirect:/admin/agents";
    }

    @PostMapping("/admin/agents/{id}/reactivate")
    String reactivate(@PathVariable Long id) {
        agents.reactivate(id);
        return "redirect:/admin/agents";
    }
}
