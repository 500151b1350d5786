package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careregistry.TelegramTestApplication;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.agent.CreateAgentCommand;
import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.ticket.AssignAgent;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.telegram.TelegramApiDouble.Call;
import com.careregistry.testsupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Webhook mode, with no staff supergroup (agents are reached in private): Telegram posts updates
 * to the service, which takes only those carrying the registered secret.
 */
@org.springframework.test.context.ActiveProfiles("telegramtest")
@SpringBootTest(classes = TelegramTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TelegramWebhookTest {

    static final TelegramApiDouble API = new TelegramApiDouble();
    static final String SECRET = "a-long-random-webhook-secret";
    static final long ANN = 801;
    static final long MARIA = 951;
    static final Duration WAIT = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "ccr_telegram_webhook_test");
        registry.add("careregistry.telegram.api-url", API::baseUrl);
        registry.add("careregistry.telegram.mode", () -> "webhook");
        registry.add("careregistry.telegram.webhook-url", () -> "https://care.example.org/telegram/webhook");
        registry.add("careregistry.telegram.webhook-secret", () -> SECRET);
        registry.add("careregistry.telegram.staff-chat-id", () -> "");
    }

    @AfterAll
    static void stopDouble() {
        API.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManageAgents agents;
    @Autowired
    ManageCategories categories;
    @Autowired
    AssignAgent assignAgent;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void cleanSlate() {
        TestDatabase.wipe(jdbc);
    }

    @Test
    void theWebhookWasRegisteredWithItsSecretAtStartUp() {
        Call setWebhook = API.awaitCall("setWebhook", c -> true, WAIT);
        assertThat(setWebhook.param("url")).isEqualTo("https://care.example.org/telegram/webhook");
        assertThat(setWebhook.param("secret_token")).isEqualTo(SECRET);
        assertThat(API.calls("getUpdates")).as("no polling in webhook mode").isEmpty();
    }

    @Test
    void anUpdateWithTheRightSecretIsHandledOnceEvenWhenTelegramPostsItAgain() throws Exception {
        String update = API.privateText(ANN, "Ann", "en", "/start");
        assertThat(post(update, SECRET).statusCode()).isEqualTo(200);
        assertThat(post(update, SECRET).statusCode()).isEqualTo(200);

        API.awaitCall("sendMessage", c -> c.param("chat_id").equals(String.valueOf(ANN)) && c.param("text").startsWith("Hello Ann!"), WAIT);
        // and no second greeting follows
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(API.calls("sendMessage")).filteredOn(c -> c.param("text").startsWith("Hello Ann!")).hasSize(1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_events", Integer.class)).isEqualTo(1);
    }

    @Test
    void aWrongOrMissingSecretGets401AndChangesNothing() throws Exception {
        String update = API.privateText(ANN, "Ann", "en", "/start");
        assertThat(post(update, "not-the-secret").statusCode()).isEqualTo(401);
        assertThat(post(update, null).statusCode()).isEqualTo(401);
        assertThat(post(update, SECRET.substring(1)).statusCode()).isEqualTo(401);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_events", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customers", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_messages", Integer.class)).isZero();
    }

    @Test
    void anUpdateThatTheCoreRefusesIsTaken200AndAnsweredInTheChat() throws Exception {
        assertThat(post(API.callback(ANN, "Ann", ANN, 5, "rate:1001:x"), SECRET).statusCode()).isEqualTo(200);
        assertThat(post(API.privateText(ANN, "Ann", "en", "/ticket 99999"), SECRET).statusCode()).isEqualTo(200);

        API.awaitCall("sendMessage", c -> c.param("chat_id").equals(String.valueOf(ANN))
                && c.param("text").equals("This button no longer works."), WAIT);
        API.awaitCall("sendMessage", c -> c.param("chat_id").equals(String.valueOf(ANN))
                && c.param("text").contains("#99999"), WAIT);
    }

    @Test
    void aBodyOverAMegabyteIsRefusedWithoutBeingStored() throws Exception {
        String huge = "{\"update_id\": 1, \"pad\": \"" + "x".repeat(TelegramWebhook.MAX_BODY_BYTES) + "\"}";
        assertThat(post(huge, SECRET).statusCode()).isEqualTo(413);
        assertThat(post(huge, "wrong").statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_events", Integer.class)).isZero();
    }

    @Test
    void aBodyThatIsNoUpdateIsRefusedPolitely() throws Exception {
        assertThat(post("{not json", SECRET).statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_events", Integer.class)).isZero();
    }

    @Test
    void withoutAStaffGroupTheAssignedAgentAnswersInPrivateByReplying() throws Exception {
        Long general = categories.active().get(0).id();
        AgentView maria = agents.create(new CreateAgentCommand("Maria", null, "maria@example.com", "en", Set.of(general)));
        agents.linkChatIdentity(maria.id(), new ChatUser(Channel.TELEGRAM, String.valueOf(MARIA), String.valueOf(MARIA), "Maria", "en"));

        post(API.privateText(ANN, "Ann", "en", "/new"), SECRET);
        post(API.privateText(ANN, "Ann", "en", "Phone is dead"), SECRET);
        long number = await().atMost(WAIT).until(() -> jdbc.queryForList("SELECT number FROM tickets", Long.class),
                numbers -> !numbers.isEmpty()).get(0);
        assignAgent.assign(new TicketNumber(number), maria.id());
        API.awaitCall("sendMessage", c -> c.param("chat_id").equals(String.valueOf(MARIA))
                && c.param("text").startsWith("#" + number + " · Phone is dead"), WAIT);

        post(API.privateText(ANN, "Ann", "en", "It will not charge either"), SECRET);
        Call tagged = API.awaitCall("sendMessage", c -> c.param("chat_id").equals(String.valueOf(MARIA))
                && c.param("text").equals("#" + number + " · Ann:\nIt will not charge either"), WAIT);

        // the reply names the ticket by the message it answers, as the outbox recorded it once sent
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM outbox_messages WHERE chat_id = ? AND external_message_id = ?",
                Integer.class, String.valueOf(MARIA), String.valueOf(tagged.messageId())) == 1);
        post(API.privateReply(MARIA, "Maria", "Try another cable, please.", tagged.messageId(), tagged.param("text")), SECRET);
        API.awaitCall("sendMessage", c -> c.param("chat_id").equals(String.valueOf(ANN))
                && c.param("text").equals("#" + number + " · Maria:\nTry another cable, please."), WAIT);
    }

    private HttpResponse<String> post(String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
