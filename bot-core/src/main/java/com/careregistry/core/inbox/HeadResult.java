package com.careregistry.core.inbox;

/**
 * What became of a chat's head, and, when it was handled, the chat's next pending event as the
 * same transaction saw it ({@link ChatHead#NONE} when there was none; null when not looked at).
 */
record HeadResult(HeadStep step, ChatHead following) {
    static HeadResult of(HeadStep step) {
        return new HeadResult(step, null);
    }
}
