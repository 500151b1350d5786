package com.careregistry.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.careregistry.core.CoreTest;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.common.NotFoundException;
import com.careregistry.core.customer.Customer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The report's cases 17-23: listing, details, agent name or N/A, the unassigned queue. */
class TicketListingTest extends CoreTest {

    @Autowired
    TicketQueries queries;
    @Autowired
    AssignAgent assignAgent;
    @Autowired
    CloseTicket closeTicket;

    @Test
    void customerWithoutTicketsIsToldTheyAreYetToRaiseOne() {
        Customer ann = customer("Ann");
        assertThat(queries.myTickets(ann.id())).isEmpty();
        assertThat(en("tickets.none")).isEqualTo("You are yet to raise a ticket");
    }

    @Test
    void customerSeesAllTheirTicketsNewestFirstWithStatus() {
        Customer ann = customer("Ann");
        Customer bob = customer("Bob");
        Ticket first = open(ann, "Printer jams");
        clock.advance(java.time.Duration.ofMinutes(1));
        Ticket second = open(ann, "Screen flickers");
        open(bob, "Bob's own problem");

        List<TicketSummary> mine = queries.myTickets(ann.id());
        assertThat(mine).extracting(TicketSummary::number).containsExactly(second.number(), first.number());
        assertThat(mine).extracting(TicketSummary::subject).containsExactly("Screen flickers", "Printer jams");
        assertThat(mine).extracting(TicketSummary::status).containsOnly(TicketStatus.OPEN);
    }

    @Test
    void anOpenTicketOlderThanTheNewestFiftyIsStillAmongTheOpenOnes() {
        Customer ann = customer("Ann");
        Ticket oldest = open(ann, "Still waiting for my refund");
        for (int i = 0; i < 55; i++) {
            clock.advance(java.time.Duration.ofMinutes(7));   // under the limit of 10 opened an hour
            Ticket later = open(ann, "Question " + i);
            closeTicket.byCustomer(ann.id(), later.number());
        }
        Ticket newest = open(ann, "One more thing");

        assertThat(queries.myTickets(ann.id())).hasSize(50).extracting(TicketSummary::number).doesNotContain(oldest.number());
        assertThat(queries.myOpenTickets(ann.id())).extracting(TicketSummary::number)
                .containsExactly(newest.number(), oldest.number());
    }

    @Test
    void agentIsNotApplicableBeforeAssignmentAndFirstNameAfter() {
        Customer ann = customer("Ann");
        Ticket ticket = open(ann, "Printer jams");
        AgentView maria = agent("Maria");

        TicketDetails before = queries.detailsForCustomer(ann.id(), ticket.number());
        assertThat(before.agent()).isEmpty();
        assertThat(queries.myTickets(ann.id()).get(0).agent()).isEmpty();
        assertThat(en("ticket.agent.none")).isEqualTo("N/A");

        assignAgent.assign(ticket.number(), maria.id());

        TicketDetails after = queries.detailsForCustomer(ann.id(), ticket.number());
        assertThat(after.agent()).contains("Maria");
        assertThat(after.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(queries.myTickets(ann.id()).get(0).agent()).contains("Maria");
    }

    @Test
    void customerViewingATicketSeesTheQueryTheyPosted() {
        Customer ann = customer("Ann");
        Ticket ticket = open(ann, OpenTicketTest.IPHONE);
        TicketDetails details = queries.detailsForCustomer(ann.id(), ticket.number());
        assertThat(details.description()).isEqualTo(OpenTicketTest.IPHONE);
        assertThat(details.categoryName()).isEqualTo("General");
    }

    @Test
    void anotherCustomersTicketLooksExactlyLikeOneThatDoesNotExist() {
        Customer ann = customer("Ann");
        Customer eve = customer("Eve");
        Ticket annsTicket = open(ann, "Private matter");

        NotFoundException foreign = catchNotFound(() -> queries.detailsForCustomer(eve.id(), annsTicket.number()));
        TicketNumber missing = new TicketNumber(annsTicket.number().value() + 1000);
        NotFoundException absent = catchNotFound(() -> queries.detailsForCustomer(eve.id(), missing));

        assertThat(foreign.textKey()).isEqualTo(absent.textKey());
        assertThat(texts.explain("en", foreign)).isEqualTo("There is no ticket " + annsTicket.number() + " among your tickets.");
        assertThat(texts.explain("en", absent)).isEqualTo("There is no ticket " + missing + " among your tickets.");
    }

    @Test
    void unassignedQueueIsOldestFirstAndSaysWhenNothingIsLeft() {
        Customer ann = customer("Ann");
        AgentView maria = agent("Maria");
        Ticket older = open(ann, "Older");
        clock.advance(java.time.Duration.ofMinutes(5));
        Ticket newer = open(ann, "Newer");

        assertThat(queries.unassigned(50)).extracting(TicketSummary::number).containsExactly(older.number(), newer.number());

        assignAgent.assign(older.number(), maria.id());
        assertThat(queries.unassigned(50)).extracting(TicketSummary::number).containsExactly(newer.number());

        assignAgent.assign(newer.number(), maria.id());
        assertThat(queries.unassigned(50)).isEmpty();
        assertThat(en("queue.empty")).isEqualTo("There is nothing left to assign");
        assertThat(en("ticket.assign.confirm")).isEqualTo("Do you really want to assign the agent for this ticket?");
    }

    @Test
    void agentSeesTheTicketsAssignedToThem() {
        Customer ann = customer("Ann");
        AgentView maria = agent("Maria");
        AgentView omar = agent("Omar");
        Ticket one = open(ann, "One");
        Ticket two = open(ann, "Two");
        assignAgent.assign(one.number(), maria.id());
        assignAgent.assign(two.number(), omar.id());

        assertThat(queries.assignedTo(maria.id(), 50)).extracting(TicketSummary::number).containsExactly(one.number());
        assertThat(manageAgents.workload()).extracting(load -> load.firstName() + "=" + load.openTickets())
                .containsExactlyInAnyOrder("Maria=1", "Omar=1");
    }

    private static NotFoundException catchNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(NotFoundException.class);
        return (NotFoundException) thrown;
    }
}
