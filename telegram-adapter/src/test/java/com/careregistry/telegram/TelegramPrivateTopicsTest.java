package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careregistry.telegram.TelegramApiDouble.Call;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With topics in the bot's private chats (BotFather's switch, Bot API 9.3): each ticket gets its own
 * topic "#N · subject" in its customer's chat; what is said about it goes there, and what the customer
 * writes in a topic goes to that ticket, with no "which ticket?" however many are open. A topic the
 * customer deleted is made again; with the switch off the bot writes to the chat as before.
 */
class TelegramPrivateTopicsTest extends TelegramTest {

    static final long ANN = 611;
    static final long MARIA = 911;

    @Autowired
    TelegramBotProfile profile;

    @BeforeEach
    void topicsOn() {
        API.topicsInPrivateChats(true);
        profile.refresh();
    }

    @AfterEach
    void topicsOff() {
        API.topicsInPrivateChats(false);
        profile.refresh();
    }

    @Test
    void twoTicketsGetTwoTopicsAndAMessageInTheSecondTopicLandsInTheSecondTicket() {
        agentLinkedTo(MARIA, "Maria");
        long first = openTicket(ANN, "Ann", "Printer jams");
        int firstTopic = customerTopic(first, "Printer jams");
        long second = openTicket(ANN, "Ann", "Screen flickers");
        int secondTopic = customerTopic(second, "Screen flickers");
        assertThat(secondTopic).isNotEqualTo(firstTopic);
        assertThat(awaitMessage(ANN, "Ticket #" + second + " created").param("message_thread_id"))
                .as("the confirmation opens the ticket's topic").isEqualTo(String.valueOf(secondTopic));

        deliver(API.privateTopicText(ANN, "Ann", secondTopic, "It flickers only on battery"));
        Call relayed = awaitMessage(STAFF_GROUP, "#" + second + " · Ann:\nIt flickers only on battery");
        assertThat(relayed.param("message_thread_id")).isEqualTo(String.valueOf(topicThread(second)));
        deliver(API.privateTopicText(ANN, "Ann", firstTopic, "Paper is A4"));
        awaitMessage(STAFF_GROUP, "#" + first + " · Ann:\nPaper is A4");
        assertThat(messagesTo(ANN)).noneMatch(call -> call.param("text").contains(escape(en("bot.which-ticket"))));
        assertThat(jdbc.queryForList("""
                SELECT t.number FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id WHERE m.body = 'It flickers only on battery'
                """, Long.class)).containsExactly(second);

        // the agent's answer goes into the ticket's own topic
        deliver(API.groupTopicText(STAFF_GROUP, topicThread(first), MARIA, "Maria", "Which model is it?"));
        Call answer = awaitMessage(ANN, "Which model is it?");
        assertThat(answer.param("message_thread_id")).isEqualTo(String.valueOf(firstTopic));
    }

    @Test
    void aTopicTheCustomerDeletedIsMadeAgain() {
        agentLinkedTo(MARIA, "Maria");
        long number = openTicket(ANN, "Ann", "Printer jams");
        int topic = customerTopic(number, "Printer jams");
        API.threadGone(ANN, topic);

        deliver(API.groupTopicText(STAFF_GROUP, topicThread(number), MARIA, "Maria", "Which model is it?"));
        Call answer = awaitMessage(ANN, "Which model is it?");
        int again = Integer.parseInt(answer.param("message_thread_id"));
        assertThat(again).isNotEqualTo(topic);
        assertThat(jdbc.queryForObject("SELECT thread_id FROM customer_topics", String.class)).isEqualTo(String.valueOf(again));
    }

    @Test
    void withTheSwitchOffTheBotWritesToTheChat() {
        API.topicsInPrivateChats(false);
        profile.refresh();
        long number = openTicket(ANN, "Ann", "Printer jams");
        assertThat(awaitMessage(ANN, "Ticket #" + number + " created").param("message_thread_id")).isNull();
        API.awaitCall("createForumTopic", c -> c.param("chat_id").equals(String.valueOf(STAFF_GROUP)), WAIT);
        assertThat(API.calls("createForumTopic")).noneMatch(c -> c.param("chat_id").equals(String.valueOf(ANN)));
    }

    /** The topic the bot made for a ticket in Ann's chat, named after it. */
    private int customerTopic(long number, String subject) {
        Call made = API.awaitCall("createForumTopic", c -> c.param("chat_id").equals(String.valueOf(ANN))
                && c.param("name").equals("#" + number + " · " + subject), WAIT);
        assertThat(made.succeeded()).isTrue();
        List<String> recorded = await().atMost(WAIT).until(() -> jdbc.queryForList("""
                SELECT c.thread_id FROM customer_topics c JOIN tickets t ON t.id = c.ticket_id WHERE t.number = ?
                """, String.class, number), found -> !found.isEmpty());
        return Integer.parseInt(recorded.get(0));
    }
}
