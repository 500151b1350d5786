package com.careregistry.core.notification;

import com.careregistry.core.agent.Agent;
import com.careregistry.core.agent.Agents;
import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.ChatAction;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.customer.CustomerDirectory;
import com.careregistry.core.topic.CustomerTopics;
import com.careregistry.core.outbox.MessageAction;
import com.careregistry.core.outbox.MessageRef;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.Ticket;
import com.careregistry.core.ticket.TicketEvents.AgentAssigned;
import com.careregistry.core.ticket.TicketEvents.AgentMessageEdited;
import com.careregistry.core.ticket.TicketEvents.AgentMessagePosted;
import com.careregistry.core.ticket.TicketEvents.TicketClosed;
import com.careregistry.core.ticket.TicketEvents.TicketRated;
import com.careregistry.core.ticket.TicketEvents.TicketResolved;
import com.careregistry.core.ticket.TicketMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the customer, in their own chat and language, what happened to their ticket: who handles
 * it, what the agent wrote, that it was resolved or closed (with the stars to rate it), thanks for
 * the rating. Outbox rows, in the transaction of the change.
 */
@Component
class CustomerNotices {

    private final CustomerDirectory customers;
    private final Agents agents;
    private final Outbox outbox;
    private final Texts texts;

    CustomerNotices(CustomerDirectory customers, Agents agents, Outbox outbox, Texts texts) {
        this.customers = customers;
        this.agents = agents;
        this.outbox = outbox;
        this.texts = texts;
    }

    @EventListener
    void on(AgentAssigned event) {
        Ticket ticket = event.ticket();
        Agent agent = agents.findById(event.agentId()).orElseThrow();
        Customer customer = customers.get(ticket.customerId());
        tell(ticket, customer, texts.get(customer.language(), "customer.agent-assigned", ticket.number().toString(), agent.firstName()),
                List.of(), List.of());
    }

    @EventListener
    void on(AgentMessagePosted event) {
        Ticket ticket = event.ticket();
        TicketMessage message = event.message();
        Agent agent = agents.findById(message.agentId()).orElseThrow();
        Customer customer = customers.get(ticket.customerId());
        // the row is tied to the message (the panel shows the answer's delivery beside it) and carries a copy
        // of it: once the customer has it, the agent sees a receipt on their message
        customers.chatOf(customer.id(), ticket.channel()).ifPresent(address -> outbox.messageToChat(ticket.id(), message.id(), address,
                CustomerTopics.titleOf(ticket), agentWrote(customer, ticket, agent, message), message.attachments(),
                MessageRef.of(message.channel(), message.externalMessageId())));
    }

    /** The agent edited their message: the customer's copy of it says what it says now. */
    @EventListener
    void on(AgentMessageEdited event) {
        Ticket ticket = event.ticket();
        TicketMessage message = event.message();
        Customer customer = customers.get(ticket.customerId());
        Optional<ChatAddress> chat = customers.chatOf(customer.id(), ticket.channel());
        if (chat.isEmpty()) {
            return;
        }
        Agent agent = agents.findById(message.agentId()).orElseThrow();
        outbox.deliveryOf(ticket.id(), message.id(), chat.get())
                .ifPresent(copy -> outbox.edit(copy, ticket.id(), chat.get(), CustomerTopics.titleOf(ticket),
                        agentWrote(customer, ticket, agent, message)));
    }

    private String agentWrote(Customer customer, Ticket ticket, Agent agent, TicketMessage message) {
        return texts.get(customer.language(), "customer.agent-wrote", ticket.number().toString(), agent.firstName(),
                MessageLines.of(texts, customer.language(), message));
    }

    @EventListener
    void on(TicketResolved event) {
        Ticket ticket = event.ticket();
        Customer customer = customers.get(ticket.customerId());
        String agentName = agents.findById(event.byAgentId()).map(Agent::firstName).orElse("");
        tell(ticket, customer, texts.get(customer.language(), "customer.ticket-resolved", ticket.number().toString(), agentName),
                List.of(MessageAction.of(new ChatAction.AskToClose(ticket.number().value()), texts.get(customer.language(), "action.close"))),
                List.of());
    }

    @EventListener
    void on(TicketClosed event) {
        Ticket ticket = event.ticket();
        Customer customer = customers.get(ticket.customerId());
        String number = ticket.number().toString();
        String key = switch (event.by()) {
            case ADMIN -> "customer.ticket-closed-by-staff";
            case AUTO -> "customer.ticket-closed-auto";
            case CUSTOMER -> "customer.ticket-closed";
        };
        List<MessageAction> stars = new ArrayList<>();
        if (ticket.rating().isEmpty()) {
            for (int star = 1; star <= 5; star++) {
                stars.add(MessageAction.of(new ChatAction.Rate(ticket.number().value(), star), "★".repeat(star)));
            }
        }
        String text = texts.get(customer.language(), key, number)
                + (stars.isEmpty() ? "" : "\n\n" + texts.get(customer.language(), "customer.rate.ask", number));
        tell(ticket, customer, text, stars, List.of());
    }

    @EventListener
    void on(TicketRated event) {
        Ticket ticket = event.ticket();
        Customer customer = customers.get(ticket.customerId());
        tell(ticket, customer, texts.get(customer.language(), "customer.rate.thanks"), List.of(), List.of());
    }

    /**
     * In the customer's chat on the ticket's platform, when they can be reached there: in the ticket's
     * own topic of that chat, where the platform has them.
     */
    private void tell(Ticket ticket, Customer customer, String text, List<MessageAction> actions, List<Attachment> attachments) {
        Optional<ChatAddress> chat = customers.chatOf(customer.id(), ticket.channel());
        chat.ifPresent(address -> outbox.toCustomerAbout(ticket.id(), address, CustomerTopics.titleOf(ticket), text, actions, attachments));
    }
}
