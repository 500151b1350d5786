package com.careregistry.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.agent.Agent;
import com.careregistry.core.agent.AgentLoad;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.customer.Customer;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * NFR-4 with {@code CCR_AUTO_ASSIGN=true}: each new ticket goes to the least-loaded active agent of
 * its category, the one the panel's assign dialog would list first; without one it waits unassigned.
 */
@TestPropertySource(properties = "careregistry.tickets.auto-assign=true")
class AutoAssignTest extends CoreTest {

    @Test
    void newTicketsGoToTheLeastLoadedActiveAgentOfTheirCategory() {
        Customer ann = customer("Ann");
        AgentView omar = agent("Omar");
        AgentView maria = agent("Maria");
        AgentView gone = agent("Aaron");
        manageAgents.deactivate(gone.id());
        Long general = categories.active().get(0).id();
        AgentView billingOnly = agent("Bea");
        manageAgents.changeCategories(billingOnly.id(), Set.of(categories.create("Billing").id()));

        // equal load: the tie goes by first name, as the assign dialog lists them
        Ticket first = openIn(general, ann, "first");
        assertThat(first.agentId()).isEqualTo(maria.id());
        assertThat(first.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(manageAgents.candidatesFor(first.categoryId()).get(0).agentId()).as("the dialog's first suggestion")
                .isEqualTo(omar.id());

        Ticket second = openIn(general, ann, "second");
        assertThat(second.agentId()).as("Maria has one open ticket now").isEqualTo(omar.id());
        Ticket third = openIn(general, ann, "third");
        assertThat(third.agentId()).isEqualTo(maria.id());

        assertThat(manageAgents.workload()).filteredOn(load -> load.agentId().equals(maria.id()))
                .extracting(AgentLoad::openTickets).containsExactly(2L);
        assertThat(outboxBodiesTo("chat-Ann")).contains("Agent Maria is now handling your ticket " + first.number() + ".",
                "Agent Omar is now handling your ticket " + second.number() + ".");
    }

    private Ticket openIn(Long category, Customer customer, String description) {
        return openTicket.open(new OpenTicketCommand(customer.id(), category, description, com.careregistry.core.common.Channel.TELEGRAM));
    }

    @Test
    void withoutAnActiveAgentInTheCategoryTheTicketWaitsUnassigned() {
        Customer ann = customer("Ann");
        AgentView gone = agent("Gone");
        manageAgents.deactivate(gone.id());

        Ticket ticket = open(ann, "nobody is here");
        assertThat(ticket.agentId()).isNull();
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
    }
}
