package com.careregistry.process;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The MariaDB server the tests use, stopped and started for real (a chaos test's outage). By
 * default the one of this machine: {@code mariadb-admin shutdown}, then {@code start-stop-daemon}
 * as {@code .ci/run} starts it; {@code CCR_TEST_DB_STOP} and {@code CCR_TEST_DB_START} (shell
 * commands) say otherwise.
 */
public final class LocalMariaDb {

    private final String host;
    private final int port;

    public LocalMariaDb(String hostAndPort) {
        String[] parts = hostAndPort.split(":");
        this.host = parts[0];
        this.port = parts.length > 1 ? Integer.parseInt(parts[1]) : 3306;
    }

    public void stop(Duration timeout) throws IOException, InterruptedException {
        run(env("CCR_TEST_DB_STOP", "mariadb-admin --protocol=tcp -h" + host + " -P" + port + " -uroot shutdown"));
        await().alias("MariaDB at " + host + ":" + port + " gone after its shutdown").pollInterval(Duration.ofMillis(100))
                .atMost(timeout).until(() -> !reachable());
    }

    public void start(Duration timeout) throws IOException, InterruptedException {
        run(env("CCR_TEST_DB_START", "mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null; "
                + "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd"));
        await().alias("MariaDB back at " + host + ":" + port).pollInterval(Duration.ofMillis(200)).atMost(timeout)
                .until(this::reachable);
    }

    public boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException down) {
            return false;
        }
    }

    private static void run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("sh", "-c", command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("`" + command + "` failed: " + output);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
