package com.careregistry.telegram;

import com.careregistry.core.inbox.InboundEvent;
import com.careregistry.core.inbox.Inbox;
import com.careregistry.core.instances.Leadership;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Long polling, in polling mode. Each {@code getUpdates} batch is appended to the inbox as
 * Telegram sent it, in one statement and one commit, and only then does the offset move past it:
 * a crash, or a database that is down, loses nothing (the batch is fetched again and the inbox
 * keeps a second copy out). Handling happens later, on the inbox's workers, so one update that
 * cannot be handled never holds this loop.
 */
class TelegramPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    /** Telegram gives at most 100 updates per poll. */
    private static final int BATCH = 100;

    private final TelegramSettings settings;
    private final Inbox inbox;
    private final TelegramClient client;
    private final OkHttpClient http;
    private final HttpUrl getUpdates;
    private final Leadership.Contention polling;
    private volatile boolean running;
    private Thread thread;
    /** When a poll last came back (System.nanoTime), and the failure since then, if any. */
    private volatile long lastAnswer = System.nanoTime();
    private volatile String failingWith;
    private volatile long failingSince;

    TelegramPoller(TelegramSettings settings, Inbox inbox, TelegramClient client, Leadership leadership) {
        String bot = settings.botToken() == null ? "" : settings.botToken().split(":", 2)[0];
        this.polling = leadership.contention("telegram-poller:" + bot + ":"
                + Integer.toHexString(TelegramAdapter.On.baseUrl(settings).hashCode()), new Leadership.Duties() {
                    @Override
                    public void takeUp() {
                        beginPolling();
                    }

                    @Override
                    public void stepDown() {
                        endPolling();
                    }
                });
        this.settings = settings;
        this.inbox = inbox;
        this.client = client;
        this.http = new OkHttpClient.Builder().connectionPool(QuietConnectionPool.create(5, Duration.ofMinutes(5))).connectTimeout(Duration.ofSeconds(10))
                .readTimeout(settings.pollTimeout().plusSeconds(15)).build();
        this.getUpdates = HttpUrl.get(TelegramAdapter.On.baseUrl(settings) + "/bot" + settings.botToken() + "/getUpdates");
    }

    /** In polling mode, contends for the role of the instance that polls this bot; it polls while it holds it. */
    @Override
    public void start() {
        if (settings.mode() == TelegramSettings.Mode.POLLING) {
            polling.start();
        }
    }

    private synchronized void beginPolling() {
        running = true;
        lastAnswer = System.nanoTime();
        failingWith = null;
        thread = new Thread(this::poll, "telegram-poller");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        long offset = 0;
        boolean webhookDeleted = false;
        long backoff = 1000;
        while (running) {
            try {
                if (!webhookDeleted) {
                    client.execute(new DeleteWebhook());
                    webhookDeleted = true;
                }
                JsonNode updates = fetch(offset);
                lastAnswer = System.nanoTime();
                if (!updates.isEmpty()) {
                    List<InboundEvent> events = TelegramUpdates.events(updates);
                    inbox.append(events);
                    offset = updates.get(updates.size() - 1).path("update_id").asLong() + 1;
                    acknowledgeButtons(updates);
                    if (updates.size() < BATCH && !settings.pollGather().isZero()) {
                        Thread.sleep(settings.pollGather().toMillis());
                    }
                }
                backoff = 1000;
                failingWith = null;
            } catch (InterruptedException stop) {
                return;
            } catch (TelegramApiException | IOException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (failingWith == null) {
                    failingSince = System.nanoTime();
                }
                failingWith = e.getMessage() != null ? e.getMessage() : e.toString();   // never null: null means "not failing"
                long wait = e instanceof PollRefused refused && refused.retryAfter > 0 ? refused.retryAfter * 1000L : backoff;
                log.warn("Telegram polling failed ({}); trying again in {} ms", e.getMessage(), wait);
                sleep(wait);
                backoff = Math.min(backoff * 2, 5_000);   // a database back from an outage is used again within seconds
            }
        }
    }

    /**
     * Up while polls come back and updates are stored; down once polling has failed for longer than
     * a few seconds (Telegram unreachable, the token refused, the database gone).
     */
    com.careregistry.core.common.ChannelHealth.State health() {
        if (polling.contending() && !polling.held()) {
            return com.careregistry.core.common.ChannelHealth.State.up("standing by: another instance polls");
        }
        if (!running) {
            return com.careregistry.core.common.ChannelHealth.State.down("not polling");
        }
        String failure = failingWith;
        long now = System.nanoTime();
        if (failure != null && now - failingSince > java.time.Duration.ofSeconds(5).toNanos()) {
            return com.careregistry.core.common.ChannelHealth.State.down("polling fails since "
                    + (now - failingSince) / 1_000_000_000 + " s: " + failure);
        }
        return com.careregistry.core.common.ChannelHealth.State.up("polling; last answer "
                + (now - lastAnswer) / 1_000_000 + " ms ago");
    }

    /** One long poll: the updates from {@code offset} on, as Telegram sent them. */
    private JsonNode fetch(long offset) throws IOException {
        ObjectNode parameters = TelegramUpdates.JSON.createObjectNode();
        if (offset > 0) {
            parameters.put("offset", offset);
        }
        parameters.put("limit", BATCH);
        parameters.put("timeout", settings.pollTimeout().toSeconds());
        TelegramStartup.ALLOWED_UPDATES.forEach(parameters.putArray("allowed_updates")::add);
        Request request = new Request.Builder().url(getUpdates)
                .post(RequestBody.create(parameters.toString(), JSON_TYPE)).build();
        try (Response response = http.newCall(request).execute()) {
            JsonNode answer = TelegramUpdates.JSON.readTree(response.body().byteStream());
            if (answer == null || !answer.path("ok").asBoolean(false) || !answer.path("result").isArray()) {
                throw new PollRefused(answer == null ? "HTTP " + response.code() : answer.path("error_code").asText()
                        + " " + answer.path("description").asText(), answer == null ? 0
                        : answer.path("parameters").path("retry_after").asInt(0));
            }
            return answer.path("result");
        }
    }

    /** Telegram answered the poll with an error (a 409 when another poller or a webhook takes the updates). */
    private static final class PollRefused extends IOException {
        final int retryAfter;

        PollRefused(String message, int retryAfter) {
            super("getUpdates refused: " + message);
            this.retryAfter = retryAfter;
        }
    }

    /** Stops the spinner of each pressed button: the press is stored, its answer comes in the chat. */
    private void acknowledgeButtons(JsonNode updates) {
        for (JsonNode update : updates) {
            String id = update.path("callback_query").path("id").asText(null);
            if (id != null) {
                try {
                    client.executeAsync(new AnswerCallbackQuery(id)).exceptionally(failure -> {
                        log.debug("Could not answer callback query {}: {}", id, failure.getMessage());
                        return false;
                    });
                } catch (TelegramApiException | RuntimeException e) {
                    log.debug("Could not answer callback query {}: {}", id, e.getMessage());
                }
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
    public void stop() {
        polling.stop();   // stops polling, and hands the role over at once
        endPolling();
    }

    private synchronized void endPolling() {
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
    public synchronized boolean isRunning() {
        return polling.contending() || running;
    }
}
