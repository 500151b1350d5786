package com.careregistry.core.notification;

import com.careregistry.core.agent.Agent;
import com.careregistry.core.agent.Agents;
import com.careregistry.core.category.Categories;
import com.careregistry.core.category.Category;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.customer.CustomerDirectory;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.Ticket;
import com.careregistry.core.ticket.TicketEvents.AgentAssigned;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The emails an assignment sends (A5): to the agent, with the ticket's card, and to the customer when
 * they verified an email address. Outbox rows, in the transaction of the assignment.
 */
@Component
class EmailNotices {

    private final CustomerDirectory customers;
    private final Agents agents;
    private final Categories categories;
    private final Outbox outbox;
    private final Texts texts;

    EmailNotices(CustomerDirectory customers, Agents agents, Categories categories, Outbox outbox, Texts texts) {
        this.customers = customers;
        this.agents = agents;
        this.categories = categories;
        this.outbox = outbox;
        this.texts = texts;
    }

    @EventListener
    void on(AgentAssigned event) {
        Ticket ticket = event.ticket();
        Agent agent = agents.findById(event.agentId()).orElseThrow();
        Customer customer = customers.get(ticket.customerId());
        String number = ticket.number().toString();
        customer.verifiedEmail().ifPresent(email -> outbox.toEmail(email,
                texts.get(customer.language(), "email.assigned.customer.subject", number),
                texts.get(customer.language(), "email.assigned.customer.body", customer.displayName(), number,
                        ticket.subject(), agent.firstName()),
                ticket.id()));
        String category = categories.findById(ticket.categoryId()).map(Category::name).orElse("");
        outbox.toEmail(agent.email(),
                texts.get(agent.language(), "email.assigned.agent.subject", number, ticket.subject()),
                texts.get(agent.language(), "email.assigned.agent.body", agent.firstName(), number, ticket.subject(),
                        customer.displayName(), category, ticket.description()),
                ticket.id());
    }
}
