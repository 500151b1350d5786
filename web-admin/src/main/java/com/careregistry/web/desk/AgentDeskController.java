package com.careregistry.web.desk;

import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.canned.ManageCannedAnswers;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.NotFoundException;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.MessageContent;
import com.careregistry.core.ticket.PostAgentMessage;
import com.careregistry.core.ticket.ResolveTicket;
import com.careregistry.core.ticket.TicketDetails;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.core.ticket.TicketBrowser;
import com.careregistry.web.security.PanelUser;
import com.careregistry.web.tickets.TicketPages;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A2, A3: an agent's own tickets by last activity or by due time; a ticket's conversation with a reply box (the
 * reply reaches the customer in their chat as one from staff chat would) and Resolve. Another
 * agent's ticket is answered as if it did not exist; an unassigned one may be read and answered (which takes it).
 */
@Controller
class AgentDeskController {

    static final String LIST = "agent/tickets";
    static final String TICKET = "agent/ticket";

    private final TicketBrowser browser;
    private final TicketPages pages;
    private final PostAgentMessage postMessage;
    private final ResolveTicket resolveTicket;
    private final Texts texts;
    private final ManageCannedAnswers cannedAnswers;
    private final ManageAgents agents;

    AgentDeskController(TicketBrowser browser, TicketPages pages, PostAgentMessage postMessage, ResolveTicket resolveTicket,
                        Texts texts, ManageCannedAnswers cannedAnswers, ManageAgents agents) {
        this.agents = agents;
        this.cannedAnswers = cannedAnswers;
        this.browser = browser;
        this.pages = pages;
        this.postMessage = postMessage;
        this.resolveTicket = resolveTicket;
        this.texts = texts;
    }

    @GetMapping("/agent/tickets")
    String myTickets(@AuthenticationPrincipal PanelUser user, @RequestParam(required = false) TicketBrowser.Sort sort,
                     @RequestParam(required = false) TicketBrowser.Due due, @RequestParam(required = false) String after,
                     Model model) {
        TicketBrowser.Filter filter = TicketBrowser.Filter.assignedTo(user.agentId(), sort, due);
        model.addAttribute("filter", filter);
        model.addAttribute("page", browser.page(filter, after));
        model.addAttribute("sorts", List.of(TicketBrowser.Sort.ACTIVITY, TicketBrowser.Sort.DUE));
        model.addAttribute("dues", TicketBrowser.Due.values());
        model.addAttribute("firstPage", after != null && !after.isBlank());
        model.addAttribute("away", agents.get(user.agentId()).away());
        return LIST;
    }

    /** Away from chat (auto-assignment gives them nothing) or back (the tickets that waited come to them). */
    @PostMapping("/agent/away")
    String away(@AuthenticationPrincipal PanelUser user, @RequestParam(defaultValue = "false") boolean away) {
        agents.away(user.agentId(), away);
        return "redirect:/agent/tickets";
    }

    @GetMapping("/agent/tickets/{number}")
    String ticket(@AuthenticationPrincipal PanelUser user, @PathVariable long number, Model model) {
        TicketDetails ticket = pages.details(new TicketNumber(number));
        mayOpen(user, ticket);
        pages.fill(model, ticket, "/agent/tickets");
        model.addAttribute("canned", cannedAnswers.sendableBy(user.agentId()));
        return TICKET;
    }

    @GetMapping("/agent/tickets/{number}/transcript")
    String transcript(@AuthenticationPrincipal PanelUser user, @PathVariable long number, Model model) {
        TicketDetails ticket = pages.details(new TicketNumber(number));
        mayOpen(user, ticket);
        return pages.transcript(model, ticket, "/agent/tickets");
    }

    /** A file of one of the ticket's messages, for the agent who may open the ticket only. */
    @GetMapping("/agent/tickets/{number}/files/{messageId}/{index}")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal PanelUser user, @PathVariable long number, @PathVariable long messageId,
                                @PathVariable int index) {
        TicketDetails ticket = pages.details(new TicketNumber(number));
        mayOpen(user, ticket);
        return pages.file(ticket, messageId, index);
    }

    @PostMapping("/agent/tickets/{number}/reply")
    String reply(@AuthenticationPrincipal PanelUser user, @PathVariable long number, @RequestParam(defaultValue = "") String text,
                 RedirectAttributes redirect) {
        TicketNumber ticket = new TicketNumber(number);
        mayOpen(user, pages.details(ticket));
        postMessage.post(new PostAgentMessage.Command(user.agentId(), ticket,
                new MessageContent(text, List.of(), Channel.WEB, null)));
        redirect.addFlashAttribute("info", texts.get(LocaleContextHolder.getLocale(), "web.ticket.reply.sent"));
        return "redirect:/agent/tickets/" + number;
    }

    /** A canned answer, filled in for this ticket, sent as the agent's reply. */
    @PostMapping("/agent/tickets/{number}/canned")
    String canned(@AuthenticationPrincipal PanelUser user, @PathVariable long number, @RequestParam(defaultValue = "") String name,
                  RedirectAttributes redirect) {
        TicketNumber ticket = new TicketNumber(number);
        mayOpen(user, pages.details(ticket));
        postMessage.post(new PostAgentMessage.Command(user.agentId(), ticket,
                new MessageContent(cannedAnswers.render(name, ticket, user.agentId()), List.of(), Channel.WEB, null)));
        redirect.addFlashAttribute("info", texts.get(LocaleContextHolder.getLocale(), "web.ticket.reply.sent"));
        return "redirect:/agent/tickets/" + number;
    }

    @PostMapping("/agent/tickets/{number}/resolve")
    String resolve(@AuthenticationPrincipal PanelUser user, @PathVariable long number, RedirectAttributes redirect) {
        TicketNumber ticket = new TicketNumber(number);
        mayOpen(user, pages.details(ticket));
        resolveTicket.resolve(ticket, user.agentId());
        redirect.addFlashAttribute("info", texts.get(LocaleContextHolder.getLocale(), "web.ticket.resolved", ticket.toString()));
        return "redirect:/agent/tickets/" + number;
    }

    /** Another agent's ticket looks exactly like one that does not exist: its number tells nothing. */
    private static void mayOpen(PanelUser user, TicketDetails ticket) {
        if (ticket.agentId() != null && !ticket.agentId().equals(user.agentId())) {
            throw new NotFoundException("ticket.not-found", ticket.number().toString());
        }
    }
}
