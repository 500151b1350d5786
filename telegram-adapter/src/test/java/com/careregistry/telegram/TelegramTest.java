package com.careregistry.telegram;

import static org.awaitility.Awaitility.await;

import com.careregistry.TelegramTestApplication;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.agent.CreateAgentCommand;
import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.text.Texts;
import com.careregistry.telegram.TelegramApiDouble.Call;
import com.careregistry.testsupport.ShiftedClock;
import com.careregistry.testsupport.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the Telegram tests: the core and the adapter with its real telegrambots client, polling
 * a local double of the Bot API, against the real MariaDB. The outbox's dispatchers run, so what
 * the bot sends shows up as calls on the double.
 */
@org.springframework.test.context.ActiveProfiles("telegramtest")
@SpringBootTest(classes = TelegramTestApplication.class)
public abstract class TelegramTest {

    static final TelegramApiDouble API = new TelegramApiDouble();
    static final long STAFF_GROUP = -1001000000001L;
    static final Duration WAIT = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "ccr_telegram_test");
        registry.add("careregistry.telegram.api-url", API::baseUrl);
        registry.add("careregistry.telegram.staff-chat-id", () -> String.valueOf(STAFF_GROUP));
    }

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected ManageAgents manageAgents;
    @Autowired
    protected ManageCategories categories;
    @Autowired
    protected Texts texts;
    @Autowired
    protected ShiftedClock clock;

    @BeforeEach
    void cleanSlate() {
        // let the dispatchers finish what an earlier test left (for up to five seconds), then start from nothing
        try {
            await().pollInterval(Duration.ofMillis(50)).atMost(Duration.ofSeconds(5)).until(() -> pendingRows() == 0);
        } catch (ConditionTimeoutException stillPending) {
            // what is left is wiped below
        }
        clock.reset();
        TestDatabase.wipe(jdbc);
        API.clearCalls();
        mark = 0;
    }

    private int pendingRows() {
        Integer pending = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_messages WHERE status = 'PENDING'", Integer.class);
        return pending == null ? 0 : pending;
    }

    /** Calls recorded before the last thing a test user did; awaiting looks only after it. */
    private int mark;

    /** Someone does something in Telegram: the double serves the update to the bot's poller. */
    protected void deliver(String updateJson) {
        mark = API.calls().size();
        API.enqueueUpdate(updateJson);
    }

    /** A customer writes to the bot in private. */
    protected void says(long userId, String firstName, String text) {
        deliver(API.privateText(userId, firstName, "en", text));
    }

    protected void presses(long userId, String firstName, long chatId, String data) {
        deliver(API.callback(userId, firstName, chatId, 1, data));
    }

    /** The first message, since the last thing a user did, that the bot sent to a chat and that satisfies {@code matching}. */
    protected Call awaitMessage(long chatId, Predicate<String> matching) {
        int since = mark;
        try {
            return await().pollInterval(Duration.ofMillis(20)).atMost(WAIT).until(() -> {
                List<Call> calls = API.calls();
                return calls.subList(Math.min(since, calls.size()), calls.size()).stream()
                        .filter(call -> call.is("sendMessage") && call.succeeded()
                                && call.param("chat_id").equals(String.valueOf(chatId)) && matching.test(call.param("text")))
                        .findFirst();
            }, Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no such message to " + chatId + " since call " + since + "; calls: " + API.calls(), e);
        }
    }

    protected Call awaitMessage(long chatId, String containing) {
        return awaitMessage(chatId, text -> text.contains(escape(containing)));
    }

    protected List<Call> messagesTo(long chatId) {
        return API.calls("sendMessage").stream()
                .filter(call -> call.succeeded() && call.param("chat_id").equals(String.valueOf(chatId))).toList();
    }

    protected String en(String key, Object... args) {
        return texts.get("en", key, args);
    }

    /** How a text travels to Telegram: HTML-escaped. */
    protected static String escape(String text) {
        return TelegramText.escapeHtml(text);
    }

    protected AgentView agentLinkedTo(long telegramUserId, String firstName) {
        Long general = categories.active().get(0).id();
        AgentView agent = manageAgents.create(new CreateAgentCommand(firstName, "Agentson", firstName.toLowerCase() + "@example.com",
                "en", Set.of(general)));
        manageAgents.linkChatIdentity(agent.id(), new ChatUser(Channel.TELEGRAM, String.valueOf(telegramUserId),
                String.valueOf(telegramUserId), firstName, "en"));
        return agent;
    }

    /** The number of the ticket just created, read from the bot's confirmation. */
    protected long createdTicket(long chatId) {
        String text = awaitMessage(chatId, t -> t.startsWith("Ticket #") && t.contains(" created")).param("text");
        return Long.parseLong(text.substring("Ticket #".length(), text.indexOf(' ', "Ticket #".length())));
    }

    protected long openTicket(long userId, String firstName, String description) {
        says(userId, firstName, "/new");
        awaitMessage(userId, en("bot.new.describe"));
        says(userId, firstName, description);
        return createdTicket(userId);
    }

    /** The forum topic of a ticket, once the bot has made it. */
    protected int topicThread(long number) {
        List<String> threads = await().alias("the topic of ticket #" + number).atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForList("""
                        SELECT s.thread_id FROM staff_threads s JOIN tickets t ON t.id = s.ticket_id WHERE t.number = ?
                        """, String.class, number), found -> !found.isEmpty());
        return Integer.parseInt(threads.get(0));
    }
}
