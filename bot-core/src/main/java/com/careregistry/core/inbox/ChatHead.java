package com.careregistry.core.inbox;

import java.time.Instant;

/** The oldest pending event of a chat: its id and when it is due; {@link #NONE} when the chat has none. */
record ChatHead(long id, Instant nextAttemptAt) {
    static final ChatHead NONE = new ChatHead(0, Instant.MAX);

    /** An event that follows its chat's head: due when it becomes the head (only a head is put off). */
    static ChatHead due(long id) {
        return new ChatHead(id, Instant.MIN);
    }
}
