package com.careregistry.core.outbox;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import java.time.Instant;
import java.util.Optional;

/** One message we send, as the panel's delivery lists show it: where to, in what state, what went wrong. */
public record DeliveryView(long id, Channel channel, Optional<ChatAddress> chat, String emailTo, OutboxStatus status,
                           int attempts, String lastError, Instant createdAt, Instant sentAt) {

    static DeliveryView of(OutboxMessage row) {
        return new DeliveryView(row.id(), row.channel(), row.chat(), row.emailTo(), row.status(), row.attempts(),
                row.lastError(), row.createdAt(), row.sentAt());
    }
}
