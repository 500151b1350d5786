package com.careregistry.core.agent;

/**
 * What happens to agents, for whoever keeps something about them (their panel accounts): published
 * in the transaction of the change, as ids, so that the agent package depends on none of its
 * listeners.
 */
public final class AgentEvents {

    private AgentEvents() {
    }

    /** A new agent, who needs a panel account and an invitation to set its password. */
    public record AgentCreated(Long agentId) {
    }

    /** The agent may no longer work: whatever is signed in as them ends. */
    public record AgentDeactivated(Long agentId) {
    }

    /** The agent may take more tickets: back from away, active again, or given a higher limit. */
    public record AgentAvailable(Long agentId) {
    }
}
