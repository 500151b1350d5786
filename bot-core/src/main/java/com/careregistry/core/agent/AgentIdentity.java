package com.careregistry.core.agent;

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

/** An agent's account on a chat platform: messages from it in staff chat speak for the agent. */
@Entity
@Table(name = "agent_identities")
public class AgentIdentity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "agent_id", nullable = false)
    private Long agentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(name = "external_user_id", nullable = false)
    private String externalUserId;

    @Column(name = "chat_id", nullable = false)
    private String chatId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AgentIdentity() {
    }

    AgentIdentity(Long agentId, Channel channel, String externalUserId, String chatId, Instant now) {
        this.agentId = agentId;
        this.channel = channel;
        this.externalUserId = externalUserId;
        this.chatId = chatId;
        this.createdAt = now;
    }

    public Long agentId() {
        return agentId;
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
}
