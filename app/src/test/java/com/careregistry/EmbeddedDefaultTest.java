package com.careregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import com.careregistry.core.common.Channel;
import com.careregistry.core.inbox.InboundEvent;
import com.careregistry.core.inbox.Inbox;
import java.util.List;

/**
 * The embedded default, as a fresh clone runs it: H2 in file mode, no tokens, no SMTP. The
 * migrations run on H2, the schema validates, the panel and /actuator/health answer, both chat
 * adapters say they are off; a second start on the same files finds its data again.
 */
class EmbeddedDefaultTest {

    @TempDir
    Path workDir;

    @Test
    void startsOnH2WithNothingConfiguredAndKeepsItsDataAcrossRestarts() throws Exception {
        String url = "jdbc:h2:file:" + workDir.resolve("data/careregistry") + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE";
        try (ConfigurableApplicationContext app = start(url)) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            HttpResponse<String> health = get(port, "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");

            HttpResponse<String> start = get(port, "/");
            assertThat(start.statusCode()).as("the panel asks who you are").isEqualTo(302);
            assertThat(start.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
            HttpResponse<String> login = get(port, "/login");
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("Customer Care Registry").contains("Sign in");

            assertThat(wrongPassword(port, login)).as("a refused sign-in, counted by the throttle on H2 too")
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));

            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sign_in_throttles", Integer.class)).isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM accounts", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT name FROM categories", String.class)).isEqualTo("General");
            assertThat(jdbc.queryForObject("SELECT NEXT VALUE FOR ticket_numbers", Long.class)).isGreaterThanOrEqualTo(1001L);
            Inbox inbox = app.getBean(Inbox.class);
            InboundEvent update = new InboundEvent(Channel.TELEGRAM, "x", "TELEGRAM:1", "{\"update_id\":1}");
            assertThat(inbox.append(List.of(update, new InboundEvent(Channel.TELEGRAM, "y", "TELEGRAM:1", "{}")))).isEqualTo(2);
            assertThat(inbox.append(update)).as("the inbox's duplicate check works on H2 too").isZero();

            // the panel's search, which H2 does without FULLTEXT: a word only in a message finds its ticket
            var ann = app.getBean(com.careregistry.core.customer.CustomerDirectory.class)
                    .register(new com.careregistry.core.common.ChatUser(Channel.TELEGRAM, "77", "77", "Ann", "en"));
            var ticket = app.getBean(com.careregistry.core.ticket.OpenTicket.class)
                    .open(new com.careregistry.core.ticket.OpenTicketCommand(ann.id(), null, "Where is my order?", Channel.TELEGRAM));
            app.getBean(com.careregistry.core.ticket.PostCustomerMessage.class).post(new com.careregistry.core.ticket.PostCustomerMessage.Command(
                    ann.id(), ticket.number(), com.careregistry.core.ticket.MessageContent.text("The parcel was left next door", Channel.TELEGRAM, "m-1")));
            var found = app.getBean(com.careregistry.core.ticket.TicketBrowser.class)
                    .page(new com.careregistry.core.ticket.TicketBrowser.Filter(null, null, null, null, "PARCEL", null, null), null);
            assertThat(found.rows()).singleElement().satisfies(row -> assertThat(row.number()).isEqualTo(ticket.number().value()));
            assertThat(found.match(found.rows().get(0).id()).hit()).isEqualTo("parcel");

            // the dashboard's numbers, which are plain SQL on both databases
            var trends = app.getBean(com.careregistry.core.ticket.DeskTrends.class);
            assertThat(trends.backlogPerDay().values()).last().isEqualTo(1L);
            assertThat(trends.firstResponses().get(com.careregistry.core.ticket.DeskTrends.Wait.WAITING)).isEqualTo(1L);
            assertThat(trends.satisfactionPerWeek()).hasSize(com.careregistry.core.ticket.DeskTrends.WEEKS);
            assertThat(app.getBean(com.careregistry.core.sla.SlaStats.class).perDay()).isNotEmpty();
            // topics in customers' chats and business connections (issue 16), on H2 too
            var topics = app.getBean(com.careregistry.core.topic.CustomerTopics.class);
            var chat = new com.careregistry.core.common.ChatAddress(Channel.TELEGRAM, "77", null);
            topics.record(ticket.id(), new com.careregistry.core.common.ChatAddress(Channel.TELEGRAM, "77", "5"));
            assertThat(topics.ticketIn(new com.careregistry.core.common.ChatAddress(Channel.TELEGRAM, "77", "5"))).contains(ticket.number());
            assertThat(topics.find(ticket.id(), chat)).hasValueSatisfying(topic -> assertThat(topic.threadId()).isEqualTo("5"));
            var business = app.getBean(com.careregistry.core.business.BusinessConnections.class);
            java.time.Instant now = java.time.Instant.now();
            business.connected(new com.careregistry.core.business.BusinessConnections.Connection(Channel.TELEGRAM, "bc-1", "9", "Acme",
                    true, true, now, now));
            business.customerWrote(Channel.TELEGRAM, "77", "bc-1");
            assertThat(business.routeOf(Channel.TELEGRAM, "77")).hasValueSatisfying(route -> assertThat(route.refusal(now)).isEmpty());
        }
        assertThat(Files.list(workDir.resolve("data")).map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("careregistry"));

        try (ConfigurableApplicationContext again = start(url)) {
            JdbcTemplate jdbc = again.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM accounts", Integer.class)).as("no second admin").isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_events", Integer.class)).as("stored events survive").isEqualTo(2);
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplication(CareRegistryApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + url, "--careregistry.outbox.poll-interval=200ms");
    }

    /** Posts the sign-in form with a wrong password, with the page's session and CSRF token; where it sends us. */
    private static java.util.Optional<String> wrongPassword(int port, HttpResponse<String> loginPage)
            throws IOException, InterruptedException {
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(token.find()).isTrue();
        String session = loginPage.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String form = "email=admin%40careregistry.local&password=not-the-password&_csrf="
                + java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/login")).header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location");
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
