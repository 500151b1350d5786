package com.careregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.process.ServiceProcess;
import com.careregistry.telegram.TelegramApiDouble;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a stranger can make the running service hold in memory: the packaged jar as its own process,
 * started as the README starts it ({@code scripts/run.sh}), in Telegram webhook mode on MariaDB. Bodies of 50 MB are streamed at it, four at a
 * time, without the webhook's secret, with it, and as a panel form; each is refused (401, 413, or
 * the form's parameters dropped) and the process's resident memory grows by less than 50 MB in all.
 */
class RequestLimitsIT {

    static final String DB_HOST = env("CCR_TEST_DB_HOST", "127.0.0.1:3306");
    static final String DB_USER = env("CCR_TEST_DB_USER", "root");
    static final String DB_PASSWORD = env("CCR_TEST_DB_PASSWORD", "");
    static final String DATABASE = "ccr_request_limits" + env("CCR_TEST_DB_SUFFIX", "");
    static final String SECRET = "a-long-random-webhook-secret";
    static final String PATH = "/telegram/webhook";
    static final long BODY = 50L << 20;

    static TelegramApiDouble api;
    static ServiceProcess service;

    @BeforeAll
    static void start() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + DB_HOST + "/", DB_USER, DB_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
        api = new TelegramApiDouble();
        Map<String, String> environment = ServiceProcess.withTelegram(DB_HOST, DB_USER, DB_PASSWORD, DATABASE, api.baseUrl());
        environment.put("TELEGRAM_MODE", "webhook");
        environment.put("TELEGRAM_WEBHOOK_URL", "https://care.example.org" + PATH);
        environment.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
        // as an operator runs it (scripts/run.sh: a heap of at most 256 MB, given back when idle), so that
        // what the resident memory does is the service's, not a default heap's growth of a quarter of the machine
        service = new ServiceProcess(environment, List.of(), Files.createTempFile("request-limits", ".log"))
                .viaRunScript().start(Duration.ofSeconds(180));
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void bodiesOfFiftyMegabytesAreRefusedWithoutBeingHeldInMemory() throws Exception {
        // warm up: the paths are loaded and compiled, four connections at once have their threads and
        // buffers, the heap has grown to what serving takes
        for (int i = 0; i < 20; i++) {
            assertThat(post(PATH, SECRET, "application/json", update(i))).isEqualTo(200);
            assertThat(post(PATH, null, "application/json", update(1000 + i))).isEqualTo(401);
        }
        for (int round = 0; round < 3; round++) {
            fourAtOnce(() -> stream(PATH, null, "application/json", 64 * 1024));
            fourAtOnce(() -> stream(PATH, SECRET, "application/json", 2 << 20));
            fourAtOnce(() -> stream("/login", null, "application/x-www-form-urlencoded", 256 * 1024));
        }
        long before = service.rssMiB();

        List<Integer> withoutSecret = fourAtOnce(() -> stream(PATH, null, "application/json", BODY));
        List<Integer> withSecret = fourAtOnce(() -> stream(PATH, SECRET, "application/json", BODY));
        List<Integer> wrongSecret = fourAtOnce(() -> stream(PATH, "not-the-secret", "application/json", BODY));
        List<Integer> asForm = fourAtOnce(() -> stream("/login", null, "application/x-www-form-urlencoded", BODY));
        long after = service.rssMiB();
        System.out.printf("RequestLimitsIT: RSS %d MiB before, %d MiB after 16 bodies of 50 MB; answers %s %s %s %s%n",
                before, after, withoutSecret, withSecret, wrongSecret, asForm);

        assertThat(withoutSecret).containsOnly(401);
        assertThat(wrongSecret).containsOnly(401);
        assertThat(withSecret).containsOnly(413);
        // a form too large for its limit loses its parameters (no CSRF token: refused, nothing changes)
        assertThat(asForm).allSatisfy(status -> assertThat(status).isBetween(300, 499));
        assertThat(after - before).isLessThan(50);
        assertThat(service.alive()).isTrue();

        // nothing of it was stored; the service still takes a real update
        assertThat(post(PATH, SECRET, "application/json", update(5000))).isEqualTo(200);
        assertThat(inboxEvents()).isEqualTo(21);
    }

    @Test
    void aHeaderOverItsLimitIsRefusedAndTheServiceGoesOn() throws Exception {
        String huge = "x".repeat(64 * 1024);
        try (Socket socket = new Socket("127.0.0.1", service.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /login HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + huge + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(status(socket)).isIn(400, 431);
        } catch (SocketException closed) {
            // refused by closing the connection: also fine, as long as the service is still there
        }
        assertThat(post("/login", null, "text/plain", "")).isBetween(200, 499);
    }

    private static List<Integer> fourAtOnce(IoCall call) {
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return call.run();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    /**
     * Sends a request with a body of {@code length} bytes, written in 64 KB pieces by a thread of its
     * own while the answer is read: the status the service answered with, even when it answered before
     * the body was written and then closed the connection.
     */
    private static int stream(String path, String secret, String contentType, long length) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", service.port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(path, secret, contentType, length).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                byte[] piece = new byte[64 * 1024];
                Arrays.fill(piece, (byte) 'a');
                try {
                    for (long written = 0; written < length; written += piece.length) {
                        out.write(piece, 0, (int) Math.min(piece.length, length - written));
                    }
                    out.flush();
                } catch (IOException closedByTheService) {
                    // the service answered and closed the connection instead of reading it all
                }
            });
            int status = status(socket);
            writing.join();
            return status;
        }
    }

    private static int post(String path, String secret, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", service.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(path, secret, contentType, bytes.length).getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return status(socket);
        }
    }

    private static String head(String path, String secret, String contentType, long length) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: " + contentType + "\r\n"
                + (secret == null ? "" : "X-Telegram-Bot-Api-Secret-Token: " + secret + "\r\n")
                + "Content-Length: " + length + "\r\n\r\n";
    }

    private static int status(Socket socket) throws IOException {
        String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        assertThat(line).as("status line").isNotNull().startsWith("HTTP/1.1 ");
        return Integer.parseInt(line.substring(9, 12));
    }

    private static String update(int id) {
        return "{\"update_id\":" + (900_000 + id) + ",\"message\":{\"message_id\":" + (id + 1) + ",\"date\":1700000000,"
                + "\"chat\":{\"id\":" + (7000 + id) + ",\"type\":\"private\"},\"from\":{\"id\":" + (7000 + id)
                + ",\"is_bot\":false,\"first_name\":\"Ann\",\"language_code\":\"en\"},\"text\":\"/start\"}}";
    }

    private static long inboxEvents() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + DB_HOST + "/" + DATABASE, DB_USER, DB_PASSWORD);
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM inbox_events WHERE channel = 'TELEGRAM'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @FunctionalInterface
    interface IoCall {
        int run() throws IOException;
    }
}
