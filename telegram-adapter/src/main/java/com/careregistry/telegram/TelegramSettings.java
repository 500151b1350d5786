package com.careregistry.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Telegram bot's settings, from the environment (see the README).
 *
 * @param botToken            {@code TELEGRAM_BOT_TOKEN}; without it the adapter is off
 * @param apiUrl              {@code TELEGRAM_API_URL}, the Bot API base URL (a local server in tests)
 * @param staffChatId         {@code TELEGRAM_STAFF_CHAT_ID}, the staff supergroup with topics; without
 *                            it agents are reached in their private chat with the bot
 * @param mode                {@code TELEGRAM_MODE}: {@code polling} or {@code webhook}
 * @param webhookUrl          {@code TELEGRAM_WEBHOOK_URL}, the public URL Telegram posts updates to
 * @param webhookSecret       {@code TELEGRAM_WEBHOOK_SECRET}, checked on every posted update
 * @param webhookPath         the path of this service that receives the updates
 * @param pollTimeout         how long one long poll waits for updates
 * @param pollGather          after a poll that brought fewer updates than a batch holds, how long the
 *                            poller lets more come before it asks again (one store for several)
 * @param privateChatInterval at most one message per this interval to one private chat
 * @param groupPerMinute      at most this many messages a minute to one group
 * @param perSecond           at most this many messages a second from the bot overall
 * @param limitMargin         how much longer than Telegram's each of our limit windows is (a message is
 *                            counted when granted here and when it arrives there, a little later)
 * @param limitPatience       a send waits this long at most for its slot; a longer wait (a group's
 *                            minute spent) puts the message off instead, and the sender serves others
 */
@ConfigurationProperties("careregistry.telegram")
public record TelegramSettings(
        String botToken,
        @DefaultValue("https://api.telegram.org") URI apiUrl,
        String staffChatId,
        @DefaultValue("polling") Mode mode,
        String webhookUrl,
        String webhookSecret,
        @DefaultValue("/telegram/webhook") String webhookPath,
        @DefaultValue("50s") Duration pollTimeout,
        @DefaultValue("5ms") Duration pollGather,
        @DefaultValue("1s") Duration privateChatInterval,
        @DefaultValue("20") int groupPerMinute,
        @DefaultValue("30") int perSecond,
        @DefaultValue("40ms") Duration limitMargin,
        @DefaultValue("3s") Duration limitPatience) {

    public enum Mode {
        POLLING,
        WEBHOOK
    }

    public boolean enabled() {
        return botToken != null && !botToken.isBlank();
    }

    public Optional<String> staffGroup() {
        return staffChatId == null || staffChatId.isBlank() ? Optional.empty() : Optional.of(staffChatId.strip());
    }

    public boolean isStaffGroup(String chatId) {
        return staffGroup().map(group -> group.equals(chatId)).orElse(false);
    }
}
