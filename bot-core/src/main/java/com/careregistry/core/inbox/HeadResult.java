package com.careregistry.core.inbox;

/**
 * What became of a chat's head; {@code more}: it was handled and the same transaction saw another
 * event pending in the chat (so its worker keeps the chat for the next batch).
 */
record HeadResult(HeadStep step, boolean more) {
    static HeadResult of(HeadStep step) {
        return new HeadResult(step, false);
    }
}
