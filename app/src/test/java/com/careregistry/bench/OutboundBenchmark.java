package com.careregistry.bench;

import com.careregistry.process.ServiceProcess;
import com.careregistry.process.Timing;
import com.careregistry.telegram.TelegramApiDouble;
import com.careregistry.telegram.TelegramApiDouble.Call;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outbound benchmark (issue 10): the packaged service on MariaDB sending 10,000 replies to 1,000
 * private chats through the Telegram double, which answers every call after 80 ms (Telegram is 50–150
 * ms away). First with Telegram's limits kept by the service at its defaults and enforced by the
 * double (30 messages/s from the bot, 1/s per private chat, 20/min per group: a call over a limit is
 * answered 429): the drain rate against 30/s and the 429s. Then with the limits lifted on both sides:
 * the drain rate at 80 ms per call.
 *
 * <p>The replies are written straight into the outbox, one row each, as an agent's reply writes them:
 * making 1,000 tickets first would cost 1,000 forum topics and ticket cards in the staff group, which
 * Telegram's 20 messages a minute per group would spread over 50 minutes.
 *
 * <p>Run: {@code mvn -q -B install -DskipTests && mvn -q -B -pl app exec:java -Dbench.main=com.careregistry.bench.OutboundBenchmark}
 * (it also runs at the end of the relay benchmark); {@code -Dbench.outbound.replies=10000
 * -Dbench.outbound.chats=1000 -Dbench.outbound.latency=80 -Dbench.outbound.runs=limited,lifted}.
 */
public final class OutboundBenchmark {

    static final int REPLIES = Integer.getInteger("bench.outbound.replies", 10_000);
    static final int CHATS = Integer.getInteger("bench.outbound.chats", 1_000);
    static final int LATENCY_MILLIS = Integer.getInteger("bench.outbound.latency", 80);
    static final long FIRST_CHAT = 8_000_001L;
    static final Pattern MARK = Pattern.compile("#O(\\d+)-C(\\d+)-N(\\d+)#");

    private OutboundBenchmark() {
    }

    record Result(String name, int replies, double seconds, double perSecond, int tooManyRequests, int lost, int duplicates,
                  int outOfOrder, double cpuMillisPerMessage, long rssMiB, int[] perSecondCounts, String meters) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.isDirectory(Path.of("app")) ? Path.of("") : Path.of("..");
        Path out = root.resolve(RelayBenchmark.OUT);
        Files.createDirectories(out);
        System.out.printf("Outbound benchmark, %s, %d cores, Java %s%n", LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        run(out);
    }

    /** Both runs, their figures printed, and the plot of replies per second written to {@code out}. */
    static void run(Path out) throws Exception {
        String database = "ccr_bench_outbound";
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + RelayBenchmark.DB_HOST + "/", RelayBenchmark.DB_USER,
                RelayBenchmark.DB_PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
        }
        List<Result> results = new ArrayList<>();
        try (TelegramApiDouble api = new TelegramApiDouble()) {
            api.recordCalls(false);
            api.answerAfter(Duration.ofMillis(LATENCY_MILLIS));
            Map<String, String> environment = ServiceProcess.withTelegram(RelayBenchmark.DB_HOST, RelayBenchmark.DB_USER,
                    RelayBenchmark.DB_PASSWORD, database, api.baseUrl());
            RelayBenchmark.passSettings(environment);
            Map<String, String> limited = new java.util.LinkedHashMap<>(environment);
            limited.keySet().removeIf(name -> name.startsWith("CAREREGISTRY_TELEGRAM_P") || name.startsWith("CAREREGISTRY_TELEGRAM_GROUP"));

            String runs = System.getProperty("bench.outbound.runs", "limited,lifted");
            if (runs.contains("limited")) {
                api.enforceLimits(30, Duration.ofSeconds(1), 20);
                results.add(play(api, limited, database, 1, "Telegram's limits (30/s), 80 ms a call"));
            }
            if (runs.contains("lifted")) {
                api.liftLimits();
                results.add(play(api, environment, database, 2, "limits lifted, 80 ms a call"));
            }
        }
        System.out.printf("%n%-40s %8s %9s %10s %6s %5s %6s %6s %11s %8s%n", "outbound", "replies", "seconds", "replies/s", "429s",
                "lost", "twice", "order", "CPU ms/msg", "RSS MiB");
        StringBuilder csv = new StringBuilder("run,replies,seconds,replies_per_s,too_many_requests,lost,duplicates,out_of_order,cpu_ms_per_msg,rss_mib\n");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-40s %8d %9.1f %10.1f %6d %5d %6d %6d %11.2f %8d%n", r.name(), r.replies(), r.seconds(),
                    r.perSecond(), r.tooManyRequests(), r.lost(), r.duplicates(), r.outOfOrder(), r.cpuMillisPerMessage(), r.rssMiB());
            csv.append(String.format(Locale.ROOT, "%s,%d,%.1f,%.1f,%d,%d,%d,%d,%.2f,%d%n", r.name(), r.replies(), r.seconds(),
                    r.perSecond(), r.tooManyRequests(), r.lost(), r.duplicates(), r.outOfOrder(), r.cpuMillisPerMessage(), r.rssMiB()));
            System.out.println("  the service's meters: " + r.meters());
        }
        for (Result r : results) {
            System.out.printf(Locale.ROOT, r.name().startsWith("Telegram") ? "%nUnder Telegram's limits: %.1f%% of 30/s, %d × 429 (targets: ≥95%%, 0)."
                    : "%nLimits lifted: %.0f/s (target ≥500/s).", r.name().startsWith("Telegram") ? r.perSecond() / 30 * 100 : r.perSecond(),
                    r.tooManyRequests());
        }
        System.out.println();
        if (results.size() < 2) {
            return;   // one run alone does not replace the figures of both
        }
        Files.writeString(out.resolve("outbound.csv"), csv.toString());
        plot(out.resolve("outbound.png"), results);
        System.out.println("Wrote " + out.resolve("outbound.csv") + " and " + out.resolve("outbound.png"));
    }

    private static Result play(TelegramApiDouble api, Map<String, String> environment, String database, int run, String name)
            throws Exception {
        Received received = new Received(run);
        api.onCall(received::seen);
        Path log = Files.createTempFile("outbound-bench-service", ".log");
        System.out.println("\n" + name + "; the service's log: " + log);
        int tooManyBefore = api.tooManyRequests();
        try (ServiceProcess service = new ServiceProcess(environment, List.of(), log).start(Duration.ofSeconds(180))) {
            long cpuBefore = service.cpuMillis();
            long written = write(database, run);
            received.awaitAll(Duration.ofSeconds(Math.max(120, REPLIES / 20)));
            long cpuAfter = service.cpuMillis();
            double seconds = (received.last.get() - written) / 1e9;
            int[] perSecond = received.perSecond(written);
            String meters = meters(service);
            Result result = new Result(name, REPLIES, seconds, received.count.get() / seconds, api.tooManyRequests() - tooManyBefore,
                    REPLIES - received.count.get(), received.duplicates.get(), received.outOfOrder.get(),
                    (cpuAfter - cpuBefore) / (double) REPLIES, service.rssMiB(), perSecond, meters);
            System.out.printf(Locale.ROOT, "  %d replies in %.1f s: %.1f/s, %d × 429 %s%n", received.count.get(), seconds, result.perSecond(),
                    result.tooManyRequests(), api.tooManyRequestsByLimit());
            return result;
        }
    }

    /** Writes the replies into the outbox in one transaction, round-robin over the chats; returns when they committed (nanoTime). */
    private static long write(String database, int run) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + RelayBenchmark.DB_HOST + "/" + database,
                RelayBenchmark.DB_USER, RelayBenchmark.DB_PASSWORD)) {
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO outbox_messages (channel, chat_id, ordering_key, body, status, attempts, parts_sent, next_attempt_at, created_at)
                    VALUES ('TELEGRAM', ?, ?, ?, 'PENDING', 0, 0, ?, ?)
                    """)) {
                for (int n = 0; n < REPLIES; n++) {
                    int chat = n % CHATS;
                    String chatId = String.valueOf(FIRST_CHAT + chat);
                    insert.setString(1, chatId);
                    insert.setString(2, "TELEGRAM:" + chatId);
                    insert.setString(3, "An agent's answer " + n / CHATS + " #O" + run + "-C" + chat + "-N" + n / CHATS + "#");
                    insert.setTimestamp(4, now);
                    insert.setTimestamp(5, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
        }
        return System.nanoTime();
    }

    /** The service's own meters of the Telegram channel, as its Prometheus endpoint shows them. */
    private static String meters(ServiceProcess service) {
        try {
            return service.meters().entrySet().stream()
                    .filter(m -> m.getKey().startsWith("careregistry_outbox_") && m.getKey().contains("telegram") && !m.getKey().contains("_max"))
                    .sorted(Map.Entry.comparingByKey())
                    .map(m -> m.getKey().replace("careregistry_outbox_", "").replace("{channel=\"telegram\"}", "") + " " + m.getValue())
                    .collect(java.util.stream.Collectors.joining(", "));
        } catch (Exception e) {
            return "not read: " + e;
        }
    }

    /** What reached the double's private chats: each reply's arrival, how often, and each chat's order. */
    static final class Received {
        final int run;
        final AtomicInteger count = new AtomicInteger();
        final AtomicInteger duplicates = new AtomicInteger();
        final AtomicInteger outOfOrder = new AtomicInteger();
        final AtomicIntegerArray seen = new AtomicIntegerArray(REPLIES);
        final AtomicIntegerArray lastOfChat = new AtomicIntegerArray(CHATS);
        final Map<Long, AtomicInteger> perSecond = new ConcurrentHashMap<>();
        final AtomicLong last = new AtomicLong();

        Received(int run) {
            this.run = run;
            for (int c = 0; c < CHATS; c++) {
                lastOfChat.set(c, -1);
            }
        }

        void seen(Call call) {
            if (!call.is("sendMessage") || call.failed()) {
                return;
            }
            Matcher mark = MARK.matcher(String.valueOf(call.param("text")));
            if (!mark.find() || Integer.parseInt(mark.group(1)) != run) {
                return;
            }
            int chat = Integer.parseInt(mark.group(2));
            int n = Integer.parseInt(mark.group(3));
            int index = n * CHATS + chat;
            if (index >= REPLIES || seen.incrementAndGet(index) > 1) {
                duplicates.incrementAndGet();
                return;
            }
            if (lastOfChat.getAndSet(chat, n) > n) {
                outOfOrder.incrementAndGet();
            }
            long now = System.nanoTime();
            last.set(now);
            perSecond.computeIfAbsent(now / 1_000_000_000L, s -> new AtomicInteger()).incrementAndGet();
            count.incrementAndGet();
        }

        void awaitAll(Duration timeout) {
            Timing.within(timeout, Duration.ofMillis(50), () -> count.get() >= REPLIES);
        }

        /** Replies received in each whole second from {@code from} (nanoTime) on. */
        int[] perSecond(long from) {
            int seconds = (int) Math.max(1, (last.get() - from) / 1_000_000_000L + 1);
            int[] counts = new int[seconds];
            perSecond.forEach((second, n) -> {
                int index = (int) (second - from / 1_000_000_000L);
                if (index >= 0 && index < seconds) {
                    counts[index] += n.get();
                }
            });
            return counts;
        }
    }

    private static void plot(Path file, List<Result> results) throws Exception {
        List<Plot.Chart> charts = new ArrayList<>();
        Color[] colors = {new Color(31, 119, 180), new Color(44, 160, 44)};
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            int[] counts = r.perSecondCounts();
            double[] x = new double[counts.length];
            double[] y = new double[counts.length];
            for (int s = 0; s < counts.length; s++) {
                x[s] = s;
                y[s] = counts[s];
            }
            List<Plot.Series> series = new ArrayList<>();
            series.add(new Plot.Series("replies received per second", colors[i % 2], x, y, false));
            if (r.name().startsWith("Telegram")) {
                series.add(new Plot.Series("30/s: Telegram's limit", new Color(214, 39, 40), new double[] {0, counts.length},
                        new double[] {30, 30}, true));
            } else {
                series.add(new Plot.Series("500/s target", new Color(214, 39, 40), new double[] {0, counts.length},
                        new double[] {500, 500}, true));
            }
            charts.add(new Plot.Chart(r.name(), "seconds since the replies were written", "replies/s", series, false));
        }
        Plot.write(file, charts);
    }
}
