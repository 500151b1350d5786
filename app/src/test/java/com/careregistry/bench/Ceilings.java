package com.careregistry.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What MariaDB alone commits on this machine, with raw JDBC and nothing else: one insert per
 * commit, and the four writes a customer message costs the service (inbox insert, message insert,
 * ticket update, outbox insert) in one transaction; on 1 and on 8 threads.
 */
final class Ceilings {

    private final String url;
    private final String user;
    private final String password;

    Ceilings(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void prepare() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS c_single, c_inbox, c_messages, c_tickets, c_outbox");
            s.execute("CREATE TABLE c_single (id BIGINT AUTO_INCREMENT PRIMARY KEY, chat VARCHAR(64) NOT NULL, payload TEXT, "
                    + "created_at DATETIME(6) NOT NULL) ENGINE=InnoDB");
            s.execute("CREATE TABLE c_inbox (id BIGINT AUTO_INCREMENT PRIMARY KEY, channel VARCHAR(16) NOT NULL, "
                    + "event_id VARCHAR(128) NOT NULL, ordering_key VARCHAR(160) NOT NULL, payload MEDIUMTEXT, status VARCHAR(16) NOT NULL, "
                    + "received_at DATETIME(6) NOT NULL, UNIQUE KEY (channel, event_id), KEY (status, ordering_key, id)) ENGINE=InnoDB");
            s.execute("CREATE TABLE c_tickets (id BIGINT AUTO_INCREMENT PRIMARY KEY, last_activity_at DATETIME(6) NOT NULL, "
                    + "version BIGINT NOT NULL) ENGINE=InnoDB");
            s.execute("CREATE TABLE c_messages (id BIGINT AUTO_INCREMENT PRIMARY KEY, ticket_id BIGINT NOT NULL, body TEXT, "
                    + "created_at DATETIME(6) NOT NULL, KEY (ticket_id, id)) ENGINE=InnoDB");
            s.execute("CREATE TABLE c_outbox (id BIGINT AUTO_INCREMENT PRIMARY KEY, channel VARCHAR(16) NOT NULL, chat_id VARCHAR(64), "
                    + "ordering_key VARCHAR(300) NOT NULL, body TEXT NOT NULL, status VARCHAR(16) NOT NULL, ticket_id BIGINT, "
                    + "next_attempt_at DATETIME(6) NOT NULL, created_at DATETIME(6) NOT NULL, KEY (ordering_key, status, id)) ENGINE=InnoDB");
            for (int i = 0; i < 64; i++) {
                s.execute("INSERT INTO c_tickets (last_activity_at, version) VALUES (NOW(6), 0)");
            }
        }
    }

    /** Transactions per second of one insert each. */
    double singleInsert(int threads, long millis) throws Exception {
        return run(threads, millis, (c, thread, n) -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO c_single (chat, payload, created_at) VALUES (?, ?, ?)")) {
                insert.setString(1, "TELEGRAM:" + thread);
                insert.setString(2, "{\"update_id\":" + n + ",\"message\":{\"text\":\"hello\"}}");
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
        });
    }

    /** Transactions per second of the four writes a customer message costs. */
    double fourWrites(int threads, long millis) throws Exception {
        return run(threads, millis, (c, thread, n) -> {
            Timestamp now = Timestamp.from(Instant.now());
            long ticket = 1 + (thread * 7L + n) % 64;
            try (PreparedStatement inbox = c.prepareStatement("INSERT IGNORE INTO c_inbox (channel, event_id, ordering_key, payload, "
                    + "status, received_at) VALUES ('TELEGRAM', ?, ?, ?, 'HANDLED', ?)");
                 PreparedStatement message = c.prepareStatement("INSERT INTO c_messages (ticket_id, body, created_at) VALUES (?, ?, ?)");
                 PreparedStatement touch = c.prepareStatement("UPDATE c_tickets SET last_activity_at = ?, version = version + 1 WHERE id = ?");
                 PreparedStatement outbox = c.prepareStatement("INSERT INTO c_outbox (channel, chat_id, ordering_key, body, status, "
                         + "ticket_id, next_attempt_at, created_at) VALUES ('TELEGRAM', '-100', ?, ?, 'PENDING', ?, ?, ?)")) {
                inbox.setString(1, thread + ":" + n);
                inbox.setString(2, "TELEGRAM:" + thread);
                inbox.setString(3, "{\"update_id\":" + n + ",\"message\":{\"text\":\"hello\"}}");
                inbox.setTimestamp(4, now);
                inbox.executeUpdate();
                message.setLong(1, ticket);
                message.setString(2, "hello " + n);
                message.setTimestamp(3, now);
                message.executeUpdate();
                touch.setTimestamp(1, now);
                touch.setLong(2, ticket);
                touch.executeUpdate();
                outbox.setString(1, "TELEGRAM:-100:ticket:" + ticket);
                outbox.setString(2, "#1 · Ann:\nhello " + n);
                outbox.setLong(3, ticket);
                outbox.setTimestamp(4, now);
                outbox.setTimestamp(5, now);
                outbox.executeUpdate();
            }
        });
    }

    private interface Work {
        void once(Connection connection, int thread, long n) throws SQLException;
    }

    private double run(int threads, long millis, Work work) throws Exception {
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    try (Connection c = DriverManager.getConnection(url, user, password)) {
                        c.setAutoCommit(false);
                        long n = 0;
                        while (System.nanoTime() < end) {
                            work.once(c, thread, (long) thread << 40 | n++);
                            c.commit();
                            done.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }
}
