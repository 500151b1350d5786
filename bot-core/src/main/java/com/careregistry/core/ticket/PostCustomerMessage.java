package com.careregistry.core.ticket;

import com.careregistry.core.common.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** C5: the customer writes on their ticket; on a resolved ticket this reopens it. */
@Service
public class PostCustomerMessage {

    public record Command(Long customerId, TicketNumber number, MessageContent content) {
        public Command {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(content, "content");
        }
    }

    private final Tickets tickets;
    private final TicketMessages messages;
    private final CustomerMessageWrites writes;
    private final Clock clock;

    public PostCustomerMessage(Tickets tickets, TicketMessages messages, CustomerMessageWrites writes, Clock clock) {
        this.tickets = tickets;
        this.messages = messages;
        this.writes = writes;
        this.clock = clock;
    }

    @Transactional
    public TicketMessage post(Command command) {
        Ticket ticket = tickets.findByNumberAndCustomer(command.number().value(), command.customerId())
                .orElseThrow(() -> new NotFoundException("ticket.not-found", command.number().toString()));
        return postTo(ticket, command);
    }

    /**
     * Posts the message when the ticket is the customer's and not closed; nothing (and no refusal)
     * otherwise, so the caller can ask the customer where the message goes instead.
     */
    @Transactional
    public Optional<TicketMessage> postUnlessClosed(Command command) {
        return tickets.findByNumberAndCustomer(command.number().value(), command.customerId())
                .filter(ticket -> ticket.status() != TicketStatus.CLOSED)
                .map(ticket -> postTo(ticket, command));
    }

    /**
     * In a batch of the inbox, a message that leaves its ticket open or assigned, with no attachment, is
     * written with the batch's others ({@link CustomerMessageWrites}): its id is known once the batch is.
     */
    private TicketMessage postTo(Ticket ticket, Command command) {
        Instant now = clock.instant();
        TicketMessage message;
        if (writes.batching() && command.content().attachments().isEmpty() && ticket.status().inProgress()) {
            message = ticket.customerWroteWithActivityApart(command.content(), now);
            writes.keep(message);
        } else {
            message = messages.save(ticket.customerWrote(command.content(), now));
        }
        tickets.save(ticket);   // publishes the ticket's events
        return message;
    }
}
