package com.careregistry.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.DiscordTestApplication;
import com.careregistry.testsupport.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The support channel gets the panel message with New ticket · My tickets, once. */
@SpringBootTest(classes = DiscordTestApplication.class)
@ActiveProfiles("discordtest")
class DiscordSupportPanelTest {

    static final String GUILD = "3100000000000000001";
    static final String SUPPORT = "3100000000000000002";
    static final DiscordApiDouble DISCORD = new DiscordApiDouble();

    static {
        DISCORD.withGuild(GUILD, SUPPORT);
        DISCORD.withGuildLocale("de");
    }

    @org.springframework.beans.factory.annotation.Autowired
    com.careregistry.core.text.Texts texts;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "ccr_discord_panel_test");
        registry.add("careregistry.discord.api-url", DISCORD::restBaseUrl);
        registry.add("careregistry.discord.gateway-url", DISCORD::gatewayUrl);
        registry.add("careregistry.discord.guild-id", () -> GUILD);
        registry.add("careregistry.discord.support-channel-id", () -> SUPPORT);
    }

    @AfterAll
    static void stop() {
        DISCORD.close();
    }

    @Test
    void thePanelIsPostedWithItsButtonsInTheServersLanguageAfterLookingAtTheChannel() {
        DISCORD.awaitCall("GET", "/channels/" + SUPPORT + "/messages", Duration.ofSeconds(15));
        DiscordApiDouble.Call panel = DISCORD.awaitCall("POST", "/channels/" + SUPPORT + "/messages", Duration.ofSeconds(15));
        assertThat(panel.body().path("content").asText()).isEqualTo(texts.get("de", "bot.discord.panel"))
                .isNotEqualTo("Need help? Open a ticket here: we talk in your direct messages.");
        assertThat(panel.body().path("components").toString()).contains("menu:new").contains("menu:tickets")
                .contains(texts.get("de", "bot.menu.new"));
    }
}
