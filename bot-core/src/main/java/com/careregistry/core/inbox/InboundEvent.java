package com.careregistry.core.inbox;

import com.careregistry.core.common.Channel;
import java.util.Objects;

/** A platform event as the platform names it: a Telegram update id, a Discord message or interaction id. */
public record InboundEvent(Channel channel, String externalEventId) {

    public InboundEvent {
        Objects.requireNonNull(channel, "channel");
        if (externalEventId == null || externalEventId.isBlank() || externalEventId.length() > 128) {
            throw new IllegalArgumentException("bad external event id: " + externalEventId);
        }
    }
}
