package com.careregistry.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careregistry.DiscordTestApplication;
import com.careregistry.discord.DiscordApiDouble.Call;
import com.careregistry.testsupport.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real JDA against the local double of Discord's REST API and gateway: a customer's direct
 * messages open and follow a ticket with the same conversation as in Telegram, and the bot's
 * answers are POSTed to the DM channel, escaped.
 */
@org.springframework.test.context.ActiveProfiles("discordtest")
@SpringBootTest(classes = DiscordTestApplication.class)
class DiscordDirectMessageTest {

    static final DiscordApiDouble DISCORD = new DiscordApiDouble();
    static final String ANN = "2000000000000000042";
    static final Duration WAIT = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "ccr_discord_test");
        registry.add("careregistry.discord.api-url", DISCORD::restBaseUrl);
        registry.add("careregistry.discord.gateway-url", DISCORD::gatewayUrl);
    }

    @AfterAll
    static void stop() {
        DISCORD.close();
    }

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void cleanSlate() {
        DISCORD.awaitReady(WAIT);
        TestDatabase.wipe(jdbc);
        mark = DISCORD.calls().size();
    }

    /** Calls before this test began; the test looks only after them. */
    private int mark;

    @Test
    void aCustomersDirectMessagesOpenATicketAndTheRepliesArePosted() {
        String dm = DISCORD.newSnowflake();
        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.dmMessageCreate(ANN, "ann", dm, "/new"));
        awaitPost(text -> text.startsWith("Please describe your problem"));

        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.dmMessageCreate(ANN, "ann", dm, "   "));
        awaitPost(text -> text.equals("Query cannot be empty!"));

        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.dmMessageCreate(ANN, "ann", dm, "My **laptop** will not boot"));
        String created = awaitPost(text -> text.startsWith("Ticket #")).body().path("content").asText();
        assertThat(created).contains(" created");
        assertThat(awaitPost(text -> text.startsWith("Ticket #")).body().path("allowed_mentions").path("parse")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT description FROM tickets", String.class)).isEqualTo("My **laptop** will not boot");
        assertThat(jdbc.queryForObject("SELECT channel FROM tickets", String.class)).isEqualTo("DISCORD");

        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.dmMessageCreate(ANN, "ann", dm, "/tickets"));
        assertThat(awaitPost(text -> text.startsWith("Your tickets:")).body().path("content").asText())
                .contains("My \\*\\*laptop\\*\\* will not boot").contains("Agent: N/A");
    }

    @Autowired
    DiscordSender sender;

    /**
     * A process that dies after Discord took a message and before it marked the row sent leaves the
     * row to its successor, which sends it again: the same nonce makes Discord return the first
     * message instead of posting a second one.
     */
    @Test
    void aMessageSentAgainAfterACrashIsStillOneMessage() throws Exception {
        com.careregistry.core.outbox.OutboundMessage row = new com.careregistry.core.outbox.OutboundMessage(987_654_321L,
                com.careregistry.core.common.Channel.DISCORD,
                new com.careregistry.core.common.ChatAddress(com.careregistry.core.common.Channel.DISCORD, ANN, null), null, null,
                "Your ticket is resolved", new java.util.ArrayList<>(), List.of(), null, 1, 0, null, null, null, null, null);

        String first = sender.send(row).externalMessageId();
        String again = sender.send(row).externalMessageId();

        assertThat(again).isEqualTo(first);
        List<Call> posts = DISCORD.calls().subList(mark, DISCORD.calls().size()).stream()
                .filter(call -> call.method().equals("POST") && call.path().endsWith("/messages")
                        && call.body().path("content").asText().equals("Your ticket is resolved"))
                .toList();
        assertThat(posts).hasSize(2).allSatisfy(call -> assertThat(call.body().path("enforce_nonce").asBoolean()).isTrue());
        String channel = posts.get(0).path().split("/")[2];
        assertThat(DISCORD.postedIn(channel)).filteredOn(m -> m.path("content").asText().equals("Your ticket is resolved")).hasSize(1);
    }

    @Test
    void theSameMessageDeliveredTwiceHasOneEffect() throws Exception {
        String dm = DISCORD.newSnowflake();
        String start = DISCORD.dmMessageCreate(ANN, "ann", dm, "/start");
        DISCORD.dispatch("MESSAGE_CREATE", start);
        DISCORD.dispatch("MESSAGE_CREATE", start);
        awaitPost(text -> text.startsWith("Hello ann!"));
        // and no second greeting follows
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(posts()).filteredOn(c -> c.body().path("content").asText().startsWith("Hello ann!")).hasSize(1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_events", Integer.class)).isEqualTo(1);
    }

    @Test
    void slashCommandsAreRegisteredAndAnsweredEphemerallyThenInTheDirectMessages() throws Exception {
        DISCORD.awaitCall("PUT", "/applications/\\d+/commands", WAIT);
        Call registered = DISCORD.calls().stream().filter(c -> c.method().equals("PUT")).findFirst().orElseThrow();
        assertThat(registered.body().toString()).contains("\"ticket\"").contains("\"list\"").contains("\"show\"")
                .contains("\"email\"").contains("\"agent\"");

        String dm = DISCORD.newSnowflake();
        String interaction = DISCORD.newSnowflake();
        DISCORD.dispatch("INTERACTION_CREATE", DISCORD.subcommand(interaction, "token-1", ANN, "ann", dm, "ticket", "list"));

        Call ack = DISCORD.awaitCall("POST", "/interactions/" + interaction + "/token-1/callback", WAIT);
        assertThat(ack.body().path("type").asInt()).isEqualTo(4);
        assertThat(ack.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(ack.body().path("data").path("content").asText()).isEqualTo("I answered you in our direct messages.");
        awaitPost(text -> text.equals("You are yet to raise a ticket"));
    }

    @Test
    void ticketNewOpensAFormWhoseDescriptionOpensTheTicketAndAnEmptyOneIsRefused() throws Exception {
        String dm = DISCORD.newSnowflake();
        String slash = DISCORD.newSnowflake();
        DISCORD.dispatch("INTERACTION_CREATE", DISCORD.subcommand(slash, "token-2", ANN, "ann", dm, "ticket", "new"));
        Call form = DISCORD.awaitCall("POST", "/interactions/" + slash + "/token-2/callback", WAIT);
        assertThat(form.body().path("type").asInt()).as("a modal").isEqualTo(9);
        assertThat(form.body().path("data").path("custom_id").asText()).isEqualTo("new-ticket");

        DISCORD.dispatch("INTERACTION_CREATE", DISCORD.formSubmit(DISCORD.newSnowflake(), "token-3", ANN, "ann", dm, "new-ticket",
                java.util.Map.of("description", "   "), java.util.Map.of()));
        awaitPost(text -> text.equals("Query cannot be empty!"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tickets", Integer.class)).isZero();

        String submit = DISCORD.newSnowflake();
        DISCORD.dispatch("INTERACTION_CREATE", DISCORD.formSubmit(submit, "token-4", ANN, "ann", dm, "new-ticket",
                java.util.Map.of("description", "My screen is cracked"), java.util.Map.of()));
        Call ack = DISCORD.awaitCall("POST", "/interactions/" + submit + "/token-4/callback", WAIT);
        assertThat(ack.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
        awaitPost(text -> text.startsWith("Ticket #") && text.contains(" created"));
        assertThat(jdbc.queryForObject("SELECT description FROM tickets", String.class)).isEqualTo("My screen is cracked");
    }

    @Autowired
    com.careregistry.core.article.ManageArticles articles;

    @Test
    void aFormsDescriptionIsAnsweredWithAMatchingArticleFirstYesOpensNoTicketAndNoOpensItAsDescribed() {
        articles.add(com.careregistry.core.article.ArticleCommand.typed(null, "Cracked screens",
                "Any of our shops replaces a screen within the hour.", "cracked, screen"));
        String dm = DISCORD.newSnowflake();

        Call offer = describeInTheForm(dm, "My screen is cracked");
        DISCORD.dispatch("INTERACTION_CREATE", DISCORD.dmButton(DISCORD.newSnowflake(), "art-1", ANN, "ann", dm, button(offer, "art-yes")));
        awaitPost(text -> text.startsWith("Glad it helped! No ticket was opened."));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tickets", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT outcome FROM article_offers", String.class)).isEqualTo("SOLVED");

        mark = DISCORD.calls().size();
        Call again = describeInTheForm(dm, "The screen is cracked again");
        DISCORD.dispatch("INTERACTION_CREATE", DISCORD.dmButton(DISCORD.newSnowflake(), "art-2", ANN, "ann", dm, button(again, "art-no")));
        awaitPost(text -> text.startsWith("Ticket #") && text.contains(" created"));
        assertThat(jdbc.queryForList("SELECT description FROM tickets", String.class)).containsExactly("The screen is cracked again");
        assertThat(jdbc.queryForList("SELECT outcome FROM article_offers ORDER BY id", String.class)).containsExactly("SOLVED", "OPENED");
    }

    /** Ann describes her problem in the new-ticket form; the matching article comes back with its two buttons, and no ticket yet. */
    private Call describeInTheForm(String dm, String description) {
        DISCORD.dispatch("INTERACTION_CREATE", DISCORD.formSubmit(DISCORD.newSnowflake(), "form-" + description.hashCode(), ANN, "ann", dm,
                "new-ticket", java.util.Map.of("description", description), java.util.Map.of()));
        Call offer = awaitPost(text -> text.startsWith("Before I open your ticket"));
        assertThat(offer.body().path("content").asText()).contains("Cracked screens")
                .contains("Any of our shops replaces a screen within the hour.").endsWith("Did this solve it?");
        assertThat(offer.body().toString()).contains("Yes, that solved it").contains("No, open my ticket");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tickets WHERE description = ?", Integer.class, description)).isZero();
        return offer;
    }

    private static String button(Call message, String kind) {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile(kind + ":\\d+").matcher(message.body().toString());
        assertThat(id.find()).as("a %s button in %s", kind, message.body()).isTrue();
        return id.group();
    }

    private List<Call> posts() {
        List<Call> calls = DISCORD.calls();
        return calls.subList(Math.min(mark, calls.size()), calls.size()).stream().filter(c -> c.method().equals("POST") && c.path().matches("/channels/\\d+/messages"))
                .toList();
    }

    private Call awaitPost(Predicate<String> content) {
        try {
            return await().pollInterval(Duration.ofMillis(20)).atMost(WAIT).until(() -> posts().stream()
                    .filter(call -> content.test(call.body().path("content").asText())).findFirst(), Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no such message; calls: " + DISCORD.calls(), e);
        }
    }
}
