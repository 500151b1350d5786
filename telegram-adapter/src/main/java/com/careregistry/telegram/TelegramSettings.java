package com.careregistry.telegram;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Telegram bot's settings, from the environment (see the README).
 *
 * @param botToken      {@code TELEGRAM_BOT_TOKEN}; without it the adapter is off
 * @param apiUrl        {@code TELEGRAM_API_URL}, the Bot API base URL (a local server in tests)
 * @param staffChatId   {@code TELEGRAM_STAFF_CHAT_ID}, the staff supergroup with topics; without it
 *                      agents are reached in their private chat with the bot
 * @param mode          {@code TELEGRAM_MODE}: {@code polling} or {@code webhook}
 * @param webhookUrl    {@code TELEGRAM_WEBHOOK_URL}, the public URL Telegram posts updates to
 * @param webhookSecret {@code TELEGRAM_WEBHOOK_SECRET}, checked on every posted update
 */
@ConfigurationProperties("careregistry.telegram")
public record TelegramSettings(
        String botToken,
        @DefaultValue("https://api.telegram.org") URI apiUrl,
        String staffChatId,
        @DefaultValue("polling") Mode mode,
        String webhookUrl,
        String webhookSecret) {

    public enum Mode {
        POLLING,
        WEBHOOK
    }

    public boolean enabled() {
        return botToken != null && !botToken.isBlank();
    }
}
