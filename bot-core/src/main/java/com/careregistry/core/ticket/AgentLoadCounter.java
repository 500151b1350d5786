package com.careregistry.core.ticket;

import com.careregistry.core.agent.Agents;
import com.careregistry.core.ticket.TicketEvents.AgentAssigned;
import com.careregistry.core.ticket.TicketEvents.TicketClosed;
import com.careregistry.core.ticket.TicketEvents.TicketReopened;
import com.careregistry.core.ticket.TicketEvents.TicketResolved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each agent's open load (tickets ASSIGNED to them) as tickets move, in the transaction
 * of the move: a ticket counts for its agent exactly while it is ASSIGNED. It lives with the tickets
 * whose moves it follows (the agent package knows nothing of tickets).
 */
@Component
class AgentLoadCounter {

    private final Agents agents;

    AgentLoadCounter(Agents agents) {
        this.agents = agents;
    }

    @EventListener
    void on(AgentAssigned event) {
        if (event.ticket().status() != TicketStatus.ASSIGNED) {
            return; // a resolved ticket changed hands: it counts for nobody
        }
        agents.changeOpenTickets(event.agentId(), 1);
        if (event.previousAgentId() != null) {
            agents.changeOpenTickets(event.previousAgentId(), -1);
        }
    }

    @EventListener
    void on(TicketResolved event) {
        agents.changeOpenTickets(event.ticket().agentId(), -1);
    }

    @EventListener
    void on(TicketReopened event) {
        agents.changeOpenTickets(event.ticket().agentId(), 1);
    }

    @EventListener
    void on(TicketClosed event) {
        if (event.previousStatus() == TicketStatus.ASSIGNED) {
            agents.changeOpenTickets(event.ticket().agentId(), -1);
        }
    }
}
