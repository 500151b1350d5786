package com.careregistry.core.common;

import java.util.Objects;

/**
 * A person as a chat platform shows them to us: the platform's user id, the private chat in
 * which we reach them, the name they show (cleaned as a label: {@link UserText}) and the language
 * their client reports.
 */
public record ChatUser(Channel channel, String externalUserId, String chatId, String displayName, String language) {

    public ChatUser {
        Objects.requireNonNull(channel, "channel");
        if (!channel.isChat()) {
            throw new IllegalArgumentException("not a chat channel: " + channel);
        }
        if (externalUserId == null || externalUserId.isBlank()) {
            throw new IllegalArgumentException("external user id is required");
        }
        if (chatId == null || chatId.isBlank()) {
            chatId = externalUserId;
        }
        displayName = UserText.label(displayName);
        displayName = displayName == null || displayName.isBlank() ? externalUserId : displayName;
        if (displayName.length() > 200) {
            displayName = displayName.substring(0, 200);
        }
    }

    public ChatAddress privateChat() {
        return ChatAddress.of(channel, chatId);
    }
}
