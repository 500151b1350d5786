package com.careregistry.core.ticket;

import com.careregistry.core.agent.Agent;
import com.careregistry.core.agent.Agents;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.common.NotFoundException;
import java.time.Clock;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A3: an agent answers the customer. Only the assigned agent may; on an unassigned ticket any
 * active agent may, and the ticket becomes theirs.
 */
@Service
public class PostAgentMessage {

    public record Command(Long agentId, TicketNumber number, MessageContent content) {
        public Command {
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(content, "content");
        }
    }

    private final Tickets tickets;
    private final TicketMessages messages;
    private final Agents agents;
    private final Clock clock;

    public PostAgentMessage(Tickets tickets, TicketMessages messages, Agents agents, Clock clock) {
        this.tickets = tickets;
        this.messages = messages;
        this.agents = agents;
        this.clock = clock;
    }

    @Transactional
    public void post(Command command) {
        Agent agent = activeAgent(agents, command.agentId());
        Ticket ticket = tickets.findByNumber(command.number().value())
                .orElseThrow(() -> new NotFoundException("ticket.not-found", command.number().toString()));
        messages.save(ticket.agentWrote(agent.id(), command.content(), clock.instant()));
        tickets.save(ticket);
    }

    static Agent activeAgent(Agents agents, Long agentId) {
        Agent agent = agents.findById(agentId).orElseThrow(() -> new NotFoundException("agent.not-found"));
        if (!agent.active()) {
            throw new DomainException("agent.inactive");
        }
        return agent;
    }
}
