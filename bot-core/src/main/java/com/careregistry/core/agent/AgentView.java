package com.careregistry.core.agent;

import com.careregistry.core.common.Channel;
import java.util.List;
import java.util.Set;

/**
 * An agent as the panel shows them: who they are, what they serve, whether they may work, and the
 * chat accounts that speak for them in staff chat.
 */
public record AgentView(long id, String firstName, String lastName, String fullName, String email, String language, boolean active,
                        Set<Long> categoryIds, List<ChatAccount> chatAccounts, boolean away, Integer openLimit) {

    /** A chat account linked to the agent: their messages in staff chat speak for them. */
    public record ChatAccount(Channel channel, String externalUserId) {
    }

    public boolean serves(long categoryId) {
        return categoryIds.contains(categoryId);
    }

    static AgentView of(Agent agent, List<AgentIdentity> identities) {
        return new AgentView(agent.id(), agent.firstName(), agent.lastName(), agent.fullName(), agent.email(), agent.language(), agent.active(),
                Set.copyOf(agent.categoryIds()),
                identities.stream().map(i -> new ChatAccount(i.channel(), i.externalUserId())).toList(), agent.away(),
                agent.ownOpenLimit());
    }
}
