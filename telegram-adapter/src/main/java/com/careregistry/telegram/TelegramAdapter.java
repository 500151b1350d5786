package com.careregistry.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The Telegram adapter's switch: off, and saying so once, without a bot token. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelegramSettings.class)
public class TelegramAdapter {

    private static final Logger log = LoggerFactory.getLogger(TelegramAdapter.class);

    private final TelegramSettings settings;

    public TelegramAdapter(TelegramSettings settings) {
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (!settings.enabled()) {
            log.info("Telegram adapter is off: TELEGRAM_BOT_TOKEN is not set");
        } else {
            log.warn("Telegram adapter: a bot token is set, but the bot itself is not built yet (issue 3); no updates are read");
        }
    }
}
