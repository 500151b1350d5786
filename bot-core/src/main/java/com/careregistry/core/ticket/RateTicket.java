package com.careregistry.core.ticket;

import com.careregistry.core.common.DomainException;
import com.careregistry.core.common.NotFoundException;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** C8: the customer rates the help on a resolved or closed ticket, 1 to 5, once, with an optional comment. */
@Service
public class RateTicket {

    public static final int MAX_COMMENT_LENGTH = 1000;

    private final Tickets tickets;
    private final Clock clock;

    public RateTicket(Tickets tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    @Transactional
    public Ticket rate(Long customerId, TicketNumber number, int stars, String comment) {
        if (comment != null && comment.strip().length() > MAX_COMMENT_LENGTH) {
            throw new DomainException("ticket.rate.comment-too-long", MAX_COMMENT_LENGTH);
        }
        Ticket ticket = tickets.findByNumberAndCustomer(number.value(), customerId)
                .orElseThrow(() -> new NotFoundException("ticket.not-found", number.toString()));
        ticket.rate(stars, comment, clock.instant());
        return tickets.save(ticket);
    }

    /** The customer adds the optional comment after rating with stars alone. */
    @Transactional
    public Ticket comment(Long customerId, TicketNumber number, String comment) {
        if (comment != null && comment.strip().length() > MAX_COMMENT_LENGTH) {
            throw new DomainException("ticket.rate.comment-too-long", MAX_COMMENT_LENGTH);
        }
        Ticket ticket = tickets.findByNumberAndCustomer(number.value(), customerId)
                .orElseThrow(() -> new NotFoundException("ticket.not-found", number.toString()));
        ticket.commentOnRating(comment, clock.instant());
        return tickets.save(ticket);
    }
}
