package com.careregistry.core.customer;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer's account on one chat platform; the platform's sign-in is ours. */
@Entity
@Table(name = "customer_identities")
public class CustomerIdentity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(name = "external_user_id", nullable = false)
    private String externalUserId;

    @Column(name = "chat_id", nullable = false)
    private String chatId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CustomerIdentity() {
    }

    CustomerIdentity(Long customerId, Channel channel, String externalUserId, String chatId, Instant now) {
        this.customerId = customerId;
        this.channel = channel;
        this.externalUserId = externalUserId;
        this.chatId = chatId;
        this.createdAt = now;
    }

    public Long customerId() {
        return customerId;
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

    void reachAt(String chatId) {
        this.chatId = chatId;
    }

    String chatId() {
        return chatId;
    }
}
