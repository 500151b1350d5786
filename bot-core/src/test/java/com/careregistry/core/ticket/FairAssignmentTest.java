package com.careregistry.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.agent.AgentView;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Fair auto-assignment: a ticket waits while every agent of its category is at their limit, and the
 * one that has waited longest goes to the first agent who frees up; nothing goes to an agent who is
 * away until they are back; an admin's limit for one agent overrides the desk's.
 */
@TestPropertySource(properties = {"careregistry.tickets.auto-assign=true", "careregistry.tickets.agent-limit=1"})
class FairAssignmentTest extends CoreTest {

    @Autowired
    ResolveTicket resolveTicket;
    @Autowired
    Tickets tickets;

    @Test
    void aFreedAgentGetsTheOldestWaitingTicketAndNothingWhileAway() {
        AgentView maria = agent("Maria");
        Ticket first = open(customer("Ann"), "Printer jams");
        clock.advance(Duration.ofMinutes(1));
        Ticket second = open(customer("Bob"), "Screen flickers");
        clock.advance(Duration.ofMinutes(1));
        Ticket third = open(customer("Cid"), "Keyboard sticks");
        assertThat(agentOf(first)).isEqualTo(maria.id());
        assertThat(status(second)).as("Maria is at her limit of one: it waits").isEqualTo(TicketStatus.OPEN);
        assertThat(status(third)).isEqualTo(TicketStatus.OPEN);

        resolveTicket.resolve(first.number(), maria.id());
        assertThat(agentOf(second)).as("the oldest waiting ticket goes to Maria, freed").isEqualTo(maria.id());
        assertThat(status(third)).isEqualTo(TicketStatus.OPEN);
        assertThat(outboxBodiesTo("chat-Bob")).contains("Agent Maria is now handling your ticket " + second.number() + ".");

        manageAgents.away(maria.id(), true);
        resolveTicket.resolve(second.number(), maria.id());
        assertThat(status(third)).as("away: nothing comes to her").isEqualTo(TicketStatus.OPEN);
        manageAgents.away(maria.id(), false);
        assertThat(agentOf(third)).as("back: the waiting ticket comes to her").isEqualTo(maria.id());
    }

    @Test
    void anAdminsLimitForOneAgentOverridesTheDesksAndRaisingItHandsOutWhatWaits() {
        AgentView omar = agent("Omar");
        Ticket first = open(customer("Ann"), "One");
        Ticket second = open(customer("Bob"), "Two");
        Ticket third = open(customer("Cid"), "Three");
        assertThat(status(second)).isEqualTo(TicketStatus.OPEN);

        manageAgents.limitOpenTickets(omar.id(), 3);
        assertThat(agentOf(first)).isEqualTo(omar.id());
        assertThat(agentOf(second)).isEqualTo(omar.id());
        assertThat(agentOf(third)).isEqualTo(omar.id());
        assertThat(manageAgents.get(omar.id()).openLimit()).isEqualTo(3);
    }

    private TicketStatus status(Ticket ticket) {
        return tickets.findByNumber(ticket.number().value()).orElseThrow().status();
    }

    private Long agentOf(Ticket ticket) {
        return tickets.findByNumber(ticket.number().value()).orElseThrow().agentId();
    }
}
