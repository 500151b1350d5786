package com.careregistry.telegram;

import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long polling, in polling mode. The offset moves past an update only after the update has had
 * its effect (the inbox recorded it), so a crash or a failure of the database loses nothing: the
 * update is fetched again, and the inbox keeps it from having a second effect.
 */
class TelegramPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);

    private final TelegramSettings settings;
    private final TelegramBot bot;
    private final OkHttpClient http;
    private final OkHttpTelegramClient client;
    private volatile boolean running;
    private Thread thread;

    TelegramPoller(TelegramSettings settings, TelegramBot bot) {
        this.settings = settings;
        this.bot = bot;
        this.http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                .readTimeout(settings.pollTimeout().plusSeconds(15)).build();
        this.client = new OkHttpTelegramClient(http, settings.botToken(), TelegramAdapter.On.urlOf(settings));
    }

    @Override
    public synchronized void start() {
        if (settings.mode() != TelegramSettings.Mode.POLLING) {
            return;
        }
        running = true;
        thread = new Thread(this::poll, "telegram-poller");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        Integer offset = null;
        boolean webhookDeleted = false;
        long backoff = 1000;
        while (running) {
            try {
                if (!webhookDeleted) {
                    client.execute(new DeleteWebhook());
                    webhookDeleted = true;
                }
                List<Update> updates = client.execute(GetUpdates.builder().offset(offset).limit(100)
                        .timeout((int) settings.pollTimeout().toSeconds()).allowedUpdates(TelegramStartup.ALLOWED_UPDATES)
                        .build());
                for (Update update : updates) {
                    if (!running) {
                        return;
                    }
                    bot.handle(update);
                    offset = update.getUpdateId() + 1;
                }
                backoff = 1000;
            } catch (TelegramApiException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Telegram polling failed ({}); trying again in {} ms", e.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 60_000);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            http.dispatcher().cancelAll();
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
