package com.careregistry.process;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged service ({@code app/target/customer-care-registry.jar}) running as its own process,
 * as an operator runs it: started with environment variables, watched through /proc (CPU time,
 * resident memory), stopped gently or killed with {@code kill -9}.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ; 100 on Linux). */
    private static final long TICKS_PER_SECOND = 100;

    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path log;
    private final int port;
    private Process process;
    private boolean runScript;

    public ServiceProcess(Map<String, String> environment, List<String> jvmOptions, Path log) {
        this.environment = new LinkedHashMap<>(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.log = log;
        this.port = freePort();
        this.environment.put("PORT", String.valueOf(port));
    }

    /**
     * The settings of a service on MariaDB database {@code database} (made on start) with its Telegram
     * bot polling {@code telegramApi}, the staff group {@link RelayLoad#STAFF_GROUP} a forum, and
     * Telegram's rate limits lifted (the double does not enforce them).
     */
    public static Map<String, String> withTelegram(String dbHost, String dbUser, String dbPassword, String database,
                                                   String telegramApi) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "mariadb");
        environment.put("CCR_DB_URL", "jdbc:mariadb://" + dbHost + "/" + database + "?createDatabaseIfNotExist=true");
        environment.put("CCR_DB_USER", dbUser);
        environment.put("CCR_DB_PASSWORD", dbPassword);
        environment.put("CCR_ADMIN_PASSWORD", "an-admin-password-for-tests");
        environment.put("TELEGRAM_BOT_TOKEN", "123456:TEST");
        environment.put("TELEGRAM_API_URL", telegramApi);
        environment.put("TELEGRAM_STAFF_CHAT_ID", String.valueOf(RelayLoad.STAFF_GROUP));
        environment.put("CAREREGISTRY_TELEGRAM_PER_SECOND", "1000000");
        environment.put("CAREREGISTRY_TELEGRAM_GROUP_PER_MINUTE", "100000000");
        environment.put("CAREREGISTRY_TELEGRAM_PRIVATE_CHAT_INTERVAL", "0s");
        return environment;
    }

    /**
     * Starts the service through {@code scripts/run.sh}, as the README starts it (Java 25 and its AOT
     * cache when there is one), instead of {@code java -jar} on this JVM.
     */
    public ServiceProcess viaRunScript() {
        this.runScript = true;
        return this;
    }

    /** The packaged jar, found from the working directory (the reactor's root or the app module). */
    public static Path jar() {
        for (Path candidate : List.of(Path.of("app/target/customer-care-registry.jar"), Path.of("target/customer-care-registry.jar"),
                Path.of("../app/target/customer-care-registry.jar"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("app/target/customer-care-registry.jar is missing: run mvn -DskipTests package first");
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** Starts the jar and waits until its health endpoint answers. */
    public ServiceProcess start(Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (runScript) {
            // as an operator starts it (README): Java 25 with the AOT cache when there is one; the script
            // execs the JVM, so the process is the JVM itself (its pid, its CPU and memory, kill -9)
            command.add("bash");
            command.add(jar().getParent().getParent().getParent().resolve("scripts/run.sh").toString());
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar().toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        if (runScript && !jvmOptions.isEmpty()) {
            builder.environment().put("JAVA_OPTS", String.join(" ", jvmOptions));
        }
        process = builder.start();
        awaitHealthy(timeout);
        return this;
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
        if (awaitHealth(200, timeout).isEmpty()) {
            throw new IllegalStateException("the service did not become healthy within " + timeout + "; see " + log);
        }
    }

    /**
     * Polls {@code /actuator/health} every 100 ms until it answers {@code status} (200 UP, 503 DOWN);
     * how long that took, or empty when it did not within {@code timeout}.
     */
    public java.util.Optional<Duration> awaitHealth(int status, Duration timeout) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long start = System.nanoTime();
        try {
            await().pollInterval(Duration.ofMillis(100)).atMost(timeout).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == status;
                } catch (IOException notYet) {
                    return false;   // not listening yet, or not answering within the time-out
                }
            });
            return java.util.Optional.of(Duration.ofNanos(System.nanoTime() - start));
        } catch (ConditionTimeoutException notWithin) {
            return java.util.Optional.empty();
        }
    }

    /** The service's meters as its Prometheus endpoint shows them: name with its labels → value. */
    public Map<String, Double> meters() throws IOException, InterruptedException {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> values = new java.util.HashMap<>();
        for (String line : text.split("\n")) {
            int space = line.lastIndexOf(' ');
            if (!line.startsWith("#") && space > 0) {
                values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return values;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** How it was started and on which JVM, e.g. "scripts/run.sh, /usr/lib/jvm/temurin-25-jdk-amd64/bin/java". */
    public String describeJvm() throws IOException {
        return (runScript ? "scripts/run.sh, " : "java -jar, ") + Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid()), "exe"));
    }

    /** CPU time the process used so far (user and system), in milliseconds. */
    public long cpuMillis() throws IOException {
        return cpuMillisOf(Files.readString(Path.of("/proc", String.valueOf(pid()), "stat")));
    }

    /** The user and system time in a {@code /proc/.../stat} line (of a process or of one of its threads), in milliseconds. */
    private static long cpuMillisOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);   // utime, stime (fields 14 and 15)
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /**
     * CPU time each group of the process's live threads used so far (user and system), in milliseconds,
     * by what the thread's name says it does (Linux keeps its first 15 characters): inbox workers,
     * outbox (the lanes and their senders), the Telegram poller, the HTTP client's own threads, the JIT,
     * the garbage collector, the web server, and the rest. A thread that ended is no longer counted: the
     * process's own total ({@link #cpuMillis}) holds it.
     */
    public Map<String, Long> cpuMillisByThreads() throws IOException {
        Map<String, Long> groups = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    groups.merge(threadGroup(name), cpuMillisOf(stat), Long::sum);
                } catch (java.nio.file.NoSuchFileException ended) {
                    // the thread ended while the list was read
                }
            }
        }
        return groups;
    }

    static String threadGroup(String name) {
        if (name.startsWith("inbox")) {
            return "inbox";
        } else if (name.startsWith("outbox")) {
            return "outbox";
        } else if (name.startsWith("telegram-poll")) {
            return "poller";
        } else if (name.startsWith("OkHttp") || name.startsWith("Okio")) {
            return "http client";
        } else if (name.contains("Compiler")) {
            return "JIT";
        } else if (name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
            return "GC";
        } else if (name.startsWith("http-nio") || name.startsWith("tomcat") || name.startsWith("Catalina")) {
            return "web";
        }
        return "other";
    }

    /** Resident memory of the process, in MiB. */
    public long rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** {@code kill -9}: the process gets no chance to finish anything. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A gentle stop (SIGTERM), as an operator's restart does. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill9();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
