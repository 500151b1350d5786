package com.careregistry.testsupport;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real MariaDB the tests run against (127.0.0.1:3306, user root, empty password, unless
 * {@code CCR_TEST_DB_HOST}, {@code CCR_TEST_DB_USER} and {@code CCR_TEST_DB_PASSWORD} say otherwise).
 * Each module has its own database, made on first use.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** Spring properties that point a test context at the module's own database. */
    public static String[] properties(String database) {
        String host = env("CCR_TEST_DB_HOST", "127.0.0.1:3306");
        return new String[] {
                "spring.datasource.url=jdbc:mariadb://" + host + "/" + database + "?createDatabaseIfNotExist=true",
                "spring.datasource.username=" + env("CCR_TEST_DB_USER", "root"),
                "spring.datasource.password=" + env("CCR_TEST_DB_PASSWORD", ""),
        };
    }

    /** Points a Spring test context at the module's own database. */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry, String database) {
        for (String property : properties(database)) {
            int eq = property.indexOf('=');
            registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
        }
    }

    /** Empties every table the migrations made, keeping the schema and the seeded category. */
    public static void wipe(JdbcTemplate jdbc) {
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'
                """, String.class);
        jdbc.execute("SET FOREIGN_KEY_CHECKS = 0");
        try {
            for (String table : tables) {
                jdbc.execute("TRUNCATE TABLE " + table);
            }
        } finally {
            jdbc.execute("SET FOREIGN_KEY_CHECKS = 1");
        }
        jdbc.update("INSERT INTO categories (name, active, created_at) VALUES ('General', TRUE, CURRENT_TIMESTAMP(6))");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
