package com.careregistry.core.outbox;

import com.careregistry.core.common.Channel;

/**
 * A message where it was written, as the platform knows it: its chat and its id there. The chat
 * adapters give a message's id as {@code chat:message}; a message written in the panel has none.
 */
public record MessageRef(Channel channel, String chatId, String messageId) {

    /** The message behind a platform id of the form {@code chat:message}; null when there is none. */
    public static MessageRef of(Channel channel, String externalMessageId) {
        if (channel == null || externalMessageId == null) {
            return null;
        }
        int split = externalMessageId.lastIndexOf(':');
        if (split <= 0 || split == externalMessageId.length() - 1) {
            return null;
        }
        return new MessageRef(channel, externalMessageId.substring(0, split), externalMessageId.substring(split + 1));
    }

    /** The message of a row's {@code copy_of_*} columns; null when the row carries no copy. */
    static MessageRef of(String channel, String chatId, String messageId) {
        return messageId == null ? null : new MessageRef(Channel.valueOf(channel), chatId, messageId);
    }
}
