package com.careregistry.bench;

import com.careregistry.process.RelayLoad.Phase;
import com.careregistry.process.RelayLoad;
import com.careregistry.process.ServiceProcess;
import com.careregistry.telegram.TelegramApiDouble;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scale-out (issue 13): the same load on one instance of the packaged service, then on two
 * instances sharing the one MariaDB (one polls Telegram; both handle the inbox and send), on this
 * machine. Prints relays/s, each instance's CPU per message and MariaDB's own CPU per message, so
 * that where two cores are the limit the figures say so.
 *
 * <p>Run: {@code mvn -q -B install -DskipTests && mvn -q -B -pl app exec:java
 * -Dbench.main=com.careregistry.bench.ScaleOutBenchmark}; settings {@code -Dbench.customers=50
 * -Dbench.burst=20000 -Dbench.rate=600 -Dbench.seconds=10 -Dbench.warmup=4}.
 */
public final class ScaleOutBenchmark {

    static final int CUSTOMERS = Integer.getInteger("bench.customers", 50);
    static final int BURST = Integer.getInteger("bench.burst", 20_000);
    static final int RATE = Integer.getInteger("bench.rate", 600);
    static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warmup", 4);
    static final String DB_HOST = env("CCR_TEST_DB_HOST", "127.0.0.1:3306");
    static final String DB_USER = env("CCR_TEST_DB_USER", "root");
    static final String DB_PASSWORD = env("CCR_TEST_DB_PASSWORD", "");
    static final String DATABASE = "ccr_bench_scale_out";

    private ScaleOutBenchmark() {
    }

    record Row(String setup, String load, int messages, double relaysPerSecond, double p99, List<Double> cpuPerInstance,
               double databaseCpu, int lost, int duplicates, int outOfOrder) {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("Scale-out benchmark, %s, %d cores, Java %s%n", LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + DB_HOST + "/", DB_USER, DB_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
        List<Row> rows = new ArrayList<>();
        try (TelegramApiDouble api = new TelegramApiDouble()) {
            api.recordCalls(false);
            List<ServiceProcess> instances = new ArrayList<>();
            try {
                instances.add(start("one", api));
                RelayLoad load = new RelayLoad(api, CUSTOMERS);
                load.openTickets(Duration.ofSeconds(60));
                warmUp(load);
                rows.add(measure("1 instance", instances, load, RATE + "/s", RATE * SECONDS, RATE));
                rows.add(measure("1 instance", instances, load, "all at once", BURST, 0));

                instances.add(start("two", api));
                warmUp(load);
                rows.add(measure("2 instances", instances, load, RATE + "/s", RATE * SECONDS, RATE));
                rows.add(measure("2 instances", instances, load, "all at once", BURST, 0));
            } finally {
                for (ServiceProcess instance : instances) {
                    instance.stop();
                }
            }
        }
        System.out.printf("%n%-12s %-12s %9s %10s %9s %26s %14s %5s %5s %5s%n", "setup", "load", "messages", "relays/s", "p99 ms",
                "service CPU ms/msg (each)", "MariaDB ms/msg", "lost", "twice", "order");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%-12s %-12s %9d %10.0f %9.1f %26s %14.2f %5d %5d %5d%n", r.setup(), r.load(), r.messages(),
                    r.relaysPerSecond(), r.p99(), r.cpuPerInstance().stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList(),
                    r.databaseCpu(), r.lost(), r.duplicates(), r.outOfOrder());
        }
    }

    private static ServiceProcess start(String name, TelegramApiDouble api) throws Exception {
        Map<String, String> environment = ServiceProcess.withTelegram(DB_HOST, DB_USER, DB_PASSWORD, DATABASE, api.baseUrl());
        environment.put("CCR_INSTANCE_NAME", name);
        RelayBenchmark.passSettings(environment);
        Path log = Files.createTempFile("scale-out-" + name, ".log");
        System.out.println("Instance " + name + " logs to " + log);
        return new ServiceProcess(environment, List.of(), log).start(Duration.ofSeconds(120));
    }

    private static void warmUp(RelayLoad load) {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            Phase warmUp = load.play(5000, 0);
            warmUp.awaitRelayed(Duration.ofSeconds(120));
            System.out.printf(Locale.ROOT, "  warm-up %d: %.0f relays/s%n", round + 1, warmUp.relaysPerSecond());
        }
    }

    private static Row measure(String setup, List<ServiceProcess> instances, RelayLoad load, String name, int count, double offered)
            throws Exception {
        long[] before = new long[instances.size()];
        for (int i = 0; i < before.length; i++) {
            before[i] = instances.get(i).cpuMillis();
        }
        long databaseBefore = mariadbCpuMillis();
        Phase phase = load.play(count, offered);
        phase.awaitRelayed(Duration.ofSeconds(180));
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < before.length; i++) {
            cpu.add((instances.get(i).cpuMillis() - before[i]) / (double) count);
        }
        double database = (mariadbCpuMillis() - databaseBefore) / (double) count;
        Row row = new Row(setup, name, count, phase.relaysPerSecond(), Phase.percentile(phase.latenciesMillis(), 99), cpu, database,
                phase.lost(), phase.duplicates(), phase.outOfOrder());
        System.out.printf(Locale.ROOT, "  %s, %s: %.0f relays/s, p99 %.1f ms, service CPU ms/msg %s, MariaDB %.2f ms/msg%n", setup, name,
                row.relaysPerSecond(), row.p99(), cpu, database);
        return row;
    }

    /** MariaDB's CPU time so far (user and system), read from /proc; 0 when it cannot be found on this machine. */
    static long mariadbCpuMillis() throws IOException {
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    if (Files.readString(process.resolve("comm")).strip().equals("mariadbd")) {
                        String stat = Files.readString(process.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;   // utime + stime, 100 ticks a second
                    }
                } catch (IOException gone) {
                    // a process that ended meanwhile
                }
            }
        }
        return 0;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
