package com.careregistry.discord;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The Discord adapter's switch: off, and saying so once, without a bot token. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DiscordSettings.class)
public class DiscordAdapter {

    private static final Logger log = LoggerFactory.getLogger(DiscordAdapter.class);

    private final DiscordSettings settings;

    public DiscordAdapter(DiscordSettings settings) {
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (!settings.enabled()) {
            log.info("Discord adapter is off: DISCORD_BOT_TOKEN is not set");
        } else {
            log.warn("Discord adapter: a bot token is set, but the bot itself is not built yet (issue 5); no events are read");
        }
    }
}
