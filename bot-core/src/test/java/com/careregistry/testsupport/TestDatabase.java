package com.careregistry.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real MariaDB the tests run against (127.0.0.1:3306, user root, empty password, unless
 * {@code CCR_TEST_DB_HOST}, {@code CCR_TEST_DB_USER} and {@code CCR_TEST_DB_PASSWORD} say otherwise).
 * Each module has its own database, made on first use; {@code CCR_TEST_DB_SUFFIX} is appended to
 * its name, so that two checkouts can run their suites side by side on one server.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** Spring properties that point a test context at the module's own database. */
    public static String[] properties(String database) {
        String host = env("CCR_TEST_DB_HOST", "127.0.0.1:3306");
        database = database + env("CCR_TEST_DB_SUFFIX", "");
        return new String[] {
                "spring.datasource.url=jdbc:mariadb://" + host + "/" + database + "?createDatabaseIfNotExist=true",
                "spring.datasource.username=" + env("CCR_TEST_DB_USER", "root"),
                "spring.datasource.password=" + env("CCR_TEST_DB_PASSWORD", ""),
                // as the service runs them (application.yml)
                "spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED",
                "spring.datasource.hikari.auto-commit=false",
                "spring.jpa.properties.hibernate.connection.provider_disables_autocommit=true",
        };
    }

    /** Points a Spring test context at the module's own database. */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry, String database) {
        for (String property : properties(database)) {
            int eq = property.indexOf('=');
            registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
        }
    }

    /**
     * Empties every table the migrations made, keeping the schema and the seeded category, and the
     * roles the running instance holds (shedlock: a running poller's lease is the process's, not a
     * test's data).
     */
    public static void wipe(JdbcTemplate jdbc) {
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND table_name NOT IN ('flyway_schema_history', 'shedlock')
                """, String.class);
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET FOREIGN_KEY_CHECKS = 0");
                try {
                    for (String table : tables) {
                        statement.execute("TRUNCATE TABLE " + table);
                    }
                } finally {
                    statement.execute("SET FOREIGN_KEY_CHECKS = 1");
                }
                statement.executeUpdate("INSERT INTO categories (name, active, created_at) VALUES ('General', TRUE, CURRENT_TIMESTAMP(6))");
            }
            commit(connection);
            return null;
        });
    }

    /**
     * A write of a test's own, outside any transaction, committed at once (the service's connections
     * do not auto-commit).
     */
    public static int update(JdbcTemplate jdbc, String sql, Object... args) {
        return jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    statement.setObject(i + 1, args[i]);
                }
                int changed = statement.executeUpdate();
                commit(connection);
                return changed;
            }
        });
    }

    private static void commit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
