package com.careregistry.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.core.CoreTest;
import com.careregistry.core.CoreTestApplication;
import com.careregistry.core.agent.Agent;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.outbox.OutboxMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** C5, A3, C8: customer and agent talk, the agent resolves, the customer closes and rates. */
class ConversationFlowTest extends CoreTest {

    @Autowired
    PostCustomerMessage postCustomerMessage;
    @Autowired
    PostAgentMessage postAgentMessage;
    @Autowired
    AssignAgent assignAgent;
    @Autowired
    ResolveTicket resolveTicket;
    @Autowired
    CloseTicket closeTicket;
    @Autowired
    RateTicket rateTicket;
    @Autowired
    TicketQueries queries;
    @Autowired
    Tickets tickets;

    @Test
    void wholeConversationFromOpeningToRating() {
        Customer ann = customer("Ann");
        AgentView maria = agent("Maria");
        Ticket ticket = open(ann, "Phone is dead");
        TicketNumber number = ticket.number();

        postAgentMessage.post(new PostAgentMessage.Command(maria.id(), number,
                MessageContent.text("Hi Ann, hold the power button for 10 seconds.", Channel.TELEGRAM, "501")));
        postCustomerMessage.post(new PostCustomerMessage.Command(ann.id(), number,
                MessageContent.text("It works now!", Channel.TELEGRAM, "77")));
        resolveTicket.resolve(number, maria.id());
        closeTicket.byCustomer(ann.id(), number);
        rateTicket.rate(ann.id(), number, 5, "Quick and kind");

        Ticket done = tickets.findByNumber(number.value()).orElseThrow();
        assertThat(done.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(done.agentId()).isEqualTo(maria.id());
        assertThat(done.rating()).map(Rating::stars).contains(5);
        assertThat(done.timeline().firstResponseAt()).isNotNull();
        assertThat(queries.conversation(done.id())).extracting(MessageView::authorType, MessageView::body)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuthorType.AGENT, "Hi Ann, hold the power button for 10 seconds."),
                        org.assertj.core.groups.Tuple.tuple(AuthorType.CUSTOMER, "It works now!"));

        List<String> toAnn = outboxBodiesTo("chat-Ann");
        assertThat(toAnn).containsExactly(
                "Agent Maria is now handling your ticket " + number + ".",
                number + " · Maria:\nHi Ann, hold the power button for 10 seconds.",
                en("customer.ticket-resolved", number.toString(), "Maria"),
                en("customer.ticket-closed", number.toString()) + "\n\n" + en("customer.rate.ask", number.toString()),
                "Thank you for your rating!");
        OutboxMessage ratingPrompt = outbox().stream().filter(r -> r.body().startsWith(en("customer.ticket-closed", number.toString())))
                .findFirst().orElseThrow();
        assertThat(ratingPrompt.actions()).extracting(a -> a.id())
                .containsExactly("rate:" + number.value() + ":1", "rate:" + number.value() + ":2", "rate:" + number.value() + ":3",
                        "rate:" + number.value() + ":4", "rate:" + number.value() + ":5");

        List<String> toStaff = outboxBodiesTo(CoreTestApplication.TELEGRAM_STAFF_GROUP);
        assertThat(toStaff).hasSize(6);
        assertThat(toStaff.get(1)).isEqualTo(number + " is assigned to Maria Agentson.");
        assertThat(toStaff.get(2)).isEqualTo(number + " · Ann:\nIt works now!");
        assertThat(toStaff.get(5)).contains("★★★★★").contains("Quick and kind");
    }

    @Test
    void anyAgentMayAnswerAnUnassignedTicketWhichThenBecomesTheirs() {
        Customer ann = customer("Ann");
        AgentView maria = agent("Maria");
        AgentView omar = agent("Omar");
        Ticket ticket = open(ann, "Help");

        postAgentMessage.post(new PostAgentMessage.Command(omar.id(), ticket.number(),
                MessageContent.text("On it", Channel.TELEGRAM, null)));
        assertThat(tickets.findByNumber(ticket.number().value()).orElseThrow().agentId()).isEqualTo(omar.id());

        assertThatThrownBy(() -> postAgentMessage.post(new PostAgentMessage.Command(maria.id(), ticket.number(),
                MessageContent.text("Me too", Channel.TELEGRAM, null))))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(texts.explain("en", e)).isEqualTo("Ticket " + ticket.number() + " is assigned to another agent."));
        assertThat(queries.conversation(ticket.id())).hasSize(1);
    }

    @Test
    void customerMessageReopensAResolvedTicket() {
        Customer ann = customer("Ann");
        AgentView maria = agent("Maria");
        Ticket ticket = open(ann, "Help");
        assignAgent.assign(ticket.number(), maria.id());
        resolveTicket.resolve(ticket.number(), maria.id());

        postCustomerMessage.post(new PostCustomerMessage.Command(ann.id(), ticket.number(),
                MessageContent.text("Actually it broke again", Channel.TELEGRAM, null)));

        assertThat(tickets.findByNumber(ticket.number().value()).orElseThrow().status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(outboxBodiesTo(CoreTestApplication.TELEGRAM_STAFF_GROUP))
                .contains(ticket.number() + " was reopened by the customer.");
    }

    @Test
    void ratingTwiceIsRefusedAndKeepsTheFirst() {
        Customer ann = customer("Ann");
        Ticket ticket = open(ann, "Help");
        closeTicket.byCustomer(ann.id(), ticket.number());
        rateTicket.rate(ann.id(), ticket.number(), 4, null);
        assertThatThrownBy(() -> rateTicket.rate(ann.id(), ticket.number(), 1, "changed my mind"))
                .isInstanceOf(DomainException.class).hasMessageContaining("ticket.rate.already");
        assertThat(tickets.findByNumber(ticket.number().value()).orElseThrow().rating()).map(Rating::stars).contains(4);
    }

    @Test
    void customerCannotCloseOrWriteOnAnotherCustomersTicket() {
        Customer ann = customer("Ann");
        Customer eve = customer("Eve");
        Ticket ticket = open(ann, "Help");
        assertThatThrownBy(() -> closeTicket.byCustomer(eve.id(), ticket.number())).hasMessageContaining("ticket.not-found");
        assertThatThrownBy(() -> postCustomerMessage.post(new PostCustomerMessage.Command(eve.id(), ticket.number(),
                MessageContent.text("hijack", Channel.TELEGRAM, null)))).hasMessageContaining("ticket.not-found");
        assertThatThrownBy(() -> rateTicket.rate(eve.id(), ticket.number(), 1, null)).hasMessageContaining("ticket.not-found");
        assertThat(tickets.findByNumber(ticket.number().value()).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void adminClosesAndReassigns() {
        Customer ann = customer("Ann");
        AgentView maria = agent("Maria");
        AgentView omar = agent("Omar");
        Ticket ticket = open(ann, "Help");
        assignAgent.assign(ticket.number(), maria.id());
        assignAgent.assign(ticket.number(), omar.id());
        assertThat(tickets.findByNumber(ticket.number().value()).orElseThrow().agentId()).isEqualTo(omar.id());
        assertThatThrownBy(() -> assignAgent.assign(ticket.number(), omar.id())).hasMessageContaining("ticket.assign.same-agent");

        closeTicket.byAdmin(ticket.number());
        assertThat(outboxBodiesTo("chat-Ann")).anySatisfy(body -> assertThat(body)
                .startsWith("Ticket " + ticket.number() + " was closed by our staff."));
        assertThatThrownBy(() -> assignAgent.assign(ticket.number(), maria.id())).hasMessageContaining("ticket.assign.closed");
    }

    @Test
    void claimingTakesOnlyUnassignedTickets() {
        Customer ann = customer("Ann");
        AgentView maria = agent("Maria");
        AgentView omar = agent("Omar");
        Ticket ticket = open(ann, "Help");
        assignAgent.claim(ticket.number(), maria.id());
        assertThatThrownBy(() -> assignAgent.claim(ticket.number(), omar.id())).hasMessageContaining("ticket.claim.taken");
        assertThatThrownBy(() -> assignAgent.claim(ticket.number(), maria.id())).hasMessageContaining("ticket.claim.already-yours");
    }

    @Autowired
    EditCustomerMessage editCustomerMessage;
    @Autowired
    TicketMessageEdits edits;

    @Test
    void customerEditIsRecordedWithTheEarlierTextAndShownToStaff() {
        Customer ann = customer("Ann");
        Customer eve = customer("Eve");
        Ticket ticket = open(ann, "Help");
        TicketMessage sent = postCustomerMessage.post(new PostCustomerMessage.Command(ann.id(), ticket.number(),
                MessageContent.text("My order is 1234", Channel.TELEGRAM, "chat-Ann:77")));

        assertThat(editCustomerMessage.edit(eve.id(), Channel.TELEGRAM, "chat-Ann:77", "hijacked")).isEmpty();
        assertThat(editCustomerMessage.edit(ann.id(), Channel.TELEGRAM, "chat-Ann:77", "My order is 1243")).isPresent();

        assertThat(queries.conversation(ticket.id())).extracting(MessageView::body).containsExactly("My order is 1243");
        assertThat(edits.findByMessageIdOrderByIdAsc(sent.id())).extracting(TicketMessageEdit::previousBody)
                .containsExactly("My order is 1234");
        assertThat(outboxBodiesTo(CoreTestApplication.TELEGRAM_STAFF_GROUP)).last().isEqualTo(
                ticket.number() + " · Ann edited a message:\nMy order is 1243\n(before: My order is 1234)");
    }

    @Autowired
    TicketDescriptionEdits descriptionEdits;

    @Test
    void anEditOfTheMessageThatOpenedTheTicketChangesItsDescriptionWithTheEarlierOneKept() {
        Customer ann = customer("Ann");
        Customer eve = customer("Eve");
        Ticket ticket = openTicket.open(new OpenTicketCommand(ann.id(), null, "My odrer 1234 is late", java.util.List.of(),
                Channel.TELEGRAM, "chat-Ann:41"));

        editCustomerMessage.edit(eve.id(), Channel.TELEGRAM, "chat-Ann:41", "hijacked");
        assertThat(tickets.findByNumber(ticket.number().value()).orElseThrow().description()).isEqualTo("My odrer 1234 is late");

        editCustomerMessage.edit(ann.id(), Channel.TELEGRAM, "chat-Ann:41", "My order 1234 is late");
        assertThat(tickets.findByNumber(ticket.number().value()).orElseThrow().description()).isEqualTo("My order 1234 is late");
        assertThat(descriptionEdits.findByTicketIdOrderByIdAsc(ticket.id())).extracting(TicketDescriptionEdit::previousDescription)
                .containsExactly("My odrer 1234 is late");
        assertThat(outboxBodiesTo(CoreTestApplication.TELEGRAM_STAFF_GROUP)).last().isEqualTo(
                ticket.number() + " · Ann edited a message:\nMy order 1234 is late\n(before: My odrer 1234 is late)");
    }

    @Test
    void anEditOfTheOpeningMessageCarriesTheSubjectAlongAndIsRefusedOnceTheTicketIsClosed() {
        Customer ann = customer("Ann");
        Ticket ticket = openTicket.open(new OpenTicketCommand(ann.id(), null, "Printer jmas\nIt eats paper", java.util.List.of(),
                Channel.TELEGRAM, "chat-Ann:51"));

        editCustomerMessage.edit(ann.id(), Channel.TELEGRAM, "chat-Ann:51", "Printer jams\nIt eats paper");
        Ticket edited = tickets.findByNumber(ticket.number().value()).orElseThrow();
        assertThat(edited.subject()).isEqualTo("Printer jams");
        // the same text again: nothing to keep, nobody to tell
        int rows = outbox().size();
        editCustomerMessage.edit(ann.id(), Channel.TELEGRAM, "chat-Ann:51", "Printer jams\nIt eats paper");
        assertThat(descriptionEdits.findByTicketIdOrderByIdAsc(ticket.id())).hasSize(1);
        assertThat(outbox()).hasSize(rows);

        closeTicket.byCustomer(ann.id(), ticket.number());
        assertThatThrownBy(() -> editCustomerMessage.edit(ann.id(), Channel.TELEGRAM, "chat-Ann:51", "Something else"))
                .isInstanceOf(TicketStateException.class).hasMessageContaining("ticket.closed");
        assertThat(tickets.findByNumber(ticket.number().value()).orElseThrow().description()).isEqualTo("Printer jams\nIt eats paper");
    }

    @Test
    void deactivatedAgentCannotAnswer() {
        Customer ann = customer("Ann");
        AgentView maria = agent("Maria");
        Ticket ticket = open(ann, "Help");
        manageAgents.deactivate(maria.id());
        assertThatThrownBy(() -> postAgentMessage.post(new PostAgentMessage.Command(maria.id(), ticket.number(),
                MessageContent.text("hi", Channel.TELEGRAM, null)))).hasMessageContaining("agent.inactive");
        assertThatThrownBy(() -> assignAgent.assign(ticket.number(), maria.id())).hasMessageContaining("agent.inactive");
    }
}
