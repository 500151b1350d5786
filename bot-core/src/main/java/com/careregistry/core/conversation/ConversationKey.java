package com.careregistry.core.conversation;

import com.careregistry.core.common.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.util.Objects;

/** Whose flow it is: one user in one chat on one platform. */
@Embeddable
public class ConversationKey implements Serializable {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(name = "chat_id", nullable = false)
    private String chatId;

    @Column(name = "user_id", nullable = false)
    private String userId;

    protected ConversationKey() {
    }

    public ConversationKey(Channel channel, String chatId, String userId) {
        this.channel = Objects.requireNonNull(channel);
        this.chatId = Objects.requireNonNull(chatId);
        this.userId = Objects.requireNonNull(userId);
    }

    public Channel channel() {
        return channel;
    }

    public String chatId() {
        return chatId;
    }

    public String userId() {
        return userId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConversationKey other && channel == other.channel && chatId.equals(other.chatId)
                && userId.equals(other.userId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channel, chatId, userId);
    }

    @Override
    public String toString() {
        return channel + ":" + chatId + ":" + userId;
    }
}
