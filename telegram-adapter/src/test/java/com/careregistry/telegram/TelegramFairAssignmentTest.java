package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.TelegramTestApplication;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.agent.CreateAgentCommand;
import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatUser;
import com.careregistry.telegram.TelegramApiDouble.Call;
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
 * Fair auto-assignment through the real client against the Telegram double: with a limit of one
 * ticket per agent, Bob's ticket waits while Maria handles Ann's; when Maria presses Resolve in Ann's
 * topic, Bob's ticket comes to her and Bob is told who handles it.
 */
class TelegramFairAssignmentTest {

    static final long STAFF_GROUP = -1001000000077L;
    static final long ANN = 611;
    static final long BOB = 612;
    static final long MARIA = 911;
    static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theWaitingTicketGoesToTheAgentWhoFreesUp() {
        try (TelegramApiDouble api = new TelegramApiDouble(); ConfigurableApplicationContext app = start(api)) {
            TestDatabase.wipe(app.getBean(JdbcTemplate.class));
            ManageAgents agents = app.getBean(ManageAgents.class);
            AgentView maria = agents.create(new CreateAgentCommand("Maria", null, "maria@example.com", "en",
                    Set.of(app.getBean(ManageCategories.class).active().get(0).id())));
            agents.linkChatIdentity(maria.id(), new ChatUser(Channel.TELEGRAM, String.valueOf(MARIA), String.valueOf(MARIA), "Maria", "en"));

            long first = open(api, ANN, "Ann", "Printer jams");
            api.awaitCall("sendMessage", c -> text(c, ANN).equals("Agent Maria is now handling your ticket #" + first + "."), WAIT);
            long second = open(api, BOB, "Bob", "Screen flickers");
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT status FROM tickets WHERE number = ?", String.class, second))
                    .as("Maria is at her limit: Bob's ticket waits").isEqualTo("OPEN");

            api.enqueueUpdate(api.callback(MARIA, "Maria", STAFF_GROUP, 1, "resolve:" + first));
            api.awaitCall("sendMessage", c -> text(c, BOB).equals("Agent Maria is now handling your ticket #" + second + "."), WAIT);
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT agent_id FROM tickets WHERE number = ?", Long.class, second))
                    .isEqualTo(maria.id());
        }
    }

    private static long open(TelegramApiDouble api, long user, String name, String description) {
        api.enqueueUpdate(api.privateText(user, name, "en", "/new"));
        api.awaitCall("sendMessage", c -> text(c, user).startsWith("Please describe your problem"), WAIT);
        api.enqueueUpdate(api.privateText(user, name, "en", description));
        String created = api.awaitCall("sendMessage", c -> text(c, user).startsWith("Ticket #"), WAIT).param("text");
        return Long.parseLong(created.substring("Ticket #".length(), created.indexOf(' ', "Ticket #".length())));
    }

    private static String text(Call call, long chat) {
        return call.param("chat_id").equals(String.valueOf(chat)) ? call.param("text") : "";
    }

    private static ConfigurableApplicationContext start(TelegramApiDouble api) {
        List<String> args = new ArrayList<>();
        for (String property : TestDatabase.properties("ccr_telegram_fair_test")) {
            args.add("--" + property);
        }
        args.add("--careregistry.telegram.api-url=" + api.baseUrl());
        args.add("--careregistry.telegram.staff-chat-id=" + STAFF_GROUP);
        args.add("--careregistry.tickets.auto-assign=true");
        args.add("--careregistry.tickets.agent-limit=1");
        args.add("--spring.main.web-application-type=none");
        args.add("--spring.profiles.active=telegramtest");
        return new SpringApplication(TelegramTestApplication.class).run(args.toArray(String[]::new));
    }
}
