package com.careregistry.core.agent;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.text.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A5: someone in chat asks to become an agent; an admin accepts or rejects it in the panel. */
@Entity
@Table(name = "agent_join_requests")
public class AgentJoinRequest {

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

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false)
    private String language;

    private String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JoinRequestStatus status = JoinRequestStatus.PENDING;

    @Column(name = "agent_id")
    private Long agentId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected AgentJoinRequest() {
    }

    AgentJoinRequest(ChatUser user, String note, Instant now) {
        this.channel = user.channel();
        this.externalUserId = user.externalUserId();
        this.chatId = user.chatId();
        this.displayName = user.displayName();
        this.language = Texts.normalize(user.language());
        this.note = note;
        this.createdAt = now;
    }

    void accept(Long agentId, Instant now) {
        requirePending();
        this.status = JoinRequestStatus.ACCEPTED;
        this.agentId = agentId;
        this.decidedAt = now;
    }

    void reject(Instant now) {
        requirePending();
        this.status = JoinRequestStatus.REJECTED;
        this.decidedAt = now;
    }

    private void requirePending() {
        if (status != JoinRequestStatus.PENDING) {
            throw new DomainException("join-request.already-decided");
        }
    }

    public Long id() {
        return id;
    }

    public Channel channel() {
        return channel;
    }

    public String externalUserId() {
        return externalUserId;
    }

    public ChatUser chatUser() {
        return new ChatUser(channel, externalUserId, chatId, displayName, language);
    }

    public ChatAddress privateChat() {
        return ChatAddress.of(channel, chatId);
    }

    public String displayName() {
        return displayName;
    }

    public String language() {
        return language;
    }

    public String note() {
        return note;
    }

    public JoinRequestStatus status() {
        return status;
    }

    public Long agentId() {
        return agentId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
