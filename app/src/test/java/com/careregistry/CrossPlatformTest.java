package com.careregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careregistry.core.agent.AgentView;
import com.careregistry.core.agent.CreateAgentCommand;
import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatUser;
import com.careregistry.discord.DiscordApiDouble;
import com.careregistry.telegram.TelegramApiDouble;
import com.careregistry.testsupport.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole service with both bots on, each against its platform's local double: a Discord
 * customer's ticket is worked on in the Telegram staff group, and the agent's message in the
 * ticket's topic arrives in the customer's Discord DMs.
 */
class CrossPlatformTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final long STAFF_GROUP = -1001000000077L;
    static final long MARIA = 9077;
    static final String ANN = "2000000000000000077";

    @Test
    void aDiscordCustomerIsAnsweredFromATelegramTopic() throws Exception {
        try (TelegramApiDouble telegram = new TelegramApiDouble(); DiscordApiDouble discord = new DiscordApiDouble();
             ConfigurableApplicationContext app = start(telegram, discord)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            forgetEarlierRuns(jdbc, telegram, discord);
            ManageAgents agents = app.getBean(ManageAgents.class);
            AgentView maria = agents.create(new CreateAgentCommand("Maria", null, "maria@example.com", "en",
                    Set.of(app.getBean(ManageCategories.class).active().get(0).id())));
            agents.linkChatIdentity(maria.id(), new ChatUser(Channel.TELEGRAM, String.valueOf(MARIA), String.valueOf(MARIA), "Maria", "en"));
            discord.awaitReady(WAIT);

            String dm = discord.newSnowflake();
            discord.dispatch("MESSAGE_CREATE", discord.dmMessageCreate(ANN, "ann", dm, "/new"));
            awaitDiscordPost(discord, "Please describe your problem");
            discord.dispatch("MESSAGE_CREATE", discord.dmMessageCreate(ANN, "ann", dm, "My headset does not pair"));
            long number = awaitTicket(jdbc, "My headset does not pair");
            awaitDiscordPost(discord, "Ticket #" + number + " created");

            telegram.awaitCall("createForumTopic", c -> c.param("chat_id").equals(String.valueOf(STAFF_GROUP))
                    && c.param("name").equals("#" + number + " · My headset does not pair"), WAIT);
            telegram.awaitCall("sendMessage", c -> c.param("chat_id").equals(String.valueOf(STAFF_GROUP))
                    && c.param("text").contains("Channel: DISCORD"), WAIT);
            int thread = Integer.parseInt(awaitThreadRecorded(jdbc));

            telegram.enqueueUpdate(telegram.groupTopicText(STAFF_GROUP, thread, MARIA, "Maria", "Hold the button for 5 seconds"));
            String answer = awaitDiscordPost(discord, "#" + number + " · Maria:");
            assertThat(answer).isEqualTo("#" + number + " · Maria:\nHold the button for 5 seconds");
        }
    }

    @Test
    void aTelegramCustomerIsAnsweredFromADiscordThread() throws Exception {
        String guild = "3000000000000000001";
        String staffChannel = "3000000000000000002";
        String mariaOnDiscord = "2000000000000000099";
        try (TelegramApiDouble telegram = new TelegramApiDouble(); DiscordApiDouble discord = new DiscordApiDouble()) {
            discord.withGuild(guild, staffChannel);
            try (ConfigurableApplicationContext app = start(telegram, discord, "--careregistry.telegram.staff-chat-id=",
                    "--careregistry.staff-chat=discord", "--careregistry.discord.staff-channel-id=" + staffChannel,
                    "--careregistry.discord.guild-id=" + guild)) {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                forgetEarlierRuns(jdbc, telegram, discord);
                ManageAgents agents = app.getBean(ManageAgents.class);
                AgentView maria = agents.create(new CreateAgentCommand("Maria", null, "maria@example.com", "en",
                        Set.of(app.getBean(ManageCategories.class).active().get(0).id())));
                agents.linkChatIdentity(maria.id(), new ChatUser(Channel.DISCORD, mariaOnDiscord, mariaOnDiscord, "maria", "en"));
                discord.awaitReady(WAIT);

                telegram.enqueueUpdate(telegram.privateText(ANN_ON_TELEGRAM, "Ann", "en", "/new"));
                telegram.awaitCall("sendMessage", c -> c.param("text").startsWith("Please describe"), WAIT);
                telegram.enqueueUpdate(telegram.privateText(ANN_ON_TELEGRAM, "Ann", "en", "My router blinks red"));
                long number = awaitTicket(jdbc, "My router blinks red");
                telegram.awaitCall("sendMessage", c -> c.param("text").startsWith("Ticket #" + number + " created"), WAIT);

                discord.awaitCall("POST", "/channels/" + staffChannel + "/threads", WAIT);
                assertThat(discord.calls()).anySatisfy(call -> assertThat(call.body() == null ? "" : call.body().path("name").asText())
                        .isEqualTo("#" + number + " · My router blinks red"));
                String threadId = awaitThreadRecorded(jdbc);
                assertThat(awaitDiscordPost(discord, "#" + number + " · My router blinks red")).contains("Channel: TELEGRAM");

                discord.dispatch("MESSAGE_CREATE", discord.threadMessageCreate(threadId, mariaOnDiscord, "maria", "Unplug it for a minute"));
                telegram.awaitCall("sendMessage", c -> c.param("chat_id").equals(String.valueOf(ANN_ON_TELEGRAM))
                        && c.param("text").equals("#" + number + " · Maria:\nUnplug it for a minute"), WAIT);

                // Ann's photo, which Telegram keeps behind a file id, arrives in the thread as the file itself
                byte[] photo = new byte[2048];
                new java.util.Random(11).nextBytes(photo);
                telegram.withFile("photo-file-id", "photos/file_7.jpg", photo);
                telegram.enqueueUpdate(telegram.privatePhoto(ANN_ON_TELEGRAM, "Ann", "photo-file-id", "The lights now"));
                awaitDiscordPost(discord, "#" + number + " · Ann:\nThe lights now");
                await().atMost(WAIT).until(() -> !discord.uploads().isEmpty());
                assertThat(discord.uploads()).singleElement().satisfies(upload -> {
                    assertThat(upload.path()).isEqualTo("/channels/" + threadId + "/messages");
                    assertThat(upload.fileName()).isEqualTo("photo.jpg");
                    assertThat(upload.bytes()).isEqualTo(photo);
                });
            }
        }
    }

    static final long ANN_ON_TELEGRAM = 7077;

    private static long awaitTicket(JdbcTemplate jdbc, String description) {
        return await().alias("a ticket \"" + description + "\"").pollInterval(Duration.ofMillis(20)).atMost(WAIT)
                .until(() -> jdbc.queryForList("SELECT number FROM tickets WHERE description = ?", Long.class, description),
                        numbers -> !numbers.isEmpty()).get(0);
    }

    /** The sender records the thread once Discord answered its creation: a moment after the POST. */
    private static String awaitThreadRecorded(JdbcTemplate jdbc) {
        return await().alias("a staff thread recorded").pollInterval(Duration.ofMillis(20)).atMost(WAIT)
                .until(() -> jdbc.queryForList("SELECT thread_id FROM staff_threads", String.class), ids -> !ids.isEmpty()).get(0);
    }

    /** An earlier run may have left messages in the outbox, which the service sends as it starts: forget them. */
    private static void forgetEarlierRuns(JdbcTemplate jdbc, TelegramApiDouble telegram, DiscordApiDouble discord) {
        TestDatabase.wipe(jdbc);
        // what was in flight when the rows were wiped ends: both doubles quiet for 300 ms
        AtomicInteger seen = new AtomicInteger(-1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10))
                .until(() -> seen.getAndSet(telegram.calls().size() + discord.calls().size())
                        == telegram.calls().size() + discord.calls().size());
        telegram.clearCalls();
        discord.clearCalls();
    }

    private static String awaitDiscordPost(DiscordApiDouble discord, String startingWith) {
        try {
            return await().pollInterval(Duration.ofMillis(20)).atMost(WAIT).until(() -> discord.calls().stream()
                    .filter(call -> call.method().equals("POST") && call.path().matches("/channels/\\d+/messages"))
                    .map(call -> call.body() == null ? "" : call.body().path("content").asText())
                    .filter(content -> content.startsWith(startingWith)).findFirst(), Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no Discord message starting with " + startingWith + "; calls: " + discord.calls(), e);
        }
    }

    private static ConfigurableApplicationContext start(TelegramApiDouble telegram, DiscordApiDouble discord, String... more) {
        List<String> args = new ArrayList<>();
        for (String property : TestDatabase.properties("ccr_app_cross_test")) {
            args.add("--" + property);
        }
        args.add("--server.port=0");
        args.add("--careregistry.outbox.poll-interval=50ms");
        args.add("--careregistry.telegram.bot-token=123:TEST");
        args.add("--careregistry.telegram.api-url=" + telegram.baseUrl());
        if (java.util.Arrays.stream(more).noneMatch(arg -> arg.startsWith("--careregistry.telegram.staff-chat-id="))) {
            args.add("--careregistry.telegram.staff-chat-id=" + STAFF_GROUP);
        }
        args.add("--careregistry.telegram.poll-timeout=1s");
        args.add("--careregistry.telegram.private-chat-interval=20ms");
        args.add("--careregistry.telegram.group-per-minute=1000");
        args.add("--careregistry.discord.bot-token=test-token");
        args.add("--careregistry.discord.api-url=" + discord.restBaseUrl());
        args.add("--careregistry.discord.gateway-url=" + discord.gatewayUrl());
        args.addAll(List.of(more));
        return new SpringApplication(CareRegistryApplication.class).run(args.toArray(String[]::new));
    }
}
