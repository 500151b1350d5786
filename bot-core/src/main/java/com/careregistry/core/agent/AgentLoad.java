package com.careregistry.core.agent;

/** An agent and how many tickets they are working on now (M6: the work assigned to each agent). */
public record AgentLoad(Long agentId, String firstName, String lastName, String email, long openTickets) {

    public AgentLoad(Long agentId, String firstName, String lastName, String email, int openTickets) {
        this(agentId, firstName, lastName, email, (long) openTickets);
    }
}
