package com.careregistry.core.notification;

import com.careregistry.core.agent.Agent;
import com.careregistry.core.agent.AgentIdentities;
import com.careregistry.core.agent.AgentIdentity;
import com.careregistry.core.agent.Agents;
import com.careregistry.core.category.Categories;
import com.careregistry.core.category.Category;
import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAction;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.common.UserText;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.customer.CustomerDirectory;
import com.careregistry.core.outbox.MessageAction;
import com.careregistry.core.outbox.MessageRef;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.sla.Deadlines;
import com.careregistry.core.staff.StaffDesk;
import com.careregistry.core.staff.StaffRouting;
import com.careregistry.core.staff.StaffThreads.KnownThread;
import com.careregistry.core.staff.StaffThreads;
import com.careregistry.core.text.Texts;
import com.careregistry.core.text.Times;
import com.careregistry.core.ticket.Ticket;
import com.careregistry.core.ticket.TicketEvents.AgentAssigned;
import com.careregistry.core.ticket.TicketEvents.AgentMessagePosted;
import com.careregistry.core.ticket.TicketEvents.CustomerMessagePosted;
import com.careregistry.core.ticket.TicketEvents.TicketClosed;
import com.careregistry.core.ticket.TicketEvents.TicketOpened;
import com.careregistry.core.ticket.TicketEvents.TicketRated;
import com.careregistry.core.ticket.TicketEvents.TicketReopened;
import com.careregistry.core.ticket.TicketEvents.TicketResolved;
import com.careregistry.core.ticket.TicketEvents;
import com.careregistry.core.ticket.TicketMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells staff what happened to a ticket, by writing outbox rows in the transaction of the change: in
 * the ticket's thread on the platform where agents work on it (its title following the ticket's
 * status and subject), or to the assigned agent in private where that platform has no staff group.
 * Customers are told by {@link CustomerNotices}, emails sent by {@link EmailNotices}. It listens to
 * the ticket's events from a package of its own: tickets know nothing of who is told.
 */
@Component
class StaffNotices {

    private final CustomerDirectory customers;
    private final Agents agents;
    private final AgentIdentities agentIdentities;
    private final Categories categories;
    private final StaffRouting routing;
    private final StaffThreads threads;
    private final Outbox outbox;
    private final Texts texts;
    private final Deadlines deadlines;

    StaffNotices(CustomerDirectory customers, Agents agents, AgentIdentities agentIdentities, Categories categories,
                 StaffRouting routing, StaffThreads threads, Outbox outbox, Texts texts, Deadlines deadlines) {
        this.deadlines = deadlines;
        this.customers = customers;
        this.agents = agents;
        this.agentIdentities = agentIdentities;
        this.categories = categories;
        this.routing = routing;
        this.threads = threads;
        this.outbox = outbox;
        this.texts = texts;
    }

    @EventListener
    void on(TicketOpened event) {
        Ticket ticket = event.ticket();
        // the card carries the customer's opening message: once staff have it, the customer sees a receipt on it
        toStaff(ticket, language -> card(ticket, language), staffActions(ticket), List.of(), null, true,
                MessageRef.of(ticket.channel(), ticket.openingMessageId()));
    }

    @EventListener
    void on(AgentAssigned event) {
        Ticket ticket = event.ticket();
        Agent agent = agents.findById(event.agentId()).orElseThrow();
        String number = ticket.number().toString();

        toStaffGroups(ticket, language -> texts.get(language, "staff.ticket.assigned", number, agent.fullName()), List.of());
        // where agents are reached in private, the newly assigned agent gets the ticket's card
        for (StaffDesk desk : routing.deskFor(ticket.channel()).stream().toList()) {
            if (desk.groupChatId().isEmpty()) {
                for (AgentIdentity identity : agentIdentities.findByAgentIdAndChannel(agent.id(), desk.channel())) {
                    outbox.toChatAbout(ticket.id(), identity.privateChat(), card(ticket, agent.language()), staffActions(ticket),
                            List.of());
                }
            }
        }
    }

    @EventListener
    void on(CustomerMessagePosted event) {
        Ticket ticket = event.ticket();
        TicketMessage message = event.message();
        Customer customer = customers.get(ticket.customerId());
        toStaff(ticket, language -> texts.get(language, "staff.customer-wrote", ticket.number().toString(),
                UserText.isolate(customer.displayName()), MessageLines.of(texts, language, message)), List.of(), message.attachments(), null, false,
                MessageRef.of(message.channel(), message.externalMessageId()));
    }

    @EventListener
    void on(TicketEvents.CustomerMessageEdited event) {
        Ticket ticket = event.ticket();
        Customer customer = customers.get(ticket.customerId());
        toStaff(ticket, language -> texts.get(language, "staff.customer-edited", ticket.number().toString(),
                UserText.isolate(customer.displayName()), event.message().body(), event.previousText() == null ? "" : event.previousText()),
                List.of());
    }

    @EventListener
    void on(TicketEvents.DescriptionEdited event) {
        Ticket ticket = event.ticket();
        Customer customer = customers.get(ticket.customerId());
        toStaff(ticket, language -> texts.get(language, "staff.customer-edited", ticket.number().toString(),
                UserText.isolate(customer.displayName()), ticket.description(), event.previousDescription()), List.of());
    }

    @EventListener
    void on(AgentMessagePosted event) {
        Ticket ticket = event.ticket();
        TicketMessage message = event.message();
        Agent agent = agents.findById(message.agentId()).orElseThrow();
        // staff in other places (another platform's thread, the panel) see the answer too
        toStaff(ticket, language -> texts.get(language, "staff.agent-wrote", ticket.number().toString(), UserText.isolate(agent.fullName()),
                MessageLines.of(texts, language, message)), List.of(), message.attachments(), message.channel(), false, null);
    }

    @EventListener
    void on(TicketResolved event) {
        Ticket ticket = event.ticket();
        String number = ticket.number().toString();
        toStaff(ticket, language -> texts.get(language, "staff.ticket.resolved", number), List.of());
    }

    @EventListener
    void on(TicketReopened event) {
        Ticket ticket = event.ticket();
        toStaff(ticket, language -> texts.get(language, "staff.ticket.reopened", ticket.number().toString()), List.of());
    }

    @EventListener
    void on(TicketClosed event) {
        Ticket ticket = event.ticket();
        toStaff(ticket, language -> texts.get(language, "staff.ticket.closed", ticket.number().toString()), List.of());
    }

    @EventListener
    void on(TicketRated event) {
        Ticket ticket = event.ticket();
        toStaff(ticket, language -> texts.get(language, "staff.ticket.rated", ticket.number().toString(),
                "★".repeat(event.stars()), event.comment() == null ? "" : event.comment()), List.of());
    }

    private String card(Ticket ticket, String language) {
        Customer customer = customers.get(ticket.customerId());
        // the due times the ticket was given when it opened (stored first among its listeners), not its category's targets now
        String dueLines = deadlines.forTicket(ticket.id()).map(due -> line(language, "staff.ticket.card.first-response-due", due.firstResponse())
                + line(language, "staff.ticket.card.resolution-due", due.resolution())).orElse("");
        return texts.get(language, "staff.ticket.card", ticket.number().toString(), UserText.isolate(ticket.subject()),
                UserText.isolate(customer.displayName()), categoryName(ticket), ticket.channel().name(), ticket.description(), dueLines);
    }

    private String line(String language, String key, Instant at) {
        return at == null ? "" : "\n" + texts.get(language, key, Times.minute(at));
    }

    /** Something about this ticket for its staff: its thread in each staff group, or its agent in private. */
    void tell(Ticket ticket, Function<String, String> text) {
        toStaff(ticket, text, List.of());
    }

    private List<MessageAction> staffActions(Ticket ticket) {
        long number = ticket.number().value();
        return List.of(MessageAction.of(new ChatAction.Claim(number), texts.get("en", "action.claim")),
                MessageAction.of(new ChatAction.Resolve(number), texts.get("en", "action.resolve")));
    }

    private String categoryName(Ticket ticket) {
        return categories.findById(ticket.categoryId()).map(Category::name).orElse("");
    }

    /** To every staff group only (the ticket's thread in it), not to agents in private. */
    private void toStaffGroups(Ticket ticket, Function<String, String> text, List<MessageAction> actions) {
        toStaff(ticket, text, actions, List.of(), null, true, null);
    }

    private void toStaff(Ticket ticket, Function<String, String> text, List<MessageAction> actions) {
        toStaff(ticket, text, actions, List.of(), null, false, null);
    }

    /**
     * To staff on every platform: the ticket's thread in a staff group, or the assigned agent's
     * private chat where a platform has no group. Not back to the platform a staff message came from.
     * {@code original}: the customer's message this is a copy of, if it is one.
     */
    private void toStaff(Ticket ticket, Function<String, String> text, List<MessageAction> actions,
                         List<Attachment> attachments, Channel except, boolean groupsOnly, MessageRef original) {
        for (StaffDesk desk : routing.deskFor(ticket.channel()).stream().toList()) {
            if (desk.channel() == except) {
                continue;
            }
            if (desk.groupChatId().isPresent()) {
                String group = desk.groupChatId().get();
                Optional<KnownThread> known = threads.find(ticket, desk.channel()).filter(t -> t.address().chatId().equals(group));
                String title = threads.titleOf(ticket);
                outbox.toStaffThread(ticket.id(), known.map(KnownThread::address).orElse(ChatAddress.of(desk.channel(), group)),
                        known.isPresent() && title.equals(known.get().title()) ? null : title,
                        text.apply(Texts.normalize(null)), actions, attachments, original);
            } else if (ticket.agentId() != null && !groupsOnly) {
                agents.findById(ticket.agentId()).ifPresent(assigned -> {
                    for (AgentIdentity identity : agentIdentities.findByAgentIdAndChannel(assigned.id(), desk.channel())) {
                        outbox.toChatAbout(ticket.id(), identity.privateChat(), text.apply(assigned.language()), actions,
                                attachments, original);
                    }
                });
            }
        }
    }
}
