package com.careregistry.core.ticket;

import com.careregistry.core.common.Channel;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent edited a message they wrote in a staff thread: the new text is recorded with the earlier
 * one kept (the panel's timeline shows both), and the customer's copy is edited to match.
 */
@Service
public class EditAgentMessage {

    private final Tickets tickets;
    private final TicketMessages messages;
    private final TicketMessageEdits edits;
    private final Clock clock;

    public EditAgentMessage(Tickets tickets, TicketMessages messages, TicketMessageEdits edits, Clock clock) {
        this.tickets = tickets;
        this.messages = messages;
        this.edits = edits;
        this.clock = clock;
    }

    /**
     * Records the edit of the message {@code agentId} wrote, known on {@code channel} as
     * {@code externalMessageId}; empty when it is no message of theirs to a customer (a note, a
     * command, someone else's: nothing to do).
     */
    @Transactional
    public Optional<TicketMessage> edit(Long agentId, Channel channel, String externalMessageId, String newText) {
        String text = MessageContent.editedText(newText);
        Optional<TicketMessage> found = messages.findFirstByChannelAndExternalMessageId(channel, externalMessageId)
                .filter(message -> message.authorType() == AuthorType.AGENT && agentId.equals(message.agentId()));
        if (found.isEmpty() || text.equals(found.get().body())) {
            return Optional.empty();
        }
        TicketMessage message = found.get();
        Ticket ticket = tickets.findById(message.ticketId()).orElseThrow();
        edits.save(ticket.edited(message, agentId, text, clock.instant()));
        tickets.save(ticket);
        return Optional.of(message);
    }
}
