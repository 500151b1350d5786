package com.careregistry.core.ticket;

import com.careregistry.core.agent.Agent;
import com.careregistry.core.agent.Agents;
import com.careregistry.core.category.Categories;
import com.careregistry.core.category.Category;
import com.careregistry.core.common.NotFoundException;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.customer.Customers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questions people ask about tickets: a customer's tickets (C3, C7), one ticket's details
 * (its own customer only), the unassigned queue (M4), an agent's tickets (A2).
 */
@Service
public class TicketQueries {

    public static final int DEFAULT_LIMIT = 50;
    public static final int LAST_MESSAGES = 5;

    private final Tickets tickets;
    private final TicketMessages messages;
    private final Agents agents;
    private final Categories categories;
    private final Customers customers;
    private final TicketMessageEdits messageEdits;
    private final TicketDescriptionEdits descriptionEdits;

    public TicketQueries(Tickets tickets, TicketMessages messages, Agents agents, Categories categories, Customers customers,
                         TicketMessageEdits messageEdits, TicketDescriptionEdits descriptionEdits) {
        this.customers = customers;
        this.messageEdits = messageEdits;
        this.descriptionEdits = descriptionEdits;
        this.tickets = tickets;
        this.messages = messages;
        this.agents = agents;
        this.categories = categories;
    }

    /** The customer's tickets, newest first; empty means "You are yet to raise a ticket". */
    @Transactional(readOnly = true)
    public List<TicketSummary> myTickets(Long customerId) {
        return tickets.summariesOfCustomer(customerId, PageRequest.of(0, DEFAULT_LIMIT));
    }

    /**
     * The customer's tickets that are not closed, most recently active first: all of them, not only
     * those among the newest {@link #myTickets} (an open ticket older than the last 50 was missed by
     * /close and by the routing of the customer's messages).
     */
    @Transactional(readOnly = true)
    public List<TicketSummary> myOpenTickets(Long customerId) {
        return tickets.openSummariesOfCustomer(customerId);
    }

    /**
     * One ticket, for its own customer only: another customer's number gets the same answer as a
     * number that does not exist.
     */
    @Transactional(readOnly = true)
    public TicketDetails detailsForCustomer(Long customerId, TicketNumber number) {
        Ticket ticket = tickets.findByNumberAndCustomer(number.value(), customerId)
                .orElseThrow(() -> new NotFoundException("ticket.not-found", number.toString()));
        return details(ticket);
    }

    /** One ticket, for staff. */
    @Transactional(readOnly = true)
    public TicketDetails detailsForStaff(TicketNumber number) {
        return details(tickets.findByNumber(number.value())
                .orElseThrow(() -> new NotFoundException("ticket.not-found", number.toString())));
    }

    /** Tickets with no agent, oldest first; empty means "There is nothing left to assign". */
    @Transactional(readOnly = true)
    public List<TicketSummary> unassigned(int limit) {
        return tickets.unassignedOldestFirst(PageRequest.of(0, limit));
    }

    /** A2: the tickets assigned to an agent, most recently active first. */
    @Transactional(readOnly = true)
    public List<TicketSummary> assignedTo(Long agentId, int limit) {
        return tickets.summariesOfAgent(agentId, PageRequest.of(0, limit));
    }

    /** The number of a ticket known by its id (a staff thread knows its ticket's id). */
    @Transactional(readOnly = true)
    public TicketNumber numberOf(Long ticketId) {
        return tickets.findById(ticketId).map(Ticket::number)
                .orElseThrow(() -> new NotFoundException("ticket.not-found", "?"));
    }

    /** The customer a ticket (known by its id) belongs to. */
    @Transactional(readOnly = true)
    public Optional<Long> customerOf(Long ticketId) {
        return tickets.findById(ticketId).map(Ticket::customerId);
    }

    /** Where a ticket stands: its status and its category's name. */
    public record Standing(TicketStatus status, String categoryName) {
    }

    /**
     * Where a ticket (known by its id) stands now, for a staff desk that shows it beside the thread's
     * name (a Discord forum post's tags); empty when there is no such ticket.
     */
    @Transactional(readOnly = true)
    public Optional<Standing> standingOf(Long ticketId) {
        return tickets.findById(ticketId).map(ticket -> new Standing(ticket.status(),
                categories.findById(ticket.categoryId()).map(Category::name).orElse("")));
    }

    /** The whole conversation of a ticket, oldest first. */
    @Transactional(readOnly = true)
    public List<MessageView> conversation(Long ticketId) {
        return views(messages.findByTicketIdOrderByIdAsc(ticketId));
    }

    /**
     * What the customer wrote before editing it, oldest first: the ticket's description, and each
     * message by its id. Two queries, however long the conversation.
     */
    public record EarlierTexts(List<String> description, Map<Long, List<String>> byMessage) {

        public List<String> of(Long messageId) {
            return byMessage.getOrDefault(messageId, List.of());
        }
    }

    @Transactional(readOnly = true)
    public EarlierTexts earlierTexts(Long ticketId) {
        Map<Long, List<String>> byMessage = new HashMap<>();
        for (TicketMessageEdit edit : messageEdits.ofTicket(ticketId)) {
            byMessage.computeIfAbsent(edit.messageId(), id -> new ArrayList<>())
                    .add(edit.previousBody() == null ? "" : edit.previousBody());
        }
        return new EarlierTexts(descriptionEdits.findByTicketIdOrderByIdAsc(ticketId).stream()
                .map(TicketDescriptionEdit::previousDescription).toList(), byMessage);
    }

    private TicketDetails details(Ticket ticket) {
        String agentName = ticket.agentId() == null ? null
                : agents.findById(ticket.agentId()).map(Agent::firstName).orElse(null);
        String category = categories.findById(ticket.categoryId()).map(Category::name).orElse("");
        String customerName = customers.findById(ticket.customerId()).map(Customer::displayName).orElse("");
        List<TicketMessage> newest = new ArrayList<>(messages.newestOfTicket(ticket.id(), PageRequest.of(0, LAST_MESSAGES)));
        Collections.reverse(newest);
        List<MessageView> last = views(newest);
        return new TicketDetails(ticket.id(), ticket.number(), ticket.subject(), ticket.description(), ticket.status(),
                category, agentName, ticket.timeline().openedAt(), ticket.rating().map(Rating::stars).orElse(null), last, ticket.categoryId(), ticket.agentId(),
                ticket.customerId(), customerName, ticket.channel(), ticket.rating().map(Rating::comment).orElse(null));
    }

    /** The messages as shown, each agent's by their own name: one query for the agents however many wrote. */
    private List<MessageView> views(List<TicketMessage> conversation) {
        Set<Long> agentIds = conversation.stream().map(TicketMessage::agentId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, String> names = new HashMap<>();
        if (!agentIds.isEmpty()) {
            agents.findAllById(agentIds).forEach(agent -> names.put(agent.id(), agent.firstName()));
        }
        return conversation.stream().map(message -> MessageView.of(message, names.get(message.agentId()))).toList();
    }
}
