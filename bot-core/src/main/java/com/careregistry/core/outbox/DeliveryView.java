package com.careregistry.core.outbox;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * One message we send, as the panel's delivery lists show it: where to, in what state, what went wrong,
 * and the ticket's message it delivers (null when it delivers none, or was written before that was kept).
 */
public record DeliveryView(long id, Channel channel, Optional<ChatAddress> chat, String emailTo, OutboxStatus status,
                           int attempts, String lastError, Instant createdAt, Instant sentAt, Long ticketMessageId) {

    static DeliveryView of(OutboxMessage row) {
        return new DeliveryView(row.id(), row.channel(), row.chat(), row.emailTo(), row.status(), row.attempts(),
                row.lastError(), row.createdAt(), row.sentAt(), row.ticketMessageId());
    }

    /** The error in a few words, for a line beside a message (the whole error is on the delivery page). */
    public String shortError() {
        if (lastError == null) {
            return null;
        }
        String firstLine = lastError.strip().lines().findFirst().orElse("");
        return firstLine.length() <= 80 ? firstLine : firstLine.substring(0, 79) + "…";
    }
}
