package com.careregistry.web.tickets;

import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.notification.Transcripts;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.sla.Deadlines;
import com.careregistry.core.ticket.TicketDetails;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.core.ticket.TicketQueries;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What a ticket's page shows, for admins and agents alike: the query, the conversation, the delivery. */
@Component
public class TicketPages {

    private final TicketQueries queries;
    private final ManageAgents agents;
    private final Outbox outbox;
    private final Transcripts transcripts;
    private final Deadlines deadlines;

    TicketPages(TicketQueries queries, ManageAgents agents, Outbox outbox, Transcripts transcripts, Deadlines deadlines) {
        this.deadlines = deadlines;
        this.transcripts = transcripts;
        this.queries = queries;
        this.agents = agents;
        this.outbox = outbox;
    }

    public TicketDetails details(TicketNumber number) {
        return queries.detailsForStaff(number);
    }

    /** Fills the page of a ticket already read (and, for an agent, checked) with {@link #details}. */
    public void fill(Model model, TicketDetails ticket, String base) {
        model.addAttribute("transcriptLink", base + "/" + ticket.number().value() + "/transcript");
        Map<Long, String> agentNames = new HashMap<>();
        agents.all().forEach(agent -> agentNames.put(agent.id(), agent.fullName()));
        model.addAttribute("ticket", ticket);
        model.addAttribute("messages", queries.conversation(ticket.ticketId()));
        model.addAttribute("earlier", queries.earlierTexts(ticket.ticketId()));
        model.addAttribute("agentNames", agentNames);
        model.addAttribute("deliveries", outbox.aboutTicket(ticket.ticketId()));
        model.addAttribute("due", deadlines.forTicket(ticket.ticketId()).orElse(null));
        model.addAttribute("candidates", agents.candidatesFor(ticket.categoryId()));
        model.addAttribute("assignedAgent", ticket.agentId() == null ? null : agentNames.get(ticket.agentId()));
    }

    /** The printable page of a ticket's whole conversation (already read, and for an agent checked); its view. */
    public String transcript(Model model, TicketDetails ticket, String base) {
        model.addAttribute("ticket", ticket);
        model.addAttribute("transcript", transcripts.of(ticket.number(), LocaleContextHolder.getLocale().getLanguage()));
        model.addAttribute("back", base + "/" + ticket.number().value());
        return "transcript";
    }
}
