package com.careregistry.core.sla;

import com.careregistry.core.sla.ServiceLevel.Progress;
import com.careregistry.core.ticket.Ticket;
import com.careregistry.core.ticket.TicketEvents.AgentMessagePosted;
import com.careregistry.core.ticket.TicketEvents.TicketClosed;
import com.careregistry.core.ticket.TicketEvents.TicketOpened;
import com.careregistry.core.ticket.TicketEvents.TicketReopened;
import com.careregistry.core.ticket.TicketEvents.TicketResolved;
import com.careregistry.core.ticket.TicketStatus;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps each ticket's service level in step with the ticket, in the transaction of the change: due
 * times fixed when it opens (when its category promises anything), then what it waits on as it is
 * answered, resolved, reopened or closed.
 */
@Component
class ServiceLevelTracking {

    private final ServiceLevels levels;
    private final Deadlines deadlines;

    ServiceLevelTracking(ServiceLevels levels, Deadlines deadlines) {
        this.levels = levels;
        this.deadlines = deadlines;
    }

    /** First among the listeners of a new ticket: the staff card it writes shows these due times. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(TicketOpened event) {
        Ticket ticket = event.ticket();
        Deadlines.Due due = deadlines.of(ticket.categoryId(), ticket.timeline().openedAt());
        if (due.any()) {
            levels.save(new ServiceLevel(ticket.id(), due, deadlines.remindBefore()));
        }
    }

    @EventListener
    void on(AgentMessagePosted event) {
        // only the first answer changes what the ticket waits on; later ones cost no read
        if (event.message().createdAt().equals(event.ticket().timeline().firstResponseAt())) {
            follow(event.ticket());
        }
    }

    @EventListener
    void on(TicketResolved event) {
        follow(event.ticket());
    }

    @EventListener
    void on(TicketReopened event) {
        follow(event.ticket());
    }

    @EventListener
    void on(TicketClosed event) {
        follow(event.ticket());
    }

    private void follow(Ticket ticket) {
        levels.findById(ticket.id()).ifPresent(level -> level.follow(progress(ticket), deadlines.remindBefore()));
    }

    static Progress progress(Ticket ticket) {
        return new Progress(ticket.timeline().firstResponseAt() != null,
                ticket.status() == TicketStatus.RESOLVED || ticket.status() == TicketStatus.CLOSED);
    }
}
