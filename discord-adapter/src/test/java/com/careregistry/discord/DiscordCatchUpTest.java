package com.careregistry.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careregistry.DiscordTestApplication;
import com.careregistry.testsupport.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a customer writes while no instance holds the gateway (one died and the next is taking
 * over, or the service restarts) is not handed to the next session by Discord; the channel keeps
 * it. The new session reads each DM channel that spoke lately from its last stored message on, and
 * stores what it missed, in order and once, before what comes live after it.
 */
@org.springframework.test.context.ActiveProfiles("discordtest")
@SpringBootTest(classes = DiscordTestApplication.class)
class DiscordCatchUpTest {

    static final DiscordApiDouble DISCORD = new DiscordApiDouble();
    static final String ANN = "2000000000000000077";
    static final Duration WAIT = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "ccr_discord_test");
        registry.add("careregistry.discord.api-url", DISCORD::restBaseUrl);
        registry.add("careregistry.discord.gateway-url", DISCORD::gatewayUrl);
    }

    @AfterAll
    static void stop() {
        DISCORD.close();
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DiscordGateway gateway;

    @Test
    void whatWasWrittenWhileNoSessionWasConnectedIsStoredOnceAndInOrderByTheNext() {
        DISCORD.awaitReady(WAIT);
        TestDatabase.wipe(jdbc);
        String dm = DISCORD.newSnowflake();
        DISCORD.withDirectMessageChannel(ANN, dm);
        write(dm, "/new");
        awaitStored("/new");

        gateway.stop();   // the instance lets the gateway go: no session is connected now
        await().atMost(WAIT).until(() -> !DISCORD.connected());
        write(dm, "My printer is on fire");
        write(dm, "Smoke everywhere");

        gateway.start();   // the next session
        await().atMost(WAIT).until(() -> stored().size() == 3);
        write(dm, "Now it is out");
        await().atMost(WAIT).until(() -> stored().size() == 4);

        assertThat(stored()).containsExactly("/new", "My printer is on fire", "Smoke everywhere", "Now it is out");
        // the conversation went on as if nothing had happened: the description opened the ticket
        await().atMost(WAIT).until(() -> jdbc.queryForList("SELECT description FROM tickets", String.class)
                .contains("My printer is on fire"));
        // the two messages after it are handled each in a transaction of its own, after the ticket's
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForList("SELECT body FROM ticket_messages ORDER BY id", String.class))
                .containsExactly("Smoke everywhere", "Now it is out"));

        gateway.stop();
        gateway.start();   // a session after which nothing was missed reads again, and stores nothing twice
        DISCORD.awaitReady(WAIT);
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> stored().size() == 4);
    }

    private static void write(String dm, String text) {
        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.dmMessageCreate(ANN, "ann", dm, text));
    }

    private void awaitStored(String text) {
        await().atMost(WAIT).until(() -> stored().contains(text));
    }

    /** The texts of Ann's direct messages the inbox holds, in the order they were stored. */
    private List<String> stored() {
        return jdbc.queryForList("SELECT payload FROM inbox_events WHERE ordering_key = ? ORDER BY id", String.class, "DISCORD:" + ANN)
                .stream().map(DiscordEvent::read).filter(e -> e instanceof DiscordEvent.DirectMessage)
                .map(e -> ((DiscordEvent.DirectMessage) e).text()).toList();
    }
}
