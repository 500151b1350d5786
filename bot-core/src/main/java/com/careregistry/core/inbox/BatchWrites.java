package com.careregistry.core.inbox;

/**
 * Writes that a batch (several chats' events handled in one transaction, {@link InboxProcessor})
 * may gather while its events are handled and make together once all of them have been: one
 * statement for the batch instead of one per event. A batch that fails rolls back what was
 * gathered with everything else, and its events are then handled one by one, each a batch of one
 * whose gathered writes are made before its mark, so that a write refused is that event's failure.
 */
public interface BatchWrites {

    /** A batch begins in the current transaction: writes from here on may be gathered. */
    void gather();

    /** Every event of the batch has been handled: the gathered writes are made now, in its transaction. */
    void write();
}
