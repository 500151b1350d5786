package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careregistry.telegram.TelegramApiDouble.Call;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Telegram Business: a company connects the bot to its own Telegram account; a customer who writes to
 * the company opens and follows a ticket as in a private chat with the bot, and every answer goes back
 * through the connection ({@code business_connection_id}), so the customer sees the company. A
 * connection that is disabled or may not reply, or a customer silent for more than 24 hours, stops the
 * answers: each is given up with the reason, which the panel's delivery page shows, and nothing is sent.
 */
class TelegramBusinessTest extends TelegramTest {

    static final String CONNECTION = "bc-acme-1";
    static final long ACME = 7001;
    static final long CEM = 7101;
    static final long MARIA = 921;

    @org.springframework.beans.factory.annotation.Autowired
    TelegramBotProfile profile;

    @BeforeEach
    void acmeConnectsTheBot() {
        agentLinkedTo(MARIA, "Maria");
        connection(true, true);
    }

    @Test
    void aBusinessCustomersFirstMessageOpensATicketAndTheAnswersCarryTheConnection() {
        long number = cemOpensATicket();
        Call card = awaitMessage(STAFF_GROUP, "#" + number + " · My parcel never arrived\nCustomer: Cem");
        assertThat(card.param("business_connection_id")).as("staff hear it from the bot").isNull();

        deliver(API.groupTopicText(STAFF_GROUP, topicThread(number), MARIA, "Maria", "Which order number is it?"));
        Call answer = awaitMessage(CEM, "Which order number is it?");
        assertThat(answer.param("business_connection_id")).isEqualTo(CONNECTION);

        deliver(API.businessText(CONNECTION, CEM, "Cem", "Order 5521"));
        awaitMessage(STAFF_GROUP, "#" + number + " · Cem:\nOrder 5521");
    }

    @Test
    void whatTheCompanysOwnPeopleWriteInTheChatIsNotTheCustomers() {
        long number = cemOpensATicket();
        deliver(API.businessTextFrom(CONNECTION, CEM, ACME, "Acme", "We are looking into it"));
        deliver(API.businessText(CONNECTION, CEM, "Cem", "Thanks"));
        awaitMessage(STAFF_GROUP, "#" + number + " · Cem:\nThanks");
        assertThat(jdbc.queryForList("SELECT body FROM ticket_messages ORDER BY id", String.class)).containsExactly("Thanks");
    }

    @Test
    void aDisabledConnectionStopsTheAnswers() {
        long number = cemOpensATicket();
        connection(false, true);

        deliver(API.groupTopicText(STAFF_GROUP, topicThread(number), MARIA, "Maria", "Which order number is it?"));
        assertThat(givenUp("Which order number is it?")).contains("Telegram Business").contains("disabled");
        assertThat(messagesTo(CEM)).noneMatch(call -> call.param("text").contains("Which order number is it?"));
    }

    @Test
    void aConnectionWithoutTheRightToReplyStopsTheAnswers() {
        long number = cemOpensATicket();
        connection(true, false);

        deliver(API.groupTopicText(STAFF_GROUP, topicThread(number), MARIA, "Maria", "Which order number is it?"));
        assertThat(givenUp("Which order number is it?")).contains("no right to reply");
    }

    @Test
    void noAnswerGoesMoreThanADayAfterTheCustomerLastWrote() {
        long number = cemOpensATicket();
        clock.advance(Duration.ofHours(25));

        deliver(API.groupTopicText(STAFF_GROUP, topicThread(number), MARIA, "Maria", "Sorry for the wait"));
        assertThat(givenUp("Sorry for the wait")).contains("24 hours");

        deliver(API.businessText(CONNECTION, CEM, "Cem", "Hello?"));
        awaitMessage(STAFF_GROUP, "#" + number + " · Cem:\nHello?");
        deliver(API.groupTopicText(STAFF_GROUP, topicThread(number), MARIA, "Maria", "Here we are"));
        assertThat(awaitMessage(CEM, "Here we are").param("business_connection_id")).as("the window opened again")
                .isEqualTo(CONNECTION);
    }

    @Test
    void aCustomerWhoWritesToTheBotItselfIsAnsweredByTheBot() {
        long number = cemOpensATicket();
        says(CEM, "Cem", "Writing to the bot now");
        awaitMessage(STAFF_GROUP, "#" + number + " · Cem:\nWriting to the bot now");
        deliver(API.groupTopicText(STAFF_GROUP, topicThread(number), MARIA, "Maria", "Got it"));
        assertThat(awaitMessage(CEM, "Got it").param("business_connection_id")).isNull();
    }

    @Test
    void aConnectionWhoseUpdateTheBotNeverSawIsAskedOfTelegram() {
        // connected before this version listened for business_connection updates: Telegram is asked
        API.respondWith("getBusinessConnection", """
                {"id":"bc-older","user":{"id":7002,"is_bot":false,"first_name":"Older Shop"},"user_chat_id":7002,
                 "date":1764547200,"is_enabled":true,"rights":{"can_reply":true}}""");
        deliver(API.businessText("bc-older", 7102, "Dana", "Where is my parcel?"));
        Call offer = awaitMessage(7102, en("bot.no-open-ticket"));
        assertThat(offer.param("business_connection_id")).isEqualTo("bc-older");
        assertThat(API.calls("getBusinessConnection")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT owner_name FROM business_connections WHERE id = 'bc-older'", String.class))
                .isEqualTo("Older Shop");
    }

    @Test
    void aBusinessChatGetsNoTopicEvenWithTopicsOn() {
        API.topicsInPrivateChats(true);
        profile.refresh();
        try {
            long number = cemOpensATicket();
            assertThat(awaitMessage(CEM, "Ticket #" + number + " created").param("message_thread_id")).isNull();
            assertThat(API.calls("createForumTopic")).noneMatch(c -> c.param("chat_id").equals(String.valueOf(CEM)));
        } finally {
            API.topicsInPrivateChats(false);
            profile.refresh();
        }
    }

    private long cemOpensATicket() {
        deliver(API.businessText(CONNECTION, CEM, "Cem", "My parcel never arrived"));
        Call offer = awaitMessage(CEM, en("bot.no-open-ticket"));
        assertThat(offer.param("business_connection_id")).isEqualTo(CONNECTION);
        presses(CEM, "Cem", CEM, "offer:yes");
        long number = createdTicket(CEM);
        assertThat(awaitMessage(CEM, "Ticket #" + number + " created").param("business_connection_id")).isEqualTo(CONNECTION);
        return number;
    }

    private void connection(boolean enabled, boolean canReply) {
        deliver(API.businessConnection(CONNECTION, ACME, "Acme", enabled, canReply));
        await().atMost(WAIT).until(() -> jdbc.queryForList("SELECT enabled, can_reply FROM business_connections WHERE id = ?",
                CONNECTION), rows -> rows.size() == 1 && rows.get(0).equals(Map.of("enabled", enabled, "can_reply", canReply))
                || rows.size() == 1 && matches(rows.get(0), enabled, canReply));
    }

    private static boolean matches(Map<String, Object> row, boolean enabled, boolean canReply) {
        return truth(row.get("enabled")) == enabled && truth(row.get("can_reply")) == canReply;
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }

    /** The reason the answer with this text was given up, once it was. */
    private String givenUp(String text) {
        return await().atMost(WAIT).until(() -> jdbc.queryForList(
                "SELECT last_error FROM outbox_messages WHERE status = 'DEAD' AND body LIKE ?", String.class, "%" + text + "%"),
                found -> !found.isEmpty()).get(0);
    }
}
