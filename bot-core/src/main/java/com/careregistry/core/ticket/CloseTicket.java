package com.careregistry.core.ticket;

import com.careregistry.core.common.NotFoundException;
import com.careregistry.core.ticket.TicketEvents.Closer;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer (their own ticket) or an admin closes a ticket; the customer is asked for a rating. */
@Service
public class CloseTicket {

    private final Tickets tickets;
    private final Clock clock;

    public CloseTicket(Tickets tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    @Transactional
    public void byCustomer(Long customerId, TicketNumber number) {
        Ticket ticket = tickets.findByNumberAndCustomer(number.value(), customerId)
                .orElseThrow(() -> new NotFoundException("ticket.not-found", number.toString()));
        ticket.close(Closer.CUSTOMER, clock.instant());
        tickets.save(ticket);
    }

    @Transactional
    public void byAdmin(TicketNumber number) {
        Ticket ticket = tickets.findByNumber(number.value())
                .orElseThrow(() -> new NotFoundException("ticket.not-found", number.toString()));
        ticket.close(Closer.ADMIN, clock.instant());
        tickets.save(ticket);
    }
}
