package com.careregistry.core.common;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * Someone's account on one chat platform: the platform's user id, and the private chat in which the
 * bot reaches them. The platform's sign-in is ours. A customer's identity ({@code CustomerIdentity})
 * and an agent's ({@code AgentIdentity}) are this, each with whom it belongs to, in a table of its own.
 */
@MappedSuperclass
public abstract class ChatIdentity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(name = "external_user_id", nullable = false)
    private String externalUserId;

    @Column(name = "chat_id", nullable = false)
    private String chatId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ChatIdentity() {
    }

    protected ChatIdentity(Channel channel, String externalUserId, String chatId, Instant now) {
        this.channel = channel;
        this.externalUserId = externalUserId;
        this.chatId = chatId;
        this.createdAt = now;
    }

    public Channel channel() {
        return channel;
    }

    public String externalUserId() {
        return externalUserId;
    }

    public ChatAddress privateChat() {
        return ChatAddress.of(channel, chatId);
    }

    protected String chatId() {
        return chatId;
    }

    /** The platform now reaches this account in another chat. */
    protected void reachAt(String newChatId) {
        this.chatId = newChatId;
    }
}
