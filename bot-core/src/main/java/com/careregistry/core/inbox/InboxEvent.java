package com.careregistry.core.inbox;

import com.careregistry.core.common.Channel;
import java.time.Instant;

/**
 * A stored inbound event as a handler reads it.
 *
 * @param attempts the tries that failed before this one (0 the first time)
 */
public record InboxEvent(long id, Channel channel, String externalEventId, String orderingKey, String payload,
                         int attempts, Instant receivedAt) {
}
