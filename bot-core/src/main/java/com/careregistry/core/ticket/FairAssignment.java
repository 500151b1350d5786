package com.careregistry.core.ticket;

import com.careregistry.core.agent.Agent;
import com.careregistry.core.agent.AgentEvents.AgentAvailable;
import com.careregistry.core.agent.Agents;
import com.careregistry.core.ticket.TicketEvents.AgentAssigned;
import com.careregistry.core.ticket.TicketEvents.TicketClosed;
import com.careregistry.core.ticket.TicketEvents.TicketResolved;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Fair auto-assignment (with {@code CCR_AUTO_ASSIGN}): a new ticket goes to the least-loaded agent of
 * its category who is not away and under their limit, else it waits; when an agent frees up (a ticket
 * of theirs resolved, closed or handed to another; back from away; a higher limit) the tickets of
 * their categories that have waited longest come to them, up to their limit. In the transaction of
 * what freed them.
 */
@Component
class FairAssignment {

    private final Tickets tickets;
    private final Agents agents;
    private final TicketSettings settings;
    private final Clock clock;

    FairAssignment(Tickets tickets, Agents agents, TicketSettings settings, Clock clock) {
        this.tickets = tickets;
        this.agents = agents;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void on(TicketResolved event) {
        freed(event.ticket().agentId());
    }

    @EventListener
    void on(TicketClosed event) {
        if (event.previousStatus() == TicketStatus.ASSIGNED) {
            freed(event.ticket().agentId());
        }
    }

    @EventListener
    void on(AgentAssigned event) {
        if (event.previousAgentId() != null) {
            freed(event.previousAgentId());
        }
    }

    @EventListener
    void on(AgentAvailable event) {
        freed(event.agentId());
    }

    private void freed(Long agentId) {
        if (!settings.autoAssign() || agentId == null) {
            return;
        }
        Agent agent = agents.findById(agentId).filter(Agent::active).filter(a -> !a.away()).orElse(null);
        if (agent == null || agent.categoryIds().isEmpty()) {
            return;
        }
        long room = agent.openLimit(settings.agentLimit()) - tickets.countAssignedTo(agentId);
        if (room <= 0) {
            return;
        }
        for (Ticket waiting : tickets.waitingIn(agent.categoryIds(), PageRequest.of(0, (int) room))) {
            waiting.assign(agentId, clock.instant());
            tickets.save(waiting);
        }
    }
}
