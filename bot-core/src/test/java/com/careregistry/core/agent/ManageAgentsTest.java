package com.careregistry.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.core.CoreTest;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.category.CategoryView;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.ticket.AssignAgent;
import com.careregistry.core.ticket.Ticket;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** M3, M6: agents with their categories; the assign dialog's candidates with their load. */
class ManageAgentsTest extends CoreTest {

    @Autowired
    AssignAgent assignAgent;

    @Test
    void createsAgentsServingCategoriesAndRefusesADuplicateEmail() {
        CategoryView billing = categories.create("Billing");
        AgentView lea = manageAgents.create(new CreateAgentCommand(" Lea ", null, "LEA@Example.com", "en", Set.of(billing.id())));
        assertThat(lea.firstName()).isEqualTo("Lea");
        assertThat(lea.email()).isEqualTo("lea@example.com");
        assertThat(lea.serves(billing.id())).isTrue();
        assertThat(lea.active()).isTrue();
        assertThatThrownBy(() -> manageAgents.create(new CreateAgentCommand("Other", null, "lea@example.com", "en", Set.of())))
                .hasMessageContaining("agent.email.taken");
        assertThatThrownBy(() -> new CreateAgentCommand("", null, "x@example.com", "en", Set.of()))
                .hasMessageContaining("agent.first-name.empty");
        assertThatThrownBy(() -> new CreateAgentCommand("X", null, "not an email", "en", Set.of()))
                .hasMessageContaining("email.invalid");
    }

    @Test
    void candidatesAreActiveAgentsOfTheCategoryLeastLoadedFirst() {
        Customer ann = customer("Ann");
        AgentView maria = agent("Maria");
        AgentView omar = agent("Omar");
        AgentView gone = agent("Gone");
        manageAgents.deactivate(gone.id());
        Ticket one = open(ann, "one");
        assignAgent.assign(one.number(), maria.id());

        Long general = categories.active().get(0).id();
        assertThat(manageAgents.candidatesFor(general)).extracting(AgentLoad::firstName, AgentLoad::openTickets)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Omar", 0L), org.assertj.core.groups.Tuple.tuple("Maria", 1L));

        manageAgents.changeCategories(omar.id(), Set.of(categories.create("Billing").id()));
        assertThat(manageAgents.candidatesFor(general)).extracting(AgentLoad::firstName).containsExactly("Maria");
        manageAgents.reactivate(gone.id());
        assertThat(manageAgents.candidatesFor(general)).extracting(AgentLoad::firstName).containsExactly("Gone", "Maria");
    }

    @Autowired
    com.careregistry.core.ticket.ResolveTicket resolveTicket;
    @Autowired
    com.careregistry.core.ticket.CloseTicket closeTicket;
    @Autowired
    com.careregistry.core.ticket.PostCustomerMessage postCustomerMessage;

    @Test
    void theOpenLoadCounterFollowsEveryMoveOfATicket() {
        Customer ann = customer("Ann");
        AgentView maria = agent("Maria");
        AgentView omar = agent("Omar");
        Ticket one = open(ann, "one");
        Ticket two = open(ann, "two");
        Ticket three = open(ann, "three");
        assignAgent.assign(one.number(), maria.id());
        assignAgent.assign(two.number(), maria.id());
        assignAgent.assign(three.number(), maria.id());
        assertLoadsMatchTheTickets();
        assignAgent.assign(two.number(), omar.id());           // reassigned
        resolveTicket.resolve(one.number(), maria.id());        // resolved
        assertLoadsMatchTheTickets();
        postCustomerMessage.post(new com.careregistry.core.ticket.PostCustomerMessage.Command(ann.id(), one.number(),
                com.careregistry.core.ticket.MessageContent.text("again", com.careregistry.core.common.Channel.TELEGRAM, null)));
        closeTicket.byAdmin(three.number());                    // closed while assigned
        resolveTicket.resolve(two.number(), omar.id());
        assignAgent.assign(two.number(), maria.id());           // a resolved ticket changes hands
        closeTicket.byCustomer(ann.id(), two.number());         // closed after resolved
        assertLoadsMatchTheTickets();
        assertThat(manageAgents.candidatesFor(categories.active().get(0).id()))
                .extracting(AgentLoad::firstName, AgentLoad::openTickets)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Omar", 0L), org.assertj.core.groups.Tuple.tuple("Maria", 1L));
    }

    private void assertLoadsMatchTheTickets() {
        assertThat(jdbc.queryForList("""
                SELECT a.id FROM agents a
                WHERE a.open_tickets <> (SELECT COUNT(*) FROM tickets t WHERE t.agent_id = a.id AND t.status = 'ASSIGNED')
                """, Long.class)).isEmpty();
    }
}
