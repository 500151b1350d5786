package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.telegram.TelegramApiDouble.Call;
import org.junit.jupiter.api.Test;

/**
 * Receipts, not messages: when a customer's message reaches the ticket's staff topic, the bot reacts
 * to it in the customer's chat; when an agent's message reaches the customer, the bot reacts to it in
 * the staff topic. And edits both ways: an agent editing their message in the topic edits the copy the
 * customer got (the ticket's history keeps both versions), as a customer's edit already reaches staff.
 */
class TelegramReceiptsAndEditsTest extends TelegramTest {

    static final long ANN = 621;
    static final long MARIA = 931;
    static final String RECEIPT = "👌";

    @Test
    void aCustomersMessageThatReachedStaffGetsAReactionInTheirChat() {
        long number = openTicket(ANN, "Ann", "Phone is dead");
        int opening = messageIdOf("Phone is dead");
        receiptOn(ANN, opening);

        says(ANN, "Ann", "I tried charging it overnight");
        awaitMessage(STAFF_GROUP, "#" + number + " · Ann:\nI tried charging it overnight");
        receiptOn(ANN, messageIdOf("I tried charging it overnight"));
        assertThat(API.calls("setMessageReaction")).as("one receipt per message").hasSize(2);
    }

    @Test
    void anAgentsMessageThatReachedTheCustomerGetsAReactionInTheTopic() {
        agentLinkedTo(MARIA, "Maria");
        long number = openTicket(ANN, "Ann", "Phone is dead");
        int thread = topicThread(number);

        deliver(API.groupTopicText(STAFF_GROUP, thread, MARIA, "Maria", "Hold power and volume down for 10 seconds."));
        awaitMessage(ANN, "Hold power and volume down for 10 seconds.");
        receiptOn(STAFF_GROUP, messageIdOf("Hold power and volume down for 10 seconds."));
    }

    @Test
    void anAgentsEditReachesTheCustomersCopy() {
        agentLinkedTo(MARIA, "Maria");
        long number = openTicket(ANN, "Ann", "Phone is dead");
        int thread = topicThread(number);
        deliver(API.groupTopicText(STAFF_GROUP, thread, MARIA, "Maria", "Hold power for 10 seconds."));
        Call copy = awaitMessage(ANN, "Hold power for 10 seconds.");
        int agentsMessage = messageIdOf("Hold power for 10 seconds.");

        deliver(API.editedGroupTopicText(STAFF_GROUP, thread, MARIA, "Maria", agentsMessage, "Hold power and volume down for 10 seconds."));
        Call edit = API.awaitCall("editMessageText", c -> c.param("chat_id").equals(String.valueOf(ANN)), WAIT);
        assertThat(edit.param("message_id")).isEqualTo(String.valueOf(copy.messageId()));
        assertThat(edit.param("text")).isEqualTo(escape("#" + number + " · Maria:\nHold power and volume down for 10 seconds."));
        assertThat(messagesTo(ANN)).noneMatch(call -> call.param("text").contains("volume down"));
        assertThat(jdbc.queryForObject("SELECT previous_body FROM ticket_message_edits", String.class))
                .as("the history keeps the first version").isEqualTo("Hold power for 10 seconds.");
        assertThat(jdbc.queryForObject("SELECT body FROM ticket_messages WHERE id = (SELECT message_id FROM ticket_message_edits)",
                String.class)).isEqualTo("Hold power and volume down for 10 seconds.");
    }

    @Test
    void anEditOfALongAnswerGoesOutAsANewMessage() {
        agentLinkedTo(MARIA, "Maria");
        long number = openTicket(ANN, "Ann", "Phone is dead");
        int thread = topicThread(number);
        String longAnswer = "Step by step: " + "hold the power button and wait. ".repeat(70);   // over 2,000 characters
        deliver(API.groupTopicText(STAFF_GROUP, thread, MARIA, "Maria", longAnswer));
        awaitMessage(ANN, "Step by step:");
        int agentsMessage = messageIdOf(longAnswer.strip());

        deliver(API.editedGroupTopicText(STAFF_GROUP, thread, MARIA, "Maria", agentsMessage, "Short now: hold the power button."));
        awaitMessage(ANN, "Short now: hold the power button.");
        assertThat(API.calls("editMessageText")).as("a long answer's platform id is only its last part's").isEmpty();
    }

    @Test
    void anEditOfSomethingThatWasNotAnAnswerChangesNothing() {
        agentLinkedTo(MARIA, "Maria");
        long number = openTicket(ANN, "Ann", "Phone is dead");
        int thread = topicThread(number);
        deliver(API.groupTopicText(STAFF_GROUP, thread, MARIA, "Maria", "/away"));
        awaitMessage(STAFF_GROUP, en("staff.away"));
        deliver(API.editedGroupTopicText(STAFF_GROUP, thread, MARIA, "Maria", 999_999, "Something else"));
        says(ANN, "Ann", "Hello?");
        awaitMessage(STAFF_GROUP, "Hello?");
        assertThat(API.calls("editMessageText")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket_message_edits", Integer.class)).isZero();
    }

    /** The bot reacted with the receipt to message {@code messageId} in {@code chatId}. */
    private void receiptOn(long chatId, int messageId) {
        Call reaction = API.awaitCall("setMessageReaction", c -> c.param("chat_id").equals(String.valueOf(chatId))
                && c.param("message_id").equals(String.valueOf(messageId)), WAIT);
        assertThat(reaction.jsonParam("reaction").toString()).contains(RECEIPT);
    }

    /** The platform's id of the message with this text (as a ticket's message or its opening). */
    private int messageIdOf(String text) {
        String external = jdbc.queryForList("""
                SELECT external_message_id FROM ticket_messages WHERE body = ?
                UNION ALL SELECT opening_message_id FROM tickets WHERE description = ?
                """, String.class, text, text).get(0);
        return Integer.parseInt(external.substring(external.lastIndexOf(':') + 1));
    }
}
