package com.careregistry.core.agent;

import java.util.Comparator;

/** An agent and how many tickets they are working on now (M6: the work assigned to each agent). */
public record AgentLoad(Long agentId, String firstName, String lastName, String email, long openTickets) {

    /**
     * Who should take the next ticket: the fewest open tickets, then by first name, then the
     * earliest agent. The same order picks the agent of a new ticket (NFR-4) and lists the
     * candidates in the panel's assign dialog, so the one suggested first is the one chosen.
     */
    public static final Comparator<AgentLoad> LEAST_LOADED = Comparator.comparingLong(AgentLoad::openTickets)
            .thenComparing(AgentLoad::firstName).thenComparing(AgentLoad::agentId);

    public AgentLoad(Long agentId, String firstName, String lastName, String email, int openTickets) {
        this(agentId, firstName, lastName, email, (long) openTickets);
    }
}
