package com.careregistry.core.ticket;

import com.careregistry.core.agent.Agent;
import com.careregistry.core.agent.Agents;
import com.careregistry.core.common.NotFoundException;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * M4: an admin assigns (or reassigns) an agent to a ticket; an agent claims an unassigned one.
 * The customer is told in chat, and the customer (with a verified email) and the agent by email.
 */
@Service
public class AssignAgent {

    private final Tickets tickets;
    private final Agents agents;
    private final Clock clock;

    public AssignAgent(Tickets tickets, Agents agents, Clock clock) {
        this.tickets = tickets;
        this.agents = agents;
        this.clock = clock;
    }

    /** The admin's assignment; any active agent, reassigning is allowed. */
    @Transactional
    public void assign(TicketNumber number, Long agentId) {
        Agent agent = PostAgentMessage.activeAgent(agents, agentId);
        Ticket ticket = find(number);
        ticket.assign(agent.id(), clock.instant());
        tickets.save(ticket);
    }

    /** An agent takes an unassigned ticket for themselves. */
    @Transactional
    public void claim(TicketNumber number, Long agentId) {
        Agent agent = PostAgentMessage.activeAgent(agents, agentId);
        Ticket ticket = find(number);
        ticket.claim(agent.id(), clock.instant());
        tickets.save(ticket);
    }

    private Ticket find(TicketNumber number) {
        return tickets.findByNumber(number.value())
                .orElseThrow(() -> new NotFoundException("ticket.not-found", number.toString()));
    }
}
