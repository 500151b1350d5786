package com.careregistry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The harness's ceiling: a bot that does nothing but relay, as simply as a bot can (long polling,
 * then one sendMessage after another to the staff group, nothing stored), against the same double.
 */
final class TrivialRelay implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final long staffGroup;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile boolean running = true;
    /** The relay's one thread: it polls and relays, and after a failed call is scheduled to start again 100 ms later. */
    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread relay = new Thread(runnable, "trivial-relay");
        relay.setDaemon(true);
        return relay;
    });
    /** The next update to ask for; read and written on the relay's thread only. */
    private long offset;

    TrivialRelay(String apiBase, String token, long staffGroup) {
        this.base = apiBase + "/bot" + token + "/";
        this.staffGroup = staffGroup;
        this.thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.thread.execute(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                JsonNode answer = call("getUpdates", "{\"offset\":" + offset + ",\"timeout\":1,\"limit\":100}");
                for (JsonNode update : answer.path("result")) {
                    offset = update.path("update_id").asLong() + 1;
                    JsonNode message = update.path("message");
                    String text = "#1 · " + message.path("from").path("first_name").asText() + ":\n" + message.path("text").asText();
                    call("sendMessage", JSON.createObjectNode().put("chat_id", staffGroup).put("text", text).toString());
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // the double did not answer: the loop starts again in 100 ms
                if (running) {
                    try {
                        thread.schedule(this::loop, 100, TimeUnit.MILLISECONDS);
                    } catch (RejectedExecutionException closed) {
                        // closed meanwhile
                    }
                }
                return;
            }
        }
    }

    private JsonNode call(String method, String body) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + method))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return JSON.readTree(response.body());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.shutdown();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
