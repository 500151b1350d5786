package com.careregistry.core.agent;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatIdentity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An agent's account on a chat platform ({@link ChatIdentity}): messages from it in staff chat speak
 * for the agent.
 */
@Entity
@Table(name = "agent_identities")
public class AgentIdentity extends ChatIdentity {

    @Column(name = "agent_id", nullable = false)
    private Long agentId;

    protected AgentIdentity() {
    }

    AgentIdentity(Long agentId, Channel channel, String externalUserId, String chatId, Instant now) {
        super(channel, externalUserId, chatId, now);
        this.agentId = agentId;
    }

    public Long agentId() {
        return agentId;
    }
}
