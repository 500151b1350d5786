package com.careregistry.core.ticket;

import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.Channel;
import java.time.Instant;
import java.util.List;

/**
 * One message of a ticket's conversation as it is shown: who wrote it (an agent's first name as it
 * was when shown, whoever holds the ticket now), what, with which files, when.
 */
public record MessageView(long id, AuthorType authorType, Long agentId, String authorName, String body,
                          List<Attachment> attachments, Channel channel, Instant createdAt, Instant editedAt) {

    static MessageView of(TicketMessage message, String authorName) {
        return new MessageView(message.id(), message.authorType(), message.agentId(), authorName, message.body(),
                List.copyOf(message.attachments()), message.channel(), message.createdAt(), message.editedAt());
    }

    /**
     * Who wrote it, as a reader is shown: {@code customer} for the customer's, the agent's name for an
     * agent's ({@code support} when it is not known), {@code support} for the system's.
     */
    public String author(String customer, String support) {
        return switch (authorType) {
            case CUSTOMER -> customer;
            case AGENT -> authorName != null ? authorName : support;
            case SYSTEM -> support;
        };
    }
}
