package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.agent.Agent;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.ticket.AssignAgent;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.telegram.TelegramApiDouble.Call;
import com.careregistry.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The report's customer cases (15-21), in Telegram. */
class TelegramCustomerTest extends TelegramTest {

    static final long ANN = 501;
    static final long EVE = 502;
    static final String IPHONE = "Hi. My I Phone 14 pro max is not turning on. It is a new unit I bought it just 2 days back. "
            + "I don't know what happened. Can you help me please?";

    @Autowired
    AssignAgent assignAgent;

    @Test
    void startGreetsWithTheMainButtons() {
        says(ANN, "Ann", "/start");
        Call greeting = awaitMessage(ANN, "Hello Ann!");
        assertThat(greeting.param("reply_markup")).contains("menu:new").contains("New ticket").contains("My tickets")
                .contains("Help");
    }

    @Test
    void emptyQueryIsRefusedAndTheFlowWaitsThenAValidQueryCreatesTheTicket() {
        says(ANN, "Ann", "/new");
        awaitMessage(ANN, "Please describe your problem");
        says(ANN, "Ann", "   ");
        awaitMessage(ANN, text -> text.equals("Query cannot be empty!"));
        says(ANN, "Ann", IPHONE);

        long number = createdTicket(ANN);
        assertThat(awaitMessage(ANN, "Ticket #" + number + " created").param("text")).startsWith("Ticket #" + number + " created");
        assertThat(jdbc.queryForObject("SELECT description FROM tickets WHERE number = ?", String.class, number)).isEqualTo(IPHONE);
    }

    @Test
    void aCustomerWithFiveTicketsWaitingIsToldSoBeforeDescribingASixth() {
        for (int i = 1; i <= 5; i++) {
            openTicket(ANN, "Ann", "Problem number " + i);
        }
        says(ANN, "Ann", "/new");
        awaitMessage(ANN, text -> text.equals(en("ticket.limit.open", 5)));
        assertThat(en("ticket.limit.open", 5)).startsWith("You already have 5 tickets waiting for an answer.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tickets", Integer.class)).isEqualTo(5);
    }

    @Test
    void myTicketsSaysYetToRaiseThenListsThemWithAgentOrNotApplicable() {
        says(ANN, "Ann", "/tickets");
        awaitMessage(ANN, text -> text.equals("You are yet to raise a ticket"));

        long first = openTicket(ANN, "Ann", "Printer jams");
        long second = openTicket(ANN, "Ann", "Screen flickers");
        AgentView maria = agentLinkedTo(900, "Maria");
        assignAgent.assign(new TicketNumber(first), maria.id());

        says(ANN, "Ann", "/tickets");
        String list = awaitMessage(ANN, "Your tickets:").param("text");
        assertThat(list).contains("#" + second + " · Screen flickers · Open · Agent: N/A")
                .contains("#" + first + " · Printer jams · Assigned · Agent: Maria");
        assertThat(list.indexOf("#" + second)).isLessThan(list.indexOf("#" + first));
    }

    @Test
    void ticketDetailsShowTheQueryAndTheAgentOrNotApplicable() {
        long number = openTicket(ANN, "Ann", IPHONE);
        says(ANN, "Ann", "/ticket " + number);
        Call before = awaitMessage(ANN, "Ticket #" + number + " · ");
        assertThat(before.param("text")).contains(escape(IPHONE)).contains("Agent: N/A").contains("Status: Open");
        assertThat(before.param("reply_markup")).contains("reply:" + number).contains("close:" + number);

        assignAgent.assign(new TicketNumber(number), agentLinkedTo(900, "Maria").id());
        API.clearCalls();
        says(ANN, "Ann", "/ticket #" + number);
        assertThat(awaitMessage(ANN, "Ticket #" + number + " · ").param("text")).contains("Agent: Maria")
                .contains("Status: Assigned");
    }

    @Test
    void aCustomerCannotSeeAnotherCustomersTicketByNumber() {
        long annsTicket = openTicket(ANN, "Ann", "Private matter");
        says(EVE, "Eve", "/ticket " + annsTicket);
        awaitMessage(EVE, text -> text.equals(escape("There is no ticket #" + annsTicket + " among your tickets.")));
        says(EVE, "Eve", "/ticket 999999");
        awaitMessage(EVE, text -> text.equals(escape("There is no ticket #999999 among your tickets.")));
        assertThat(messagesTo(EVE)).noneMatch(call -> call.param("text").contains("Private matter"));
    }

    @Test
    void unknownCommandsAndBadNumbersGetAHintNeverSilence() {
        says(ANN, "Ann", "/frobnicate");
        awaitMessage(ANN, "I do not know that command");
        says(ANN, "Ann", "/ticket abc");
        awaitMessage(ANN, "That is not a ticket number");
    }

    @Test
    void aMessageWithoutAnOpenTicketOffersToOpenOneWithIt() {
        says(ANN, "Ann", "My router keeps rebooting");
        Call offer = awaitMessage(ANN, "You have no open ticket");
        assertThat(offer.param("reply_markup")).contains("offer:yes");
        presses(ANN, "Ann", ANN, "offer:yes");
        long number = createdTicket(ANN);
        assertThat(jdbc.queryForObject("SELECT description FROM tickets WHERE number = ?", String.class, number))
                .isEqualTo("My router keeps rebooting");
    }

    @Test
    void withSeveralOpenTicketsTheBotAsksWhichAndKeepsTheMessageUntilAnswered() {
        long first = openTicket(ANN, "Ann", "Printer jams");
        long second = openTicket(ANN, "Ann", "Screen flickers");
        says(ANN, "Ann", "/cancel");
        awaitMessage(ANN, "There is nothing to cancel");
        // a fresh conversation: no ticket chosen yet
        TestDatabase.update(jdbc, "DELETE FROM conversation_states");
        says(ANN, "Ann", "It got worse");
        Call question = awaitMessage(ANN, "Which ticket is this message about?");
        assertThat(question.param("reply_markup")).contains("pick:" + first).contains("pick:" + second);
        presses(ANN, "Ann", ANN, "pick:" + first);

        Call mirrored = awaitMessage(STAFF_GROUP, "It got worse");
        assertThat(mirrored.param("text")).startsWith("#" + first + " · Ann:");
    }

    @Test
    void emailIsAddedWithTheCodeSentToIt() {
        says(ANN, "Ann", "/email");
        awaitMessage(ANN, "Please send the email address");
        says(ANN, "Ann", "not an address");
        awaitMessage(ANN, "That does not look like an email address");
        says(ANN, "Ann", "ann@example.org");
        awaitMessage(ANN, "We sent a 6-digit code to ann@example.org");
        String email = jdbc.queryForObject("SELECT body FROM outbox_messages WHERE email_to = 'ann@example.org'", String.class);
        String code = email.replaceAll("(?s).*code is (\\d{6}).*", "$1");
        says(ANN, "Ann", "000000".equals(code) ? "111111" : "000000");
        awaitMessage(ANN, "That code is not right");
        says(ANN, "Ann", code);
        awaitMessage(ANN, "Thank you, your email is confirmed.");
        assertThat(jdbc.queryForObject("SELECT email FROM customers WHERE email_verified_at IS NOT NULL", String.class))
                .isEqualTo("ann@example.org");
    }

    @Test
    void askingToJoinAsAnAgentReachesTheAdminsRequests() {
        says(ANN, "Ann", "/agent I work the night shift");
        awaitMessage(ANN, "Your request to join as an agent was sent to the admins");
        says(ANN, "Ann", "/agent");
        awaitMessage(ANN, "already waiting for an admin");
        assertThat(jdbc.queryForObject("SELECT note FROM agent_join_requests WHERE status = 'PENDING'", String.class))
                .isEqualTo("I work the night shift");
    }

    @Test
    void theCustomerChoosesTheLanguage() {
        says(ANN, "Ann", "/language");
        Call choice = awaitMessage(ANN, "Choose the language");
        assertThat(choice.param("reply_markup")).contains("lang:en");
        presses(ANN, "Ann", ANN, "lang:en");
        awaitMessage(ANN, "From now on I speak English with you.");
    }
}
