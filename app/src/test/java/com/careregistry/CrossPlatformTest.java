package com.careregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.agent.Agent;
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
import java.util.Set;
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
            TestDatabase.wipe(jdbc);
            ManageAgents agents = app.getBean(ManageAgents.class);
            Agent maria = agents.create(new CreateAgentCommand("Maria", null, "maria@example.com", "en",
                    Set.of(app.getBean(ManageCategories.class).active().get(0).id())));
            agents.linkChatIdentity(maria.id(), new ChatUser(Channel.TELEGRAM, String.valueOf(MARIA), String.valueOf(MARIA), "Maria", "en"));
            discord.awaitReady(WAIT);

            String dm = discord.newSnowflake();
            discord.dispatch("MESSAGE_CREATE", discord.dmMessageCreate(ANN, "ann", dm, "/new"));
            awaitDiscordPost(discord, "Please describe your problem");
            discord.dispatch("MESSAGE_CREATE", discord.dmMessageCreate(ANN, "ann", dm, "My headset does not pair"));
            awaitDiscordPost(discord, "Ticket #");
            long number = jdbc.queryForObject("SELECT number FROM tickets", Long.class);

            telegram.awaitCall("createForumTopic", c -> c.param("chat_id").equals(String.valueOf(STAFF_GROUP))
                    && c.param("name").equals("#" + number + " · My headset does not pair"), WAIT);
            telegram.awaitCall("sendMessage", c -> c.param("chat_id").equals(String.valueOf(STAFF_GROUP))
                    && c.param("text").contains("Channel: DISCORD"), WAIT);
            int thread = Integer.parseInt(jdbc.queryForObject("SELECT thread_id FROM staff_threads", String.class));

            telegram.enqueueUpdate(telegram.groupTopicText(STAFF_GROUP, thread, MARIA, "Maria", "Hold the button for 5 seconds"));
            String answer = awaitDiscordPost(discord, "#" + number + " · Maria:");
            assertThat(answer).isEqualTo("#" + number + " · Maria:\nHold the button for 5 seconds");
        }
    }

    private static String awaitDiscordPost(DiscordApiDouble discord, String startingWith) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (DiscordApiDouble.Call call : discord.calls()) {
                String content = call.body() == null ? "" : call.body().path("content").asText();
                if (call.method().equals("POST") && call.path().matches("/channels/\\d+/messages") && content.startsWith(startingWith)) {
                    return content;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no Discord message starting with " + startingWith + "; calls: " + discord.calls());
    }

    private static ConfigurableApplicationContext start(TelegramApiDouble telegram, DiscordApiDouble discord) {
        List<String> args = new ArrayList<>();
        for (String property : TestDatabase.properties("ccr_app_cross_test")) {
            args.add("--" + property);
        }
        args.add("--server.port=0");
        args.add("--careregistry.outbox.poll-interval=50ms");
        args.add("--careregistry.telegram.bot-token=123:TEST");
        args.add("--careregistry.telegram.api-url=" + telegram.baseUrl());
        args.add("--careregistry.telegram.staff-chat-id=" + STAFF_GROUP);
        args.add("--careregistry.telegram.poll-timeout=1s");
        args.add("--careregistry.telegram.private-chat-interval=20ms");
        args.add("--careregistry.telegram.group-per-minute=1000");
        args.add("--careregistry.discord.bot-token=test-token");
        args.add("--careregistry.discord.api-url=" + discord.restBaseUrl());
        args.add("--careregistry.discord.gateway-url=" + discord.gatewayUrl());
        return new SpringApplication(CareRegistryApplication.class).run(args.toArray(String[]::new));
    }
}
