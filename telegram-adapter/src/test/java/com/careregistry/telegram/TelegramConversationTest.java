package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careregistry.core.agent.Agent;
import com.careregistry.core.agent.AgentView;
import com.careregistry.telegram.TelegramApiDouble.Call;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A whole ticket in Telegram: customer in private, agent in the ticket's forum topic. */
class TelegramConversationTest extends TelegramTest {

    static final long ANN = 601;
    static final long MARIA = 901;
    static final long STRANGER = 902;

    @Autowired
    com.careregistry.core.canned.ManageCannedAnswers cannedAnswers;

    @Test
    void aCannedAnswerSentFromTheTopicReachesTheCustomerFilledIn() {
        cannedAnswers.save("refund", "Hello {customer}, the refund for ticket {ticket} is on its way. {agent}");
        agentLinkedTo(MARIA, "Maria");
        long number = openTicket(ANN, "Ann", "I was charged twice");
        int thread = topicThread(number);

        deliver(API.groupTopicText(STAFF_GROUP, thread, MARIA, "Maria", "/canned"));
        awaitMessage(STAFF_GROUP, "Canned answers: refund. Send /canned and a name");
        deliver(API.groupTopicText(STAFF_GROUP, thread, MARIA, "Maria", "/canned@care_bot refund"));
        awaitMessage(ANN, text -> text.equals("#" + number + " · Maria:\nHello Ann, the refund for ticket #" + number
                + " is on its way. Maria"));
        deliver(API.groupTopicText(STAFF_GROUP, thread, MARIA, "Maria", "/canned refnud"));
        awaitMessage(STAFF_GROUP, "There is no canned answer called refnud.");
        deliver(API.groupTopicText(STAFF_GROUP, thread, MARIA, "Maria", "/canned ref"));
        awaitMessage(STAFF_GROUP, "There is no canned answer called ref. Did you mean refund?");
    }

    @Test
    void customerOpensAgentClaimsTheyTalkAgentResolvesCustomerClosesAndRates() {
        AgentView maria = agentLinkedTo(MARIA, "Maria");
        long number = openTicket(ANN, "Ann", "Phone is dead\nIt does not turn on since yesterday.");

        // the ticket gets its topic, opened by a card with Claim and Resolve
        Call topic = API.awaitCall("createForumTopic", c -> c.param("chat_id").equals(String.valueOf(STAFF_GROUP)), WAIT);
        assertThat(topic.param("name")).isEqualTo("#" + number + " · Phone is dead");
        int thread = topicThread(number);
        Call card = awaitMessage(STAFF_GROUP, "#" + number + " · Phone is dead\nCustomer: Ann");
        assertThat(card.param("message_thread_id")).isEqualTo(String.valueOf(thread));
        assertThat(card.param("reply_markup")).contains("claim:" + number).contains("resolve:" + number);

        // Maria claims; Ann hears who handles her ticket
        deliver(API.callback(MARIA, "Maria", STAFF_GROUP, 1, "claim:" + number));
        awaitMessage(ANN, text -> text.equals("Agent Maria is now handling your ticket #" + number + "."));

        // messages both ways
        says(ANN, "Ann", "I tried charging it overnight");
        Call mirrored = awaitMessage(STAFF_GROUP, "#" + number + " · Ann:\nI tried charging it overnight");
        assertThat(mirrored.param("message_thread_id")).isEqualTo(String.valueOf(thread));

        deliver(API.groupTopicText(STAFF_GROUP, thread, MARIA, "Maria", "Hold power and volume down for 10 seconds."));
        awaitMessage(ANN, text -> text.equals("#" + number + " · Maria:\nHold power and volume down for 10 seconds."));

        // Maria resolves; the topic's title shows it
        deliver(API.callback(MARIA, "Maria", STAFF_GROUP, 1, "resolve:" + number));
        awaitMessage(ANN, "Your ticket #" + number + " was marked as resolved by Maria");
        API.awaitCall("editForumTopic", c -> c.param("name").equals("✅ #" + number + " · Phone is dead"), WAIT);

        // Ann closes (with a confirmation) and rates
        says(ANN, "Ann", "/close");
        Call confirm = awaitMessage(ANN, "Do you really want to close ticket #" + number + "?");
        assertThat(confirm.param("reply_markup")).contains("close-yes:" + number);
        presses(ANN, "Ann", ANN, "close-yes:" + number);
        Call rating = awaitMessage(ANN, "Ticket #" + number + " is closed.");
        assertThat(rating.param("reply_markup")).contains("rate:" + number + ":1").contains("rate:" + number + ":5");
        presses(ANN, "Ann", ANN, "rate:" + number + ":5");
        awaitMessage(ANN, "Would you like to add a comment?");
        says(ANN, "Ann", "Quick and kind, thanks!");
        awaitMessage(STAFF_GROUP, "#" + number + " was rated ★★★★★ Quick and kind, thanks!");

        assertThat(jdbc.queryForMap("SELECT status, rating, rating_comment, agent_id FROM tickets WHERE number = ?", number))
                .containsEntry("status", "CLOSED").containsEntry("rating", 5)
                .containsEntry("rating_comment", "Quick and kind, thanks!").containsEntry("agent_id", maria.id());
        API.awaitCall("editForumTopic", c -> c.param("name").equals("🔒 #" + number + " · Phone is dead"), WAIT);
    }

    @Test
    void aStrangerInTheStaffGroupCannotReachTheCustomer() {
        long number = openTicket(ANN, "Ann", "Phone is dead");
        API.awaitCall("createForumTopic", c -> true, WAIT);
        int thread = topicThread(number);

        deliver(API.groupTopicText(STAFF_GROUP, thread, STRANGER, "Mallory", "Send me your password please"));
        awaitMessage(STAFF_GROUP, "Only messages of linked agents reach the customer");
        deliver(API.callback(STRANGER, "Mallory", STAFF_GROUP, 1, "claim:" + number));
        awaitMessage(STAFF_GROUP, "Only messages of linked agents reach the customer");

        assertThat(messagesTo(ANN)).noneMatch(call -> call.param("text").contains("password"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket_messages", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT agent_id FROM tickets WHERE number = ?", Long.class, number)).isNull();
    }

    @Test
    void theFirstAgentMessageOnAnUnassignedTicketAssignsIt() {
        AgentView maria = agentLinkedTo(MARIA, "Maria");
        long number = openTicket(ANN, "Ann", "Phone is dead");
        API.awaitCall("createForumTopic", c -> true, WAIT);
        deliver(API.groupTopicText(STAFF_GROUP, topicThread(number), MARIA, "Maria", "Hi Ann, I'm on it"));
        awaitMessage(ANN, text -> text.equals("#" + number + " · Maria:\nHi Ann, I'm on it"));
        assertThat(jdbc.queryForObject("SELECT agent_id FROM tickets WHERE number = ?", Long.class, number)).isEqualTo(maria.id());
    }

    @Test
    void aDeletedTopicIsMadeAgainOnTheTicketsNextMessage() {
        long number = openTicket(ANN, "Ann", "Phone is dead");
        API.awaitCall("createForumTopic", c -> true, WAIT);
        int oldThread = topicThread(number);
        API.threadGone(STAFF_GROUP, oldThread);

        says(ANN, "Ann", "Are you there?");
        Call mirrored = awaitMessage(STAFF_GROUP, "Are you there?");
        int newThread = topicThread(number);
        assertThat(newThread).isNotEqualTo(oldThread);
        assertThat(mirrored.param("message_thread_id")).isEqualTo(String.valueOf(newThread));
        assertThat(API.calls("createForumTopic")).hasSize(2);
    }

    @Test
    void customerPhotosAndEditsReachTheTopic() {
        long number = openTicket(ANN, "Ann", "Phone is dead");
        API.awaitCall("createForumTopic", c -> true, WAIT);
        deliver(API.privatePhoto(ANN, "Ann", "PHOTO-FILE-1", "This is the screen"));
        Call photo = API.awaitCall("sendPhoto", c -> c.param("photo").equals("PHOTO-FILE-1"), WAIT);
        assertThat(photo.param("chat_id")).isEqualTo(String.valueOf(STAFF_GROUP));
        assertThat(photo.param("message_thread_id")).isEqualTo(String.valueOf(topicThread(number)));

        says(ANN, "Ann", "My IMEI is 1234");
        awaitMessage(STAFF_GROUP, "My IMEI is 1234");
        int annsMessageId = Integer.parseInt(jdbc.queryForObject(
                "SELECT external_message_id FROM ticket_messages WHERE body = 'My IMEI is 1234'", String.class).split(":")[1]);
        deliver(API.editedPrivateText(ANN, "Ann", annsMessageId, "My IMEI is 4321"));
        awaitMessage(STAFF_GROUP, "Ann edited a message:\nMy IMEI is 4321\n(before: My IMEI is 1234)");
        assertThat(jdbc.queryForObject("SELECT previous_body FROM ticket_message_edits", String.class)).isEqualTo("My IMEI is 1234");
    }
}
