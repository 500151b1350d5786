package com.careregistry.core.ticket;

import com.careregistry.core.common.Channel;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer edited a message they sent: the new text is recorded with the earlier one kept,
 * and staff see the change.
 */
@Service
public class EditCustomerMessage {

    private final Tickets tickets;
    private final TicketMessages messages;
    private final TicketMessageEdits edits;
    private final TicketDescriptionEdits descriptionEdits;
    private final Clock clock;

    public EditCustomerMessage(Tickets tickets, TicketMessages messages, TicketMessageEdits edits,
                               TicketDescriptionEdits descriptionEdits, Clock clock) {
        this.tickets = tickets;
        this.messages = messages;
        this.edits = edits;
        this.descriptionEdits = descriptionEdits;
        this.clock = clock;
    }

    /**
     * Records the edit of the customer's message known on {@code channel} as
     * {@code externalMessageId}; empty when it is no message of a ticket of theirs (nothing to do),
     * and when it is the message that opened a ticket: that edit changes the ticket's description.
     */
    @Transactional
    public Optional<TicketMessage> edit(Long customerId, Channel channel, String externalMessageId, String newText) {
        String text = MessageContent.editedText(newText);
        Optional<Ticket> opened = tickets.findFirstByChannelAndDescription_OpeningMessageIdAndCustomerId(channel, externalMessageId, customerId);
        if (opened.isPresent()) {
            opened.get().descriptionEdited(text, clock.instant()).ifPresent(descriptionEdits::save);
            tickets.save(opened.get());
            return Optional.empty();
        }
        Optional<TicketMessage> found = messages.findFirstByChannelAndExternalMessageId(channel, externalMessageId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TicketMessage message = found.get();
        Optional<Ticket> ticket = tickets.findById(message.ticketId()).filter(t -> t.customerId().equals(customerId));
        if (ticket.isEmpty() || message.authorType() != AuthorType.CUSTOMER) {
            return Optional.empty();
        }
        edits.save(ticket.get().edited(message, null, text, clock.instant()));
        tickets.save(ticket.get());
        return Optional.of(message);
    }
}
