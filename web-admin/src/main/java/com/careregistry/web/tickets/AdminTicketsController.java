package com.careregistry.web.tickets;

import com.careregistry.core.agent.AgentLoad;
import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.common.Channel;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.AssignAgent;
import com.careregistry.core.ticket.CloseTicket;
import com.careregistry.core.ticket.TicketBrowser;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.core.ticket.TicketStatus;
import com.careregistry.web.Isolate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** M2, M4: all tickets, the unassigned queue, one ticket (and its messages' files), assigning an agent, closing. */
@Controller
class AdminTicketsController {

    static final String LIST = "admin/tickets";
    static final String UNASSIGNED = "admin/unassigned";
    static final String TICKET = "admin/ticket";

    private final TicketBrowser browser;
    private final TicketPages pages;
    private final ManageCategories categories;
    private final ManageAgents agents;
    private final AssignAgent assignAgent;
    private final CloseTicket closeTicket;
    private final Texts texts;

    AdminTicketsController(TicketBrowser browser, TicketPages pages, ManageCategories categories, ManageAgents agents,
                           AssignAgent assignAgent, CloseTicket closeTicket, Texts texts) {
        this.browser = browser;
        this.pages = pages;
        this.categories = categories;
        this.agents = agents;
        this.assignAgent = assignAgent;
        this.closeTicket = closeTicket;
        this.texts = texts;
    }

    @GetMapping("/admin/tickets")
    String tickets(@RequestParam(required = false) TicketStatus status, @RequestParam(required = false) Long category,
                   @RequestParam(required = false) Long agent, @RequestParam(required = false) Channel channel,
                   @RequestParam(required = false) String q, @RequestParam(required = false) TicketBrowser.Sort sort,
                   @RequestParam(required = false) TicketBrowser.Due due, @RequestParam(required = false) String after,
                   Model model) {
        TicketBrowser.Filter filter = new TicketBrowser.Filter(status, category, agent, channel, q, sort, due);
        model.addAttribute("filter", filter);
        model.addAttribute("page", browser.page(filter, after));
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("categories", categories.all());
        model.addAttribute("agents", agents.all());
        model.addAttribute("channels", List.of(Channel.TELEGRAM, Channel.DISCORD));
        model.addAttribute("sorts", TicketBrowser.Sort.values());
        model.addAttribute("dues", TicketBrowser.Due.values());
        model.addAttribute("firstPage", after != null && !after.isBlank());
        return LIST;
    }

    /** Case 22-24: the tickets with no agent yet, oldest first, each with the agents who can take it. */
    @GetMapping("/admin/unassigned")
    String unassigned(@RequestParam(required = false) String after, Model model) {
        TicketBrowser.Page page = browser.page(TicketBrowser.Filter.unassigned(), after);
        Map<Long, List<AgentLoad>> byCategory = page.rows().isEmpty() ? Map.of() : agents.candidatesByCategory();
        Map<Long, List<AgentLoad>> candidates = new HashMap<>();
        for (TicketBrowser.Row row : page.rows()) {
            candidates.put(row.id(), byCategory.getOrDefault(row.categoryId(), List.of()));
        }
        model.addAttribute("page", page);
        model.addAttribute("candidates", candidates);
        model.addAttribute("firstPage", after != null && !after.isBlank());
        return UNASSIGNED;
    }

    @GetMapping("/admin/tickets/{number}")
    String ticket(@PathVariable long number, Model model) {
        pages.fill(model, pages.details(new TicketNumber(number)), "/admin/tickets");
        return TICKET;
    }

    @GetMapping("/admin/tickets/{number}/transcript")
    String transcript(@PathVariable long number, Model model) {
        return pages.transcript(model, pages.details(new TicketNumber(number)), "/admin/tickets");
    }

    /** A file of one of the ticket's messages (an image shown in the timeline, or a download). */
    @GetMapping("/admin/tickets/{number}/files/{messageId}/{index}")
    ResponseEntity<byte[]> file(@PathVariable long number, @PathVariable long messageId, @PathVariable int index) {
        return pages.file(pages.details(new TicketNumber(number)), messageId, index);
    }

    @PostMapping("/admin/tickets/{number}/assign")
    String assign(@PathVariable long number, @RequestParam Long agentId,
                  @RequestParam(defaultValue = "/admin/unassigned") String back, RedirectAttributes redirect) {
        TicketNumber ticket = new TicketNumber(number);
        assignAgent.assign(ticket, agentId);
        redirect.addFlashAttribute("info", texts.get(LocaleContextHolder.getLocale(), "web.assign.done", ticket.toString(),
                Isolate.text(agents.get(agentId).fullName())));
        return "redirect:" + (back.startsWith("/admin/") ? back : "/admin/unassigned");
    }

    @PostMapping("/admin/tickets/{number}/close")
    String close(@PathVariable long number, RedirectAttributes redirect) {
        TicketNumber ticket = new TicketNumber(number);
        closeTicket.byAdmin(ticket);
        redirect.addFlashAttribute("info", texts.get(LocaleContextHolder.getLocale(), "web.ticket.closed", ticket.toString()));
        return "redirect:/admin/tickets/" + number;
    }
}
