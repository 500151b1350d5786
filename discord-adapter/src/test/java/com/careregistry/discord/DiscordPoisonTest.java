package com.careregistry.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careregistry.DiscordTestApplication;
import com.careregistry.core.common.Channel;
import com.careregistry.core.inbox.Inbox;
import com.careregistry.discord.DiscordApiDouble.Call;
import com.careregistry.testsupport.FailingInboxHandler;
import com.careregistry.testsupport.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Discord, as Telegram: crafted button ids are refused in the DMs, a customer whose events keep
 * failing is set aside (and told) while another is answered within a second, and Retry handles the
 * set-aside event once its cause is gone. The real JDA against the double.
 */
@org.springframework.test.context.ActiveProfiles("discordtest")
@SpringBootTest(classes = DiscordTestApplication.class)
@Import(DiscordPoisonTest.Failures.class)
class DiscordPoisonTest {

    static final DiscordApiDouble DISCORD = new DiscordApiDouble();
    static final String ANN = "2000000000000000042";
    static final String MALLORY = "2000000000000000666";
    static final String BOB = "2000000000000000880";
    static final Duration WAIT = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "ccr_discord_poison_test");
        registry.add("careregistry.discord.api-url", DISCORD::restBaseUrl);
        registry.add("careregistry.discord.gateway-url", DISCORD::gatewayUrl);
    }

    @AfterAll
    static void stop() {
        DISCORD.close();
    }

    /** Makes the Discord handler fail for the customers a test names. */
    /** Makes the adapter's handler fail for the chats a test names. */
    @TestConfiguration
    static class Failures {
        @Bean
        static BeanPostProcessor failForSomeCustomers() {
            return FailingInboxHandler.wrapping(DiscordInbox.class);
        }
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Inbox inbox;

    private int mark;

    @BeforeEach
    void cleanSlate() {
        DISCORD.awaitReady(WAIT);
        TestDatabase.wipe(jdbc);
        mark = DISCORD.calls().size();
    }

    @AfterEach
    void heal() {
        FailingInboxHandler.FAILING_CHATS.clear();
    }

    private List<String> postsTo(String channel) {
        List<Call> calls = DISCORD.calls();
        return calls.subList(Math.min(mark, calls.size()), calls.size()).stream()
                .filter(c -> c.method().equals("POST") && c.path().equals("/channels/" + channel + "/messages"))
                .map(c -> c.body().path("content").asText()).toList();
    }

    private void annIsAnsweredWithinASecond(String annsDm) {
        int before = postsTo(annsDm).size();
        long asked = System.nanoTime();
        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.dmMessageCreate(ANN, "ann", annsDm, "/help"));
        await().atMost(WAIT).until(() -> postsTo(annsDm).size() > before);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void craftedButtonIdsAreRefusedInTheDirectMessagesAndStopNobody() {
        String annsDm = DISCORD.newSnowflake();
        String mallorysDm = DISCORD.newSnowflake();
        DISCORD.withDirectMessageChannel(ANN, annsDm);
        DISCORD.withDirectMessageChannel(MALLORY, mallorysDm);
        List<String> crafted = List.of("rate:1001:x", "show", "rate:1001", "lang:zz", ":", "cat:abc", "close-yes:-1", "x".repeat(100));
        for (String id : crafted) {
            DISCORD.dispatch("INTERACTION_CREATE", DISCORD.dmButton(DISCORD.newSnowflake(), "t-" + id.hashCode(), MALLORY, "mallory",
                    mallorysDm, id));
            annIsAnsweredWithinASecond(annsDm);
        }
        await().atMost(WAIT).until(() -> postsTo(mallorysDm).size() >= crafted.size());
        assertThat(postsTo(mallorysDm)).hasSize(crafted.size()).containsOnly("This button no longer works.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_events WHERE status <> 'HANDLED'", Integer.class)).isZero();
    }

    @Test
    void aCustomerWhoseEventsKeepFailingIsSetAsideWhileAnotherIsAnsweredAndRetryHandlesItLater() {
        String annsDm = DISCORD.newSnowflake();
        String bobsDm = DISCORD.newSnowflake();
        DISCORD.withDirectMessageChannel(ANN, annsDm);
        DISCORD.withDirectMessageChannel(BOB, bobsDm);
        FailingInboxHandler.FAILING_CHATS.add("DISCORD:" + BOB);
        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.dmMessageCreate(BOB, "bob", bobsDm, "/tickets"));
        for (int i = 0; i < 3; i++) {
            annIsAnsweredWithinASecond(annsDm);
        }

        await().atMost(WAIT).until(() -> inbox.failed(10).size() == 1);
        await().atMost(WAIT).until(() -> postsTo(bobsDm).contains("We could not process that message; our team has been told."));
        assertThat(inbox.failed(10)).singleElement().satisfies(failed -> {
            assertThat(failed.channel()).isEqualTo(Channel.DISCORD);
            assertThat(failed.attempts()).isEqualTo(3);
            assertThat(failed.lastError()).contains("the database refused chat DISCORD:" + BOB);
        });

        FailingInboxHandler.FAILING_CHATS.clear();
        inbox.retry(inbox.failed(1).get(0).id());
        await().atMost(WAIT).until(() -> postsTo(bobsDm).contains("You are yet to raise a ticket"));
        assertThat(inbox.failed(10)).isEmpty();
    }
}
