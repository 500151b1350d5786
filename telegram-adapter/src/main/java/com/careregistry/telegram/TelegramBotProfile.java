package com.careregistry.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * What Telegram says of the bot itself ({@code getMe}): whether it has topics in its private chats
 * (BotFather's "Threaded mode" switch, Bot API 9.3). Read again at most once a {@link #FRESH}, so the
 * switch takes effect within that without a restart; when Telegram cannot be asked, the last answer
 * holds.
 */
class TelegramBotProfile {

    static final Duration FRESH = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(TelegramBotProfile.class);

    private final TelegramClient client;
    private final Clock clock;
    private volatile boolean topics;
    private volatile Instant readAt = Instant.MIN;

    TelegramBotProfile(TelegramClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Whether each ticket gets its own topic in its customer's private chat. */
    boolean topicsInPrivateChats() {
        if (readAt.plus(FRESH).isBefore(clock.instant())) {
            refresh();
        }
        return topics;
    }

    /** Asks Telegram now. */
    synchronized void refresh() {
        try {
            User me = client.execute(new GetMe());
            boolean now = Boolean.TRUE.equals(me.getHasTopicsEnabled());
            if (now != topics) {
                log.info("Telegram: topics in the bot's private chats are {}", now ? "on: each ticket gets its own topic" : "off");
            }
            topics = now;
        } catch (TelegramApiException e) {
            log.debug("Telegram: getMe failed, topics stay {}: {}", topics ? "on" : "off", e.getMessage());
        }
        readAt = clock.instant();
    }
}
