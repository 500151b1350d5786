package com.careregistry.core.inbox;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;

/**
 * How a chat adapter turns its stored events into the core's use cases. Each method runs inside
 * the transaction that also marks the event, so what it writes (the outbox rows of its answers
 * included) commits together with that mark, or not at all.
 */
public interface InboxHandler {

    Channel channel();

    /** Has the event's effect. A {@link DomainException} is a refusal; anything else is a failure. */
    void handle(InboxEvent event);

    /** The effect was refused by a domain rule and rolled back: tell the writer why, where they wrote. */
    void refused(InboxEvent event, DomainException refusal);

    /** The event failed on every try and is set aside: tell the writer, politely, in their language. */
    void failed(InboxEvent event);
}
