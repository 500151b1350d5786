package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.TelegramTestApplication;
import com.careregistry.telegram.TelegramApiDouble.Call;
import com.careregistry.testsupport.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The service restarted in the middle of a flow: the flow goes on, since its step is in the database. */
class TelegramRestartTest {

    static final long ANN = 851;
    static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theAppRestartedInTheMiddleOfNewContinuesTheFlow() {
        try (TelegramApiDouble api = new TelegramApiDouble()) {
            try (ConfigurableApplicationContext first = start(api)) {
                TestDatabase.wipe(first.getBean(JdbcTemplate.class));
                Call commands = api.awaitCall("setMyCommands", c -> true, WAIT);
                assertThat(commands.param("commands")).contains("\"new\"").contains("\"tickets\"").contains("\"agent\"");
                Call spanish = api.awaitCall("setMyCommands", c -> "es".equals(c.param("language_code")), WAIT);
                assertThat(spanish.param("commands")).contains("\"new\"")
                        .contains(first.getBean(com.careregistry.core.text.Texts.class).get("es", "bot.command.new"));
                api.enqueueUpdate(api.privateText(ANN, "Ann", "en", "/new"));
                api.awaitCall("sendMessage", c -> c.param("text").startsWith("Please describe your problem"), WAIT);
            }
            api.clearCalls();
            try (ConfigurableApplicationContext second = start(api)) {
                api.enqueueUpdate(api.privateText(ANN, "Ann", "en", "My phone is dead since the update"));
                Call created = api.awaitCall("sendMessage", c -> c.param("text").startsWith("Ticket #"), WAIT);
                assertThat(created.param("text")).contains(" created");
                assertThat(second.getBean(JdbcTemplate.class).queryForObject("SELECT description FROM tickets", String.class))
                        .isEqualTo("My phone is dead since the update");
            }
        }
    }

    private static ConfigurableApplicationContext start(TelegramApiDouble api) {
        List<String> args = new ArrayList<>();
        for (String property : TestDatabase.properties("ccr_telegram_restart_test")) {
            args.add("--" + property);
        }
        args.add("--careregistry.telegram.api-url=" + api.baseUrl());
        args.add("--careregistry.telegram.staff-chat-id=");
        args.add("--spring.main.web-application-type=none");
        args.add("--spring.profiles.active=telegramtest");
        return new SpringApplication(TelegramTestApplication.class).run(args.toArray(String[]::new));
    }
}
