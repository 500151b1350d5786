package com.careregistry.web.bench;

import com.careregistry.WebTestApplication;
import com.careregistry.core.account.StaffAccounts;
import com.careregistry.testsupport.TestDatabase;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The panel's speed with a million tickets (issue 4): fills MariaDB database {@code ccr_bench}
 * with 1,000,000 tickets (once; later runs reuse them), starts the service, signs in as an
 * admin, and prints the server-side p50/p95/p99 of the Tickets and Unassigned pages, on the
 * first page and on a deep page. Server-side: measured by a filter around the whole request
 * (security, controller, database, template), in the service's own JVM.
 *
 * <p>Run: {@code mvn -q -B install -DskipTests && mvn -q -B -pl web-admin exec:java}
 */
public final class PanelBenchmark {

    static final int TICKETS = Integer.getInteger("bench.tickets", 1_000_000);
    static final int WARMUP = Integer.getInteger("bench.warmup", 300);
    static final int SAMPLES = Integer.getInteger("bench.samples", 500);
    static final String ADMIN = "bench-admin@example.com";
    static final String PASSWORD = "bench-password-123";
    static final Map<String, List<Long>> SERVER_NANOS = new ConcurrentHashMap<>();

    private PanelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> properties = new ArrayList<>();
        for (String property : TestDatabase.properties("ccr_bench")) {
            properties.add("--" + property);
        }
        properties.add("--server.port=0");
        properties.add("--spring.mail.host=");
        properties.add("--careregistry.outbox.workers=false");
        properties.add("--logging.level.root=warn");
        SpringApplication app = new SpringApplication(WebTestApplication.class, Timing.class);
        try (ConfigurableApplicationContext context = app.run(properties.toArray(String[]::new))) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            fill(jdbc);
            StaffAccounts accounts = context.getBean(StaffAccounts.class);
            if (accounts.forLogin(ADMIN).isEmpty()) {
                accounts.createAdmin(ADMIN, PASSWORD);
            }
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            signIn(http, port);

            Map<String, Object> deepAll = jdbc.queryForMap(
                    "SELECT opened_at, id FROM tickets ORDER BY opened_at DESC, id DESC LIMIT 1 OFFSET ?", TICKETS / 2);
            long open = count(jdbc, "SELECT COUNT(*) FROM tickets WHERE status = 'OPEN'");
            Map<String, Object> deepOpen = jdbc.queryForMap("SELECT opened_at, id FROM tickets WHERE status = 'OPEN' "
                    + "ORDER BY opened_at ASC, id ASC LIMIT 1 OFFSET ?", open / 2);

            Map<String, String> pages = new java.util.LinkedHashMap<>();
            pages.put("Tickets, first page", "/admin/tickets");
            pages.put("Tickets, page at row " + TICKETS / 2, "/admin/tickets?after=" + cursor(deepAll));
            pages.put("Tickets, status filter, first page", "/admin/tickets?status=RESOLVED");
            pages.put("Unassigned, first page", "/admin/unassigned");
            pages.put("Unassigned, page at row " + open / 2, "/admin/unassigned?after=" + cursor(deepOpen));

            System.out.printf("%nPanel benchmark: %,d tickets (%,d unassigned) in MariaDB, %d warm-up + %d measured requests per page%n",
                    count(jdbc, "SELECT COUNT(*) FROM tickets"), open, WARMUP, SAMPLES);
            System.out.printf("%-40s %8s %8s %8s %8s%n", "page (server-side ms)", "p50", "p95", "p99", "max");
            for (Map.Entry<String, String> page : pages.entrySet()) {
                String path = page.getValue();
                for (int i = 0; i < WARMUP; i++) {
                    get(http, port, path);
                }
                SERVER_NANOS.clear();
                for (int i = 0; i < SAMPLES; i++) {
                    get(http, port, path);
                }
                List<Long> nanos = new ArrayList<>(SERVER_NANOS.getOrDefault(path.split("\\?")[0], List.of()));
                Collections.sort(nanos);
                System.out.printf("%-40s %8.2f %8.2f %8.2f %8.2f%n", page.getKey(), ms(nanos, 0.50), ms(nanos, 0.95),
                        ms(nanos, 0.99), ms(nanos, 1.0));
            }
            System.out.println("Target: p95 <= 50 ms.");
        }
        System.exit(0);
    }

    /** A million tickets over two years, 10,000 customers, 50 agents, 5 categories; 2% still unassigned. */
    static void fill(JdbcTemplate jdbc) {
        long existing = count(jdbc, "SELECT COUNT(*) FROM tickets");
        if (existing >= TICKETS) {
            System.out.printf("Reusing the %,d tickets already in ccr_bench%n", existing);
            return;
        }
        System.out.printf("Filling ccr_bench with %,d tickets (once)...%n", TICKETS);
        long started = System.nanoTime();
        TestDatabase.wipe(jdbc);
        jdbc.update("INSERT INTO categories (name, active, created_at) SELECT CONCAT('Category ', seq), TRUE, NOW(6) FROM seq_2_to_5");
        jdbc.update("INSERT INTO customers (display_name, language, created_at) SELECT CONCAT('Customer ', seq), 'en', NOW(6) FROM seq_1_to_10000");
        jdbc.update("INSERT INTO agents (first_name, last_name, email, language, active, created_at) "
                + "SELECT CONCAT('Agent', seq), 'Bench', CONCAT('agent', seq, '@example.com'), 'en', TRUE, NOW(6) FROM seq_1_to_50");
        jdbc.update("INSERT INTO agent_categories (agent_id, category_id) SELECT a.id, c.id FROM agents a CROSS JOIN categories c");
        long minCustomer = count(jdbc, "SELECT MIN(id) FROM customers");
        long minAgent = count(jdbc, "SELECT MIN(id) FROM agents");
        long minCategory = count(jdbc, "SELECT MIN(id) FROM categories");
        jdbc.update("""
                INSERT INTO tickets (number, customer_id, category_id, channel, subject, description, status, agent_id,
                                     opened_at, first_response_at, last_activity_at, version)
                SELECT 100000 + seq, ? + (seq MOD 10000), ? + (seq MOD 5),
                       IF(seq MOD 3 = 0, 'DISCORD', 'TELEGRAM'),
                       CONCAT('Problem number ', seq, ' with my device'),
                       CONCAT('Description of problem ', seq, '. It does not turn on since yesterday.'),
                       CASE WHEN seq > ? * 0.98 THEN 'OPEN' WHEN seq MOD 10 = 0 THEN 'ASSIGNED'
                            WHEN seq MOD 10 < 3 THEN 'RESOLVED' ELSE 'CLOSED' END,
                       IF(seq > ? * 0.98, NULL, ? + (seq MOD 50)),
                       ? + INTERVAL (seq * 60) SECOND,
                       IF(seq > ? * 0.98, NULL, ? + INTERVAL (seq * 60 + 900) SECOND),
                       ? + INTERVAL (seq * 60 + 1800) SECOND, 0
                FROM seq_1_to_%d
                """.formatted(TICKETS), minCustomer, minCategory, TICKETS, TICKETS, minAgent,
                Timestamp.valueOf("2024-11-25 00:00:00"), TICKETS, Timestamp.valueOf("2024-11-25 00:00:00"),
                Timestamp.valueOf("2024-11-25 00:00:00"));
        jdbc.execute("ANALYZE TABLE tickets");
        System.out.printf("Filled in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    static void signIn(HttpClient http, int port) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "email=" + URLEncoder.encode(ADMIN, StandardCharsets.UTF_8) + "&password=" + PASSWORD + "&_csrf=" + csrf.group(1);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("could not sign in: " + signedIn.statusCode() + " " + signedIn.headers());
        }
    }

    static void get(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("<table")) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
    }

    static String cursor(Map<String, Object> row) {
        java.time.Instant at = ((Timestamp) row.get("opened_at")).toInstant();
        return at.getEpochSecond() + "_" + at.getNano() + "_" + row.get("id");
    }

    static long count(JdbcTemplate jdbc, String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(index, 0)) / 1e6;
    }

    /** Times every request inside the server, from the first filter to the last byte written. */
    @Configuration(proxyBeanMethods = false)
    static class Timing {
        @Bean
        FilterRegistrationBean<OncePerRequestFilter> serverTiming() {
            FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                        throws ServletException, IOException {
                    long started = System.nanoTime();
                    try {
                        chain.doFilter(request, response);
                        response.flushBuffer();
                    } finally {
                        SERVER_NANOS.computeIfAbsent(request.getRequestURI(), k -> Collections.synchronizedList(new ArrayList<>()))
                                .add(System.nanoTime() - started);
                    }
                }
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
