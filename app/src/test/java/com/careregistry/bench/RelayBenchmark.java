package com.careregistry.bench;

import com.careregistry.process.RelayLoad;
import com.careregistry.process.RelayLoad.Phase;
import com.careregistry.process.ServiceProcess;
import com.careregistry.process.Timing;
import com.careregistry.telegram.TelegramApiDouble;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The intake benchmark (issue 9): the packaged service on MariaDB with the local Telegram double,
 * rate limits lifted, N customers writing M messages at several offered loads and all at once, and
 * a cold burst of 50 new customers. It prints customer messages stored/s, relays/s, p50/p99 from the
 * double receiving a customer's message to the double receiving its relay in the staff group, the
 * service's CPU per message and its resident memory; and, in the same run, the ceilings of what is
 * around it: MariaDB alone with raw JDBC (one insert per commit, and the four writes a message
 * costs, on 1 and 8 threads) and the double with a trivial relay bot.
 *
 * <p>Run: {@code mvn -q -B install -DskipTests && mvn -q -B -pl app exec:java}; settings:
 * {@code -Dbench.customers=50 -Dbench.rates=250,500,750,1000,1250,1500 -Dbench.seconds=8
 * -Dbench.burst=20000 -Dbench.warmup=6 -Dbench.warmupSeconds=60} (rounds of 5,000 messages, then a minute at 500/s, before
 * anything is measured: the JIT takes that long to settle) {@code -Dbench.jfr=true}
 * (a flight recording of the service, for profiling).
 */
public final class RelayBenchmark {

    static final int CUSTOMERS = Integer.getInteger("bench.customers", 50);
    static final String RATES = System.getProperty("bench.rates", "250,500,750,1000,1250,1500");
    static final int SECONDS = Integer.getInteger("bench.seconds", 8);
    static final int BURST = Integer.getInteger("bench.burst", 20_000);
    static final boolean JFR = Boolean.getBoolean("bench.jfr");
    /**
     * How the service is started: {@code script}, as the README tells an operator to ({@code scripts/run.sh}:
     * Java 25 with its recommended flags when one is installed), or {@code jar}, {@code java -jar} on the
     * JVM that runs the benchmark with no flags.
     */
    static final String LAUNCH = System.getProperty("bench.launch", "jar");
    static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warmup", 6);
    static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmupSeconds", 60);
    static final String DB_HOST = env("CCR_TEST_DB_HOST", "127.0.0.1:3306");
    static final String DB_USER = env("CCR_TEST_DB_USER", "root");
    static final String DB_PASSWORD = env("CCR_TEST_DB_PASSWORD", "");
    static final String TOKEN = "123456:BENCH";
    static final Path OUT = Path.of(System.getProperty("bench.out", "docs/benchmarks"));
    /** Between one phase and the next (the next is started this long after the one before ended). */
    static final Duration PAUSE = Duration.ofSeconds(1);
    /** How long the service is watched with nothing to do, for its idle CPU. */
    static final Duration IDLE = Duration.ofSeconds(10);

    private RelayBenchmark() {
    }

    record Row(String load, double offered, int messages, double storedPerSecond, double relaysPerSecond, double p50, double p99,
               double cpuMillisPerMessage, long rssMiB, int lost, int duplicates, int outOfOrder) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.isDirectory(Path.of("app")) ? Path.of("") : Path.of("..");
        Path out = root.resolve(OUT);
        Files.createDirectories(out);
        if (Boolean.getBoolean("bench.plotOnly")) {   // draws relay.png again from relay.csv
            List<Row> rows = new ArrayList<>();
            for (String line : Files.readAllLines(out.resolve("relay.csv")).subList(1, Files.readAllLines(out.resolve("relay.csv")).size())) {
                String[] f = line.split(",");
                rows.add(new Row(f[0], f[0].endsWith("/s") ? Double.parseDouble(f[0].replace("/s", "")) : 0, Integer.parseInt(f[1]),
                        Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        Double.parseDouble(f[6]), Long.parseLong(f[7]), Integer.parseInt(f[8]), Integer.parseInt(f[9]), Integer.parseInt(f[10])));
            }
            plot(out.resolve("relay.png"), rows, 0);
            return;
        }
        System.out.printf("Relay benchmark, %s, %d cores, Java %s%n", LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));

        // 1. MariaDB alone
        String ceilingUrl = "jdbc:mariadb://" + DB_HOST + "/ccr_bench_ceiling?createDatabaseIfNotExist=true";
        Ceilings ceilings = new Ceilings(ceilingUrl, DB_USER, DB_PASSWORD);
        ceilings.prepare();
        Map<String, Double> raw = new LinkedHashMap<>();
        raw.put("one insert per commit, 1 thread", ceilings.singleInsert(1, 4000));
        raw.put("one insert per commit, 8 threads", ceilings.singleInsert(8, 4000));
        raw.put("four writes per commit, 1 thread", ceilings.fourWrites(1, 4000));
        raw.put("four writes per commit, 8 threads", ceilings.fourWrites(8, 4000));
        System.out.println("\nMariaDB alone (raw JDBC), commits/s:");
        raw.forEach((name, rate) -> System.out.printf("  %-36s %8.0f%n", name, rate));

        // 2. The double with a trivial relay bot
        double trivialRate;
        double[] trivialLatency;
        try (TelegramApiDouble api = new TelegramApiDouble()) {
            api.recordCalls(false);
            RelayLoad load = new RelayLoad(api, CUSTOMERS);
            try (TrivialRelay relay = new TrivialRelay(api.baseUrl(), TOKEN, RelayLoad.STAFF_GROUP)) {
                load.play(2000, 0).awaitRelayed(Duration.ofSeconds(60));   // warm-up
                Phase burst = load.play(BURST, 0);
                burst.awaitRelayed(Duration.ofSeconds(120));
                trivialRate = burst.relaysPerSecond();
                trivialLatency = burst.latenciesMillis();
            }
        }
        System.out.printf("%nThe double with a trivial relay bot (nothing stored): %.0f relays/s%n", trivialRate);

        // 3. The service
        List<Row> rows = new ArrayList<>();
        ColdBurst cold;
        double idleCpu;
        try (TelegramApiDouble api = new TelegramApiDouble()) {
            api.recordCalls(false);
            String database = DATABASE;
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + DB_HOST + "/", DB_USER, DB_PASSWORD);
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
            Map<String, String> environment = ServiceProcess.withTelegram(DB_HOST, DB_USER, DB_PASSWORD, database, api.baseUrl());
            passSettings(environment);
            List<String> jvm = new ArrayList<>();
            if (!System.getProperty("bench.jvm", "").isBlank()) {
                jvm.addAll(List.of(System.getProperty("bench.jvm").strip().split("\\s+")));   // e.g. -Dbench.jvm="-Xlog:gc:file=gc.log"
            }
            if (JFR) {
                jvm.add("-XX:StartFlightRecording=filename=" + out.resolve("relay.jfr").toAbsolutePath() + ",settings="
                        + System.getProperty("bench.jfc", "profile"));
            }
            Path log = Files.createTempFile("relay-bench-service", ".log");
            System.out.println("\nThe service's log: " + log);
            long started = System.nanoTime();
            ServiceProcess launched = new ServiceProcess(environment, jvm, log);
            if ("script".equals(LAUNCH)) {
                launched.viaRunScript();
            }
            try (ServiceProcess service = launched.start(Duration.ofSeconds(180))) {
                System.out.printf("The service (%s) started in %.1f s, %d MiB resident%n", service.describeJvm(), (System.nanoTime() - started) / 1e9,
                        service.rssMiB());
                RelayLoad load = new RelayLoad(api, CUSTOMERS);
                load.openTickets(Duration.ofSeconds(60));
                // the JIT needs tens of thousands of messages before the code runs at its steady speed
                for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                    Phase warmUp = load.play(5000, 0);
                    warmUp.awaitRelayed(Duration.ofSeconds(120));
                    awaitOutboxDrained(Duration.ofSeconds(120));
                    System.out.printf(Locale.ROOT, "  warm-up %d: %.0f relays/s%n", round + 1, warmUp.relaysPerSecond());
                }
                // new customers are part of the mix too (their first message takes other paths than a relay),
                // then the paced path, whose batches are small
                ColdBurst.run(api, 50, Duration.ofSeconds(60));
                awaitOutboxDrained(Duration.ofSeconds(120));
                if (WARM_UP_SECONDS > 0) {
                    Phase paced = load.play(WARM_UP_SECONDS * 500, 500);
                    paced.awaitRelayed(Duration.ofSeconds(120));
                    awaitOutboxDrained(Duration.ofSeconds(120));
                    double[] latency = paced.latenciesMillis();
                    System.out.printf(Locale.ROOT, "  warm-up at 500/s for %d s: p99 %.1f ms%n", WARM_UP_SECONDS, Phase.percentile(latency, 99));
                }

                // each phase starts a PAUSE after the one before
                for (String rate : RATES.split(",")) {
                    double offered = Double.parseDouble(rate.strip());
                    rows.add(Timing.after(PAUSE, () -> measure(service, api, load, String.format(Locale.ROOT, "%.0f/s", offered),
                            (int) (offered * SECONDS), offered)));
                }
                rows.add(Timing.after(PAUSE, () -> measure(service, api, load, "all at once", BURST, 0)));
                cold = Timing.after(PAUSE, () -> ColdBurst.run(api, 50, Duration.ofSeconds(60)));
                // the service's CPU over IDLE with nothing to do, from 2 s after the cold burst
                long idleBefore = Timing.after(Duration.ofSeconds(2), service::cpuMillis);
                idleCpu = Timing.after(IDLE, () -> (service.cpuMillis() - idleBefore) / (double) IDLE.toMillis());   // of a core
            }
        }

        // 4. Figures
        System.out.printf("%nCold burst of %d new customers, each writing their first message at once: all answered in %.0f ms, "
                        + "first answer p50 %.0f ms, p99 %.0f ms%n", cold.customers(), cold.allMillis(), cold.p50(), cold.p99());
        System.out.printf(Locale.ROOT, "With nothing to do, the service uses %.1f%% of a core%n", idleCpu * 100);
        System.out.println("\nThe service (" + CUSTOMERS + " customers, each message stored durably and relayed to the staff group):");
        String header = String.format("%-12s %9s %9s %10s %9s %9s %10s %8s %5s %5s %5s", "offered", "messages", "stored/s", "relays/s",
                "p50 ms", "p99 ms", "CPU ms/msg", "RSS MiB", "lost", "twice", "order");
        System.out.println(header);
        StringBuilder csv = new StringBuilder("offered,messages,stored_per_s,relays_per_s,p50_ms,p99_ms,cpu_ms_per_msg,rss_mib,lost,duplicates,out_of_order\n");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%-12s %9d %9.0f %10.0f %9.1f %9.1f %10.2f %8d %5d %5d %5d%n", r.load(), r.messages(),
                    r.storedPerSecond(), r.relaysPerSecond(), r.p50(), r.p99(), r.cpuMillisPerMessage(), r.rssMiB(), r.lost(),
                    r.duplicates(), r.outOfOrder());
            csv.append(String.format(Locale.ROOT, "%s,%d,%.0f,%.0f,%.1f,%.1f,%.2f,%d,%d,%d,%d%n", r.load(), r.messages(),
                    r.storedPerSecond(), r.relaysPerSecond(), r.p50(), r.p99(), r.cpuMillisPerMessage(), r.rssMiB(), r.lost(),
                    r.duplicates(), r.outOfOrder()));
        }
        System.out.printf(Locale.ROOT, "%nThe trivial relay (same double, nothing stored): %.0f relays/s, p50 %.1f ms, p99 %.1f ms%n",
                trivialRate, Phase.percentile(trivialLatency, 50), Phase.percentile(trivialLatency, 99));
        Files.writeString(out.resolve("relay.csv"), csv.toString());
        plot(out.resolve("relay.png"), rows, trivialRate);
        System.out.println("\nWrote " + out.resolve("relay.csv") + " and " + out.resolve("relay.png"));
        if (!"false".equals(System.getProperty("bench.outbound"))) {
            System.out.println("\nOutbound (issue 10):");
            OutboundBenchmark.run(out);
        }
    }

    private static Row measure(ServiceProcess service, TelegramApiDouble api, RelayLoad load, String name, int count, double offered)
            throws Exception {
        Map<String, Long> statementsBefore = statements();
        long cpuBefore = service.cpuMillis();
        Map<String, Long> threadsBefore = service.cpuMillisByThreads();
        long databaseCpuBefore = ScaleOutBenchmark.mariadbCpuMillis();
        long harnessCpuBefore = harnessCpuMillis();
        Phase phase = load.play(count, offered);
        long confirmedAt = awaitConfirmed(api, Duration.ofSeconds(120));
        phase.awaitRelayed(Duration.ofSeconds(120));
        awaitOutboxDrained(Duration.ofSeconds(120));   // the receipts too: the phase's CPU is all its messages cost
        long cpuAfter = service.cpuMillis();
        Map<String, Long> threadsAfter = service.cpuMillisByThreads();
        long databaseCpu = ScaleOutBenchmark.mariadbCpuMillis() - databaseCpuBefore;
        long harnessCpu = harnessCpuMillis() - harnessCpuBefore;
        Map<String, Long> statementsAfter = statements();
        double[] latency = phase.latenciesMillis();
        if (Boolean.getBoolean("bench.timeline")) {
            System.out.println(phase.timeline());
        }
        double stored = count / ((confirmedAt - phaseStart(phase)) / 1e9);
        Row row = new Row(name, offered, count, stored, phase.relaysPerSecond(), Phase.percentile(latency, 50),
                Phase.percentile(latency, 99), (cpuAfter - cpuBefore) / (double) count, service.rssMiB(), phase.lost(),
                phase.duplicates(), phase.outOfOrder());
        StringBuilder perMessage = new StringBuilder();
        statementsAfter.forEach((statement, after) -> perMessage.append(String.format(Locale.ROOT, " %s %.1f",
                statement.replace("Com_", "").replace("Questions", "all"), (after - statementsBefore.get(statement)) / (double) count)));
        System.out.printf(Locale.ROOT, "  %s: %.0f relays/s, p99 %.1f ms, %.2f CPU ms/msg; database statements per message:%s%n", name,
                row.relaysPerSecond(), row.p99(), row.cpuMillisPerMessage(), perMessage);
        System.out.printf("    where the time went, p50/p99 ms: %s%n",
                Stages.of("jdbc:mariadb://" + DB_HOST + "/" + DATABASE, DB_USER, DB_PASSWORD, phase,
                        Boolean.getBoolean("bench.timeline") ? 5 : 0));
        // where the CPU went, by the service's threads (what is not in a live thread's count: threads that ended)
        StringBuilder byThreads = new StringBuilder();
        long counted = 0;
        for (Map.Entry<String, Long> group : threadsAfter.entrySet()) {
            long used = group.getValue() - threadsBefore.getOrDefault(group.getKey(), 0L);
            counted += used;
            byThreads.append(String.format(Locale.ROOT, " %s %.2f", group.getKey(), used / (double) count));
        }
        System.out.printf(Locale.ROOT, "    CPU ms per message by threads:%s, ended threads %.2f%n", byThreads,
                Math.max(0, (cpuAfter - cpuBefore) - counted) / (double) count);
        // the machine's two cores, shared: what each process used per message (the harness holds the double and the load)
        System.out.printf(Locale.ROOT, "    CPU ms per message by process: service %.2f, MariaDB %.2f, harness %.2f%n",
                (cpuAfter - cpuBefore) / (double) count, databaseCpu / (double) count, harnessCpu / (double) count);
        return row;
    }

    /** This JVM's CPU time so far: the Telegram double and the customers' load (and nothing else during a phase). */
    private static long harnessCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    /** The service's database in this benchmark. */
    static final String DATABASE = "ccr_bench_relay";

    /**
     * Waits until the service has nothing left to send, receipts included (they wait for room behind
     * relays): a phase's CPU and statements then hold all the work its messages caused, and the next
     * phase starts from nothing. Looked at every 100 ms (a few statements a second).
     */
    private static void awaitOutboxDrained(Duration timeout) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + DB_HOST + "/" + DATABASE, DB_USER, DB_PASSWORD);
             Statement s = c.createStatement()) {
            org.awaitility.Awaitility.await("the service's outbox drained").pollInterval(Duration.ofMillis(100)).atMost(timeout)
                    .until(() -> {
                        try (var rs = s.executeQuery("SELECT COUNT(*) FROM outbox_messages WHERE status = 'PENDING'")) {
                            return rs.next() && rs.getLong(1) == 0;
                        }
                    });
        }
    }

    /** MariaDB's own counts of the statements it ran (all clients; the harness itself runs none during a phase). */
    private static Map<String, Long> statements() throws Exception {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + DB_HOST + "/", DB_USER, DB_PASSWORD);
             Statement s = c.createStatement();
             var rs = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_select', 'Com_insert', "
                     + "'Com_update', 'Com_commit', 'Com_set_option', 'Com_rollback', 'Com_stmt_prepare')")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private static long phaseStart(Phase phase) {
        return phase.startedNanos();
    }

    /**
     * When the bot had polled past every update the double held (they were stored, or the offset would
     * not have moved), checked every 2 ms; or the time-out.
     */
    private static long awaitConfirmed(TelegramApiDouble api, Duration timeout) {
        Timing.within(timeout, Duration.ofMillis(2), () -> api.pendingUpdates() == 0);
        return System.nanoTime();
    }

    private static void plot(Path file, List<Row> rows, double trivial) throws Exception {
        List<Row> paced = rows.stream().filter(r -> r.offered() > 0).toList();
        double[] offered = paced.stream().mapToDouble(Row::offered).toArray();
        double[] relayed = paced.stream().mapToDouble(Row::relaysPerSecond).toArray();
        double[] p99 = paced.stream().mapToDouble(Row::p99).toArray();
        double[] p50 = paced.stream().mapToDouble(Row::p50).toArray();
        double max = offered.length == 0 ? 1 : offered[offered.length - 1];
        Plot.write(file, List.of(
                new Plot.Chart("Relays per second against offered load", "offered load (customer messages/s)", "relays/s",
                        List.of(new Plot.Series("relayed", new Color(31, 119, 180), offered, relayed, false),
                                new Plot.Series("offered", Color.GRAY, new double[] {0, max}, new double[] {0, max}, true),
                                new Plot.Series("1,000/s target", new Color(214, 39, 40), new double[] {0, max}, new double[] {1000, 1000},
                                        true))),
                new Plot.Chart("Latency, customer message to its relay", "offered load (customer messages/s)", "milliseconds (log)",
                        List.of(new Plot.Series("p99", new Color(214, 39, 40), offered, p99, false),
                                new Plot.Series("p50", new Color(31, 119, 180), offered, p50, false),
                                new Plot.Series("50 ms", Color.GRAY, new double[] {0, max}, new double[] {50, 50}, true)), true)));
    }

    /** -Dbench.env.NAME=value passes a setting to the service (e.g. -Dbench.env.CAREREGISTRY_INBOX_THREADS=2). */
    static void passSettings(Map<String, String> environment) {
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench.env."))
                .forEach(name -> environment.put(name.substring("bench.env.".length()), System.getProperty(name)));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
