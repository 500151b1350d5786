package com.careregistry.web.tickets;

import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.notification.Transcripts;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.sla.Deadlines;
import com.careregistry.core.ticket.MessageView;
import com.careregistry.core.ticket.TicketDetails;
import com.careregistry.core.ticket.TicketHistory;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.core.ticket.TicketQueries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
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
    private final TicketHistory history;

    TicketPages(TicketQueries queries, ManageAgents agents, Outbox outbox, Transcripts transcripts, Deadlines deadlines,
                TicketHistory history) {
        this.history = history;
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
        List<MessageView> messages = queries.conversation(ticket.ticketId());
        model.addAttribute("messages", messages);
        model.addAttribute("timeline", timeline(messages, history.of(ticket.ticketId())));
        model.addAttribute("earlier", queries.earlierTexts(ticket.ticketId()));
        model.addAttribute("agentNames", agentNames);
        model.addAttribute("deliveries", outbox.aboutTicket(ticket.ticketId()));
        model.addAttribute("due", deadlines.forTicket(ticket.ticketId()).orElse(null));
        model.addAttribute("candidates", agents.candidatesFor(ticket.categoryId()));
        model.addAttribute("assignedAgent", ticket.agentId() == null ? null : agentNames.get(ticket.agentId()));
    }

    /** One line of a ticket's timeline: a message, or something that happened to the ticket between messages. */
    public record Item(MessageView message, TicketHistory.Entry event) {
        Instant at() {
            return message != null ? message.createdAt() : event.at();
        }
    }

    /** The messages and the events, by time (an event before a message of the same instant: opened comes first). */
    static List<Item> timeline(List<MessageView> messages, List<TicketHistory.Entry> events) {
        List<Item> items = new ArrayList<>(messages.size() + events.size());
        events.forEach(event -> items.add(new Item(null, event)));
        messages.forEach(message -> items.add(new Item(message, null)));
        items.sort(Comparator.comparing(Item::at).thenComparing(item -> item.message() != null));
        return items;
    }

    /** The printable page of a ticket's whole conversation (already read, and for an agent checked); its view. */
    public String transcript(Model model, TicketDetails ticket, String base) {
        model.addAttribute("ticket", ticket);
        model.addAttribute("transcript", transcripts.of(ticket.number(), LocaleContextHolder.getLocale().getLanguage()));
        model.addAttribute("back", base + "/" + ticket.number().value());
        return "transcript";
    }
}
