package com.careregistry.core.inbox;

import java.util.Collection;
import java.util.List;

/**
 * Reads that a batch (several chats' events handled in one transaction, {@link InboxProcessor}) makes
 * once for all its events, where each event's handler would make its own: one statement for the batch
 * instead of one per event. What they load stays in the persistence context until the event it was
 * read for is handled (the batch forgets each handled event's entities, {@link #keptFor}); a handler
 * that finds nothing read for it reads as it always does.
 */
public interface BatchReads {

    /** The batch's events are locked, in its transaction: read, together, what their handlers will ask for. */
    void prepare(List<InboxEvent> events);

    /** The entities read for these events (those not handled yet), to keep while the batch forgets the rest. */
    Collection<Object> keptFor(List<InboxEvent> events);
}
