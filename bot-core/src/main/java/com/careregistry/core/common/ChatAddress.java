package com.careregistry.core.common;

import java.util.Objects;

/**
 * Where a chat message is delivered: a chat on one platform, optionally a thread in it
 * (a Telegram forum topic, a Discord thread).
 */
public record ChatAddress(Channel channel, String chatId, String threadId) {

    public ChatAddress {
        Objects.requireNonNull(channel, "channel");
        if (!channel.isChat()) {
            throw new IllegalArgumentException("not a chat channel: " + channel);
        }
        if (chatId == null || chatId.isBlank()) {
            throw new IllegalArgumentException("chat id is required");
        }
        if (threadId != null && threadId.isBlank()) {
            threadId = null;
        }
    }

    public static ChatAddress of(Channel channel, String chatId) {
        return new ChatAddress(channel, chatId, null);
    }

    public ChatAddress inThread(String threadId) {
        return new ChatAddress(channel, chatId, threadId);
    }

    /** The key that keeps the messages of one chat (or thread) in order. */
    public String orderingKey() {
        return channel + ":" + chatId + (threadId == null ? "" : ":" + threadId);
    }
}
