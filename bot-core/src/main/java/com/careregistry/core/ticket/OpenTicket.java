package com.careregistry.core.ticket;

import com.careregistry.core.agent.AgentLoad;
import com.careregistry.core.agent.Agents;
import com.careregistry.core.category.Categories;
import com.careregistry.core.category.Category;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.common.NotFoundException;
import com.careregistry.core.customer.Customers;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** C4: opens a ticket; its number is the next of the sequence and its subject the first line. */
@Service
public class OpenTicket {

    private final Tickets tickets;
    private final TicketMessages messages;
    private final Customers customers;
    private final Categories categories;
    private final Agents agents;
    private final TicketSettings settings;
    private final TicketLimits limits;
    private final Clock clock;

    public OpenTicket(Tickets tickets, TicketMessages messages, Customers customers, Categories categories, Agents agents,
                      TicketSettings settings, TicketLimits limits, Clock clock) {
        this.limits = limits;
        this.tickets = tickets;
        this.messages = messages;
        this.customers = customers;
        this.categories = categories;
        this.agents = agents;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public Ticket open(OpenTicketCommand command) {
        if (!customers.existsById(command.customerId())) {
            throw new NotFoundException("customer.not-found");
        }
        limits.check(command.customerId());
        Category category = categoryFor(command.categoryId());
        Instant now = clock.instant();
        TicketNumber number = new TicketNumber(tickets.nextNumber());
        Ticket ticket = tickets.save(Ticket.open(number, command.customerId(), category.id(), command.channel(), command.description(),
                command.externalMessageId(), now));
        if (!command.attachments().isEmpty()) {
            MessageContent files = new MessageContent(null, command.attachments(), command.channel(), command.externalMessageId());
            messages.save(new TicketMessage(ticket.id(), AuthorType.CUSTOMER, null, files, now));
        }
        if (settings.autoAssign()) {
            leastLoadedAgentOf(category.id()).ifPresent(agentId -> ticket.assign(agentId, now));
        }
        return tickets.save(ticket);
    }

    /**
     * Refuses when this customer may not open a ticket now (too many waiting, or opened in the last
     * hour): asked before they describe a problem, so they are not made to type it for nothing.
     */
    @Transactional(readOnly = true)
    public void mayOpen(Long customerId) {
        limits.check(customerId);
    }

    private java.util.Optional<Long> leastLoadedAgentOf(Long categoryId) {
        return agents.availableWithLoad(categoryId, settings.agentLimit()).stream()
                .min(AgentLoad.LEAST_LOADED)
                .map(AgentLoad::agentId);
    }

    private Category categoryFor(Long categoryId) {
        if (categoryId != null) {
            Category category = categories.findById(categoryId).orElseThrow(() -> new NotFoundException("category.not-found"));
            if (!category.active()) {
                throw new DomainException("category.retired", category.name());
            }
            return category;
        }
        List<Category> active = categories.findByActiveTrueOrderByNameAsc();
        if (active.size() != 1) {
            throw new DomainException("category.choose");
        }
        return active.get(0);
    }
}
