package com.careregistry.core.ticket;

import com.careregistry.core.agent.Agents;
import com.careregistry.core.common.NotFoundException;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The assigned agent marks a ticket resolved; the customer is asked to close and rate it. */
@Service
public class ResolveTicket {

    private final Tickets tickets;
    private final Agents agents;
    private final Clock clock;

    public ResolveTicket(Tickets tickets, Agents agents, Clock clock) {
        this.tickets = tickets;
        this.agents = agents;
        this.clock = clock;
    }

    @Transactional
    public void resolve(TicketNumber number, Long agentId) {
        PostAgentMessage.activeAgent(agents, agentId);
        Ticket ticket = tickets.findByNumber(number.value())
                .orElseThrow(() -> new NotFoundException("ticket.not-found", number.toString()));
        ticket.resolve(agentId, clock.instant());
        tickets.save(ticket);
    }
}
