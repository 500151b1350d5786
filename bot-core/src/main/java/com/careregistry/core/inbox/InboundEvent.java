package com.careregistry.core.inbox;

import com.careregistry.core.common.Channel;
import java.util.Objects;

/**
 * A platform event as an adapter appends it to the inbox: the platform's id of it (a Telegram update
 * id, a Discord message or interaction id; unique per channel, so a redelivery is a no-op), the key
 * whose events are handled one after another in order (the chat), and the payload the adapter's
 * handler reads back.
 */
public record InboundEvent(Channel channel, String externalEventId, String orderingKey, String payload) {

    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_KEY_LENGTH = 160;

    public InboundEvent {
        Objects.requireNonNull(channel, "channel");
        if (externalEventId == null || externalEventId.isBlank() || externalEventId.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("bad external event id: " + externalEventId);
        }
        if (orderingKey == null || orderingKey.isBlank()) {
            throw new IllegalArgumentException("an ordering key is required");
        }
        if (orderingKey.length() > MAX_KEY_LENGTH) {
            orderingKey = orderingKey.substring(0, MAX_KEY_LENGTH);
        }
    }
}
