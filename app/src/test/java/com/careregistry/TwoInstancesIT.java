package com.careregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.discord.DiscordApiDouble;
import com.careregistry.process.DiscordCustomers;
import com.careregistry.process.RelayLoad.Phase;
import com.careregistry.process.RelayLoad;
import com.careregistry.process.ServiceProcess;
import com.careregistry.process.StoredMarks;
import com.careregistry.process.Timing;
import com.careregistry.telegram.TelegramApiDouble;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged service on one MariaDB, with customers on Telegram and on Discord:
 * one instance polls Telegram and one holds the Discord gateway (ShedLock leases); the one that
 * polls is killed with {@code kill -9} mid-load and started again. The other takes over within
 * 10 s; at the end nothing is lost or stored twice, each chat's order is kept, the housekeeping
 * job ran once in each of its periods across both instances, and a panel sign-in made through one
 * instance works through the other.
 *
 * <p>Runs with the suite ({@code mvn -B verify}); alone: {@code mvn -B install -DskipTests && mvn -B
 * verify -pl app -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=TwoInstancesIT}.
 */
class TwoInstancesIT {

    static final int SECONDS = Integer.getInteger("two.seconds", 30);
    static final int RATE = Integer.getInteger("two.rate", 60);
    static final int TELEGRAM_CUSTOMERS = 10;
    static final int DISCORD_CUSTOMERS = 4;
    static final int DISCORD_RATE = 8;
    /** The housekeeping job's period in this test (every instance's clock fires it; one runs it). */
    static final int JOB_PERIOD_SECONDS = 3;
    static final String DB_HOST = env("CCR_TEST_DB_HOST", "127.0.0.1:3306");
    static final String DB_USER = env("CCR_TEST_DB_USER", "root");
    static final String DB_PASSWORD = env("CCR_TEST_DB_PASSWORD", "");
    static final String DATABASE = "ccr_two_instances" + env("CCR_TEST_DB_SUFFIX", "");
    static final Pattern TELEGRAM_MARK = Pattern.compile("#P(\\d+)-S(\\d+)#");
    static final Pattern HOUSEKEEPING = Pattern.compile("^(\\S+)\\s.*Housekeeping on (\\S+):");
    static final String GUILD = "3000000000000000001";
    static final String STAFF_CHANNEL = "3000000000000000002";
    static final String ADMIN_PASSWORD = "an-admin-password-for-tests";

    @Test
    void theOtherInstanceTakesOverAndNothingIsLostDoubledOrReordered() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + DB_HOST + "/", DB_USER, DB_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
        Map<String, Path> logs = Map.of("a", Files.createTempFile("two-instances-a", ".log"),
                "b", Files.createTempFile("two-instances-b", ".log"));
        try (TelegramApiDouble telegram = new TelegramApiDouble(); DiscordApiDouble discord = new DiscordApiDouble()) {
            telegram.recordCalls(false);
            discord.withGuild(GUILD, STAFF_CHANNEL);
            Map<String, ServiceProcess> instances = new LinkedHashMap<>();
            instances.put("a", start("a", telegram, discord, logs.get("a")));
            instances.put("b", start("b", telegram, discord, logs.get("b")));
            try {
                String poller = awaitHolder("telegram-poller:%", holder -> true, Duration.ofSeconds(30));
                String gateway = awaitHolder("discord-gateway:%", holder -> true, Duration.ofSeconds(30));
                System.out.printf("Two instances: %s polls Telegram, %s holds the Discord gateway%n", poller, gateway);

                signedInThroughOneIsSignedInThroughTheOther(instances.get("a"), instances.get("b"));

                RelayLoad load = new RelayLoad(telegram, TELEGRAM_CUSTOMERS);
                load.openTickets(Duration.ofSeconds(60));
                DiscordCustomers discordCustomers = new DiscordCustomers(discord, DISCORD_CUSTOMERS);
                discordCustomers.openTickets(Duration.ofSeconds(60));
                int conflictsBefore = telegram.pollConflicts();

                CompletableFuture<Phase> playing = load.start(RATE * SECONDS, RATE);
                int perDiscordCustomer = DISCORD_RATE * SECONDS / DISCORD_CUSTOMERS;
                CompletableFuture<Integer> writing = discordCustomers.start(perDiscordCustomer, DISCORD_RATE);

                // the instance that polls Telegram is killed a third into the load, and started again; the
                // moment is moved to the middle of a period of the housekeeping job, between its runs: a kill
                // in the middle of a run leaves the job's lock to lapse (lockAtMostFor, ShedLock's guard
                // against two runs at once), and this test is about the runs that follow
                long killedAt = Timing.at(System.nanoTime() + betweenJobRuns(Duration.ofSeconds(SECONDS).toNanos() / 3), () -> {
                    instances.get(poller).kill9();
                    return System.nanoTime();
                });
                String survivor = poller.equals("a") ? "b" : "a";
                String newPoller = awaitHolder("telegram-poller:%", survivor::equals, Duration.ofSeconds(30));
                Duration pollerTakeover = Duration.ofNanos(System.nanoTime() - killedAt);
                String newGateway = awaitHolder("discord-gateway:%", survivor::equals, Duration.ofSeconds(30));
                Duration gatewayTakeover = Duration.ofNanos(System.nanoTime() - killedAt);
                instances.put(poller, start(poller, telegram, discord, logs.get(poller)));

                Phase phase = playing.get();
                int discordWritten = writing.get();
                boolean allRelayed = phase.awaitRelayed(Duration.ofSeconds(120));
                long firstRelayAfterKill = phase.firstRelayAfter(killedAt);
                Duration relaysResumed = firstRelayAfterKill < 0 ? Duration.ofDays(1) : Duration.ofNanos(firstRelayAfterKill - killedAt);
                StoredMarks discordStored = awaitDiscordStored(discordWritten, Duration.ofSeconds(60));

                StoredMarks telegramStored;
                try (Connection c = DriverManager.getConnection(jdbcUrl(), DB_USER, DB_PASSWORD)) {
                    telegramStored = StoredMarks.read(c, TELEGRAM_MARK, series -> Integer.parseInt(series) == phase.number());
                }
                Map<Long, List<String>> runs = housekeepingRuns(logs);
                System.out.printf("Two instances: %s killed; %s polls after %.1f s, %s holds the gateway after %.1f s, relays resumed "
                                + "after %.1f s; Telegram: %d written, %d relayed, %d relayed twice; Discord: %d written, %d stored; "
                                + "housekeeping runs per period: %s%n",
                        poller, newPoller, pollerTakeover.toMillis() / 1000.0, newGateway, gatewayTakeover.toMillis() / 1000.0,
                        relaysResumed.toMillis() / 1000.0, phase.count(), phase.relayed(), phase.duplicates(), discordWritten,
                        discordStored.timesStored().size(), runs);

                assertThat(conflictsBefore).as("with both instances up, only one polled Telegram (no 409 Conflict)").isZero();
                assertThat(newPoller).as("the survivor polls").isEqualTo(survivor);
                assertThat(pollerTakeover).as("the survivor polls within 10 s of the kill").isLessThanOrEqualTo(Duration.ofSeconds(10));
                if (gateway.equals(poller)) {
                    assertThat(gatewayTakeover).as("the survivor holds the Discord gateway within 10 s of the kill")
                            .isLessThanOrEqualTo(Duration.ofSeconds(10));
                }
                assertThat(relaysResumed).as("relays resume within 10 s of the kill").isLessThanOrEqualTo(Duration.ofSeconds(10));

                assertThat(allRelayed).as("every Telegram message relayed (logs: %s)", logs).isTrue();
                assertThat(phase.lost()).isZero();
                assertThat(phase.outOfOrder()).as("each Telegram chat's relays in order").isZero();
                assertThat(telegramStored.timesStored()).as("every Telegram message stored").hasSize(phase.count());
                assertThat(telegramStored.doubled()).as("no Telegram message stored twice").isZero();
                assertThat(telegramStored.outOfOrder()).as("each Telegram chat's messages stored in order").isZero();

                assertThat(discordStored.timesStored()).as("every Discord message stored").hasSize(discordWritten);
                assertThat(discordStored.doubled()).as("no Discord message stored twice").isZero();
                assertThat(discordStored.outOfOrder()).as("each Discord chat's messages stored in order").isZero();
                assertThat(discordStored.unhandled()).as("no inbound event left unhandled").isZero();

                assertThat(runs).as("the housekeeping job ran in the test's periods").hasSizeGreaterThan(SECONDS / JOB_PERIOD_SECONDS);
                assertThat(runs).as("the housekeeping job ran once in each period, on one instance or the other")
                        .allSatisfy((period, ranOn) -> assertThat(ranOn).hasSize(1));
                long first = runs.keySet().iterator().next();
                long last = ((TreeMap<Long, List<String>>) runs).lastKey();
                assertThat(runs).as("no period without its run").hasSize((int) (last - first + 1));
            } finally {
                for (ServiceProcess instance : instances.values()) {
                    instance.stop();
                }
            }
        }
    }

    private static ServiceProcess start(String name, TelegramApiDouble telegram, DiscordApiDouble discord, Path log) throws Exception {
        Map<String, String> environment = ServiceProcess.withTelegram(DB_HOST, DB_USER, DB_PASSWORD, DATABASE, telegram.baseUrl());
        environment.put("CCR_INSTANCE_NAME", name);
        environment.put("CAREREGISTRY_TELEGRAM_POLL_TIMEOUT", "5s");
        environment.put("DISCORD_BOT_TOKEN", "MTA.discord.test-token");
        environment.put("DISCORD_API_URL", discord.restBaseUrl());
        environment.put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
        environment.put("DISCORD_STAFF_CHANNEL_ID", STAFF_CHANNEL);
        environment.put("DISCORD_GUILD_ID", GUILD);
        environment.put("CAREREGISTRY_HOUSEKEEPING_CRON", "*/" + JOB_PERIOD_SECONDS + " * * * * *");
        environment.put("CAREREGISTRY_HOUSEKEEPING_HOLD", "PT1S");
        return new ServiceProcess(environment, List.of(), log).viaRunScript().start(Duration.ofSeconds(120));
    }

    /** The instance holding a role (a ShedLock lease not run out), once one that {@code wanted} accepts does. */
    private static String awaitHolder(String role, java.util.function.Predicate<String> wanted, Duration timeout) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), DB_USER, DB_PASSWORD)) {
            return org.awaitility.Awaitility.await().alias("a holder of " + role).atMost(timeout).pollInterval(Duration.ofMillis(50))
                    .until(() -> holder(c, role), holder -> holder.filter(wanted).isPresent()).orElseThrow();
        }
    }

    private static Optional<String> holder(Connection c, String role) throws Exception {
        try (var query = c.prepareStatement("SELECT locked_by FROM shedlock WHERE name LIKE ? AND lock_until > UTC_TIMESTAMP(3)")) {
            query.setString(1, role);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static StoredMarks awaitDiscordStored(int written, Duration timeout) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), DB_USER, DB_PASSWORD)) {
            return org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .until(() -> StoredMarks.read(c, DiscordCustomers.MARK, series -> true), marks -> marks.timesStored().size() >= written);
        } catch (org.awaitility.core.ConditionTimeoutException notAll) {
            try (Connection c = DriverManager.getConnection(jdbcUrl(), DB_USER, DB_PASSWORD)) {
                return StoredMarks.read(c, DiscordCustomers.MARK, series -> true);
            }
        }
    }

    /** {@code delay} from now, moved later to the middle of a period of the housekeeping job (wall-clock periods, as cron's). */
    static long betweenJobRuns(long delayNanos) {
        long period = Duration.ofSeconds(JOB_PERIOD_SECONDS).toMillis();
        long at = System.currentTimeMillis() + Duration.ofNanos(delayNanos).toMillis();
        long toMiddle = Math.floorMod(period / 2 - Math.floorMod(at, period), period);
        return delayNanos + Duration.ofMillis(toMiddle).toNanos();
    }

    /** Each period of the housekeeping job (its start, in periods since the epoch) → the instances it ran on then. */
    private static Map<Long, List<String>> housekeepingRuns(Map<String, Path> logs) throws Exception {
        TreeMap<Long, List<String>> runs = new TreeMap<>();
        for (Path log : logs.values()) {
            for (String line : Files.readAllLines(log)) {
                Matcher run = HOUSEKEEPING.matcher(line);
                if (run.find()) {
                    long second = Instant.parse(run.group(1)).getEpochSecond();
                    runs.computeIfAbsent(second / JOB_PERIOD_SECONDS, p -> new ArrayList<>()).add(run.group(2));
                }
            }
        }
        return runs;
    }

    /**
     * The admin signs in through instance {@code one}; the same browser (its cookie) is then let in by
     * instance {@code other}, and a browser without the cookie is sent to sign in.
     */
    private static void signedInThroughOneIsSignedInThroughTheOther(ServiceProcess one, ServiceProcess other) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = browser.send(HttpRequest.newBuilder(url(one, "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("the sign-in form carries its CSRF token").isTrue();
        String form = "email=" + URLEncoder.encode("admin@careregistry.local", StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(url(one, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        String landing = URI.create(signedIn.headers().firstValue("Location").orElse("/")).getPath();
        assertThat(landing).as("signed in through %d, sent on to the panel", one.port()).doesNotContain("/login");
        landing = landing.equals("/") ? "/admin" : landing;   // the start page sends an admin on to /admin

        HttpResponse<String> throughOther = browser.send(HttpRequest.newBuilder(url(other, landing)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(throughOther.statusCode()).as("the other instance lets the signed-in browser in at %s", landing).isEqualTo(200);
        assertThat(throughOther.body()).doesNotContain("action=\"/login\"");

        HttpClient stranger = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> withoutCookie = stranger.send(HttpRequest.newBuilder(url(other, landing)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutCookie.statusCode()).as("a browser without the session is sent to sign in").isEqualTo(302);
    }

    private static URI url(ServiceProcess instance, String path) {
        return URI.create("http://localhost:" + instance.port() + path);
    }

    private static String jdbcUrl() {
        return "jdbc:mariadb://" + DB_HOST + "/" + DATABASE;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
