package com.careregistry.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.DiscordTestApplication;
import com.careregistry.core.agent.Agent;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.agent.CreateAgentCommand;
import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.category.CategoryView;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.text.Texts;
import com.careregistry.discord.DiscordApiDouble.Call;
import com.careregistry.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole Discord story with the real JDA against the local double of Discord's REST API and
 * gateway, with a guild whose staff channel holds the tickets' threads: the customer opens a ticket
 * in the DMs, the ticket's thread is made with its card and Claim · Resolve, the agent claims by
 * the button and answers in the thread, a stranger's words in the thread reach nobody, the agent
 * resolves by the button, the customer closes, rates with the stars and comments in the form.
 * Then the form with a category to choose, and a customer whose Discord speaks Spanish.
 */
@ActiveProfiles("discordtest")
@SpringBootTest(classes = DiscordTestApplication.class)
class DiscordStaffThreadTest {

    static final DiscordApiDouble DISCORD = new DiscordApiDouble();
    static final String GUILD = "3000000000000000001";
    static final String STAFF = "3000000000000000002";
    static final String ANN = "2000000000000000077";
    static final String MARIA = "2000000000000000088";
    static final String STRANGER = "2000000000000000099";
    static final Duration WAIT = Duration.ofSeconds(15);

    static final String ANN_DM = "2100000000000000077";

    static {
        DISCORD.withGuild(GUILD, STAFF);
        DISCORD.withDirectMessageChannel(ANN, ANN_DM);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "ccr_discord_test");
        registry.add("careregistry.discord.api-url", DISCORD::restBaseUrl);
        registry.add("careregistry.discord.gateway-url", DISCORD::gatewayUrl);
        registry.add("careregistry.discord.guild-id", () -> GUILD);
        registry.add("careregistry.discord.staff-channel-id", () -> STAFF);
    }

    @AfterAll
    static void stop() {
        DISCORD.close();
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManageAgents agents;
    @Autowired
    ManageCategories categories;
    @Autowired
    Texts texts;
    @Autowired
    com.careregistry.core.canned.ManageCannedAnswers canned;

    /** Calls before this test began; the test looks only after them. */
    private int mark;

    @BeforeEach
    void cleanSlate() {
        DISCORD.awaitReady(WAIT);
        TestDatabase.wipe(jdbc);
        mark = DISCORD.calls().size();
    }

    @Test
    void aTicketIsWorkedOnInItsThreadFromClaimToRating() {
        Long general = categories.active().get(0).id();
        AgentView maria = agents.create(new CreateAgentCommand("Maria", "Lopez", "maria@example.com", "en", Set.of(general)));
        agents.linkChatIdentity(maria.id(), new ChatUser(Channel.DISCORD, MARIA, MARIA, "maria", "en"));

        String dm = ANN_DM;
        long number = openedInDirectMessages("My router blinks red");

        // the thread, named after the ticket, opened by the card with Claim · Resolve
        String thread = threadIdNamed("#" + number + " · My router blinks red");
        Call card = awaitPostIn(thread, text -> text.contains("My router blinks red") && text.contains("DISCORD"));
        assertThat(customIds(card.body())).containsExactly("claim:" + number, "resolve:" + number);

        // Claim, pressed in the thread by the agent
        String claim = DISCORD.newSnowflake();
        DISCORD.dispatch("INTERACTION_CREATE", DISCORD.threadButton(claim, "claim-token", thread, MARIA, "maria", "claim:" + number));
        Call ack = DISCORD.awaitCall("POST", "/interactions/" + claim + "/claim-token/callback", WAIT);
        assertThat(ack.body().path("type").asInt()).as("the button is acknowledged without a new message").isEqualTo(6);
        awaitPostIn(dm, text -> text.startsWith("Agent Maria is now handling your ticket"));
        assertThat(jdbc.queryForObject("SELECT status FROM tickets", String.class)).isEqualTo("ASSIGNED");
        assertThat(jdbc.queryForObject("SELECT agent_id FROM tickets", Long.class)).isEqualTo(maria.id());

        // the agent's message in the thread reaches the customer's DMs; a stranger's reaches nobody
        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.threadMessageCreate(thread, MARIA, "maria", "Unplug it for a minute"));
        awaitPostIn(dm, text -> text.contains("Unplug it for a minute"));
        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.threadMessageCreate(thread, STRANGER, "eve", "Send me your password"));
        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.threadMessageCreate(thread, MARIA, "maria", "Is it green now?"));
        awaitPostIn(dm, text -> text.contains("Is it green now?"));
        assertThat(postsIn(dm)).noneMatch(c -> c.body().path("content").asText().contains("password"));

        // Resolve, pressed in the thread: the customer is told, the thread's name shows it
        DISCORD.dispatch("INTERACTION_CREATE", DISCORD.threadButton(DISCORD.newSnowflake(), "resolve-token", thread, MARIA, "maria",
                "resolve:" + number));
        awaitPostIn(dm, text -> text.startsWith("Your ticket") && text.contains("was marked as resolved by Maria"));
        assertThat(jdbc.queryForObject("SELECT status FROM tickets", String.class)).isEqualTo("RESOLVED");
        awaitThreadName(thread, "✅ #" + number + " · My router blinks red");

        // the customer closes with /ticket close and the confirmation button
        DISCORD.dispatch("INTERACTION_CREATE",
                DISCORD.subcommand(DISCORD.newSnowflake(), "close-token", ANN, "ann", dm, "ticket", "close"));
        Call confirm = awaitPostIn(dm, text -> text.startsWith("Do you really want to close ticket"));
        assertThat(customIds(confirm.body())).contains("close-yes:" + number);
        DISCORD.dispatch("INTERACTION_CREATE", DISCORD.dmButton(DISCORD.newSnowflake(), "yes-token", ANN, "ann", dm, "close-yes:" + number));
        Call stars = awaitPostIn(dm, text -> text.contains("is closed"));
        assertThat(customIds(stars.body())).containsExactly("rate:" + number + ":1", "rate:" + number + ":2",
                "rate:" + number + ":3", "rate:" + number + ":4", "rate:" + number + ":5");
        assertThat(jdbc.queryForObject("SELECT status FROM tickets", String.class)).isEqualTo("CLOSED");

        // four stars count at once and open the comment form; the form adds the comment
        String rate = DISCORD.newSnowflake();
        DISCORD.dispatch("INTERACTION_CREATE", DISCORD.dmButton(rate, "rate-token", ANN, "ann", dm, "rate:" + number + ":4"));
        Call form = DISCORD.awaitCall("POST", "/interactions/" + rate + "/rate-token/callback", WAIT);
        assertThat(form.body().path("type").asInt()).as("a modal").isEqualTo(9);
        assertThat(form.body().path("data").path("custom_id").asText()).isEqualTo("rate-comment:" + number);
        assertThat(form.body().path("data").path("title").asText()).isEqualTo("Rate ticket #" + number);
        awaitPostIn(dm, "Thank you for your rating!"::equals);
        assertThat(jdbc.queryForObject("SELECT rating FROM tickets", Integer.class)).isEqualTo(4);

        String comment = DISCORD.newSnowflake();
        DISCORD.dispatch("INTERACTION_CREATE", DISCORD.formSubmit(comment, "comment-token", ANN, "ann", dm, "rate-comment:" + number,
                Map.of("comment", "Quick and kind"), Map.of()));
        Call thanks = DISCORD.awaitCall("POST", "/interactions/" + comment + "/comment-token/callback", WAIT);
        assertThat(thanks.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
        awaitPostIn(thread, text -> text.contains("★★★★") && text.contains("Quick and kind"));
        assertThat(jdbc.queryForObject("SELECT rating_comment FROM tickets", String.class)).isEqualTo("Quick and kind");
        awaitThreadName(thread, "🔒 #" + number + " · My router blinks red");
    }

    @Test
    void aCustomersFilesArriveInTheThreadAsFilesAndOnesThatCannotAreNamedWithTheReason() {
        String dm = ANN_DM;
        long number = openedInDirectMessages("My screen is cracked");
        String thread = threadIdNamed("#" + number + " · My screen is cracked");

        byte[] photo = new byte[3000];
        new java.util.Random(7).nextBytes(photo);
        String url = DISCORD.cdnFile("crack.png", photo);
        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.dmMessageWithAttachment(ANN, "ann", dm, "Here it is", "crack.png", url,
                photo.length, "image/png"));
        awaitPostIn(thread, text -> text.contains("Here it is") && text.contains("crack.png"));
        DiscordApiDouble.Upload upload = awaitUpload("crack.png");
        assertThat(upload.path()).isEqualTo("/channels/" + thread + "/messages");
        assertThat(upload.bytes()).isEqualTo(photo);
        assertThat(jdbc.queryForObject("SELECT file_ref FROM ticket_message_attachments", String.class)).isEqualTo(url);

        // a file over Discord's limit for bots, and one that is gone, are named with the reason
        byte[] huge = new byte[(int) DiscordSender.MAX_UPLOAD_BYTES + 1];
        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.dmMessageWithAttachment(ANN, "ann", dm, "", "video.mov",
                DISCORD.cdnFile("video.mov", huge), huge.length, "video/quicktime"));
        awaitPostIn(thread, text -> text.contains("video.mov was not forwarded: it is larger than 10 MB."));
        String gone = DISCORD.cdnFile("old.pdf", new byte[1]).replace("old.pdf", "missing.pdf");
        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.dmMessageWithAttachment(ANN, "ann", dm, "", "missing.pdf", gone, 10,
                "application/pdf"));
        awaitPostIn(thread, text -> text.contains("missing.pdf could not be forwarded: the file is no longer available."));
        assertThat(DISCORD.uploads()).extracting(DiscordApiDouble.Upload::fileName).containsExactly("crack.png");
    }

    @Test
    void anArchivedThreadIsReopenedAndADeletedOneMadeAgainWhenTheTicketHasNews() {
        String dm = ANN_DM;
        long number = openedInDirectMessages("The printer jams");
        String first = threadIdNamed("#" + number + " · The printer jams");
        awaitPostIn(first, text -> text.contains("The printer jams"));

        // archived by Discord after a quiet day: reopened, and the message posted in it
        DISCORD.archiveThread(first);
        await(() -> "thread not archived in the double", () -> DISCORD.knownThread(first).path("thread_metadata")
                .path("archived").asBoolean() ? true : null);
        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.dmMessageCreate(ANN, "ann", dm, "Still jammed"));
        awaitPostIn(first, text -> text.contains("Still jammed"));
        assertThat(since()).anySatisfy(call -> {
            assertThat(call.method()).isEqualTo("PATCH");
            assertThat(call.path()).isEqualTo("/channels/" + first);
            assertThat(call.body().path("archived").asBoolean(true)).isFalse();
        });

        // deleted without the bot hearing of it: Discord answers Unknown Channel, and a new thread takes the message
        DISCORD.threadDeleted(first);
        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.dmMessageCreate(ANN, "ann", dm, "Paper everywhere"));
        String second = await(() -> "no second thread", () -> {
            String id = jdbc.queryForObject("SELECT thread_id FROM staff_threads", String.class);
            return id.equals(first) ? null : id;
        });
        awaitPostIn(second, text -> text.contains("Paper everywhere"));

        // deleted with THREAD_DELETE: made again on the next news too
        DISCORD.threadDeleted(second);
        DISCORD.dispatch("THREAD_DELETE", DISCORD.threadDeleteEvent(second));
        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.dmMessageCreate(ANN, "ann", dm, "Now it smokes"));
        String third = await(() -> "no third thread", () -> {
            String id = jdbc.queryForObject("SELECT thread_id FROM staff_threads", String.class);
            return id.equals(second) ? null : id;
        });
        awaitPostIn(third, text -> text.contains("Now it smokes"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_messages WHERE status = 'DEAD'", Integer.class)).isZero();
    }

    @Test
    void withSeveralCategoriesTheFormAsksForOneAndTheTicketOpensThere() {
        CategoryView billing = categories.create("Billing");
        String dm = ANN_DM;
        String slash = DISCORD.newSnowflake();
        DISCORD.dispatch("INTERACTION_CREATE", DISCORD.subcommand(slash, "new-token", ANN, "ann", dm, "ticket", "new"));
        Call form = DISCORD.awaitCall("POST", "/interactions/" + slash + "/new-token/callback", WAIT);
        assertThat(form.body().path("type").asInt()).isEqualTo(9);
        JsonNode select = form.body().path("data").path("components").get(0).path("component");
        assertThat(select.path("type").asInt()).as("a string select").isEqualTo(3);
        assertThat(select.path("custom_id").asText()).isEqualTo("category");
        assertThat(StreamSupport.stream(select.path("options").spliterator(), false).map(o -> o.path("label").asText()).toList())
                .containsExactlyInAnyOrder("General", "Billing");

        DISCORD.dispatch("INTERACTION_CREATE", DISCORD.formSubmit(DISCORD.newSnowflake(), "submit-token", ANN, "ann", dm, "new-ticket",
                Map.of("description", "I was charged twice"), Map.of("category", List.of(String.valueOf(billing.id())))));
        awaitPostIn(dm, text -> text.startsWith("Ticket #") && text.contains(" created"));
        assertThat(jdbc.queryForObject("SELECT category_id FROM tickets", Long.class)).isEqualTo(billing.id());
        assertThat(jdbc.queryForObject("SELECT description FROM tickets", String.class)).isEqualTo("I was charged twice");
    }

    @Test
    void aCustomerWhoseDiscordSpeaksSpanishIsAnsweredInSpanish() {
        String dm = ANN_DM;
        String slash = DISCORD.newSnowflake();
        DISCORD.dispatch("INTERACTION_CREATE",
                DiscordApiDouble.withLocale(DISCORD.subcommand(slash, "es-token", ANN, "ann", dm, "ticket", "list"), "es-ES"));
        Call ack = DISCORD.awaitCall("POST", "/interactions/" + slash + "/es-token/callback", WAIT);
        assertThat(ack.body().path("data").path("content").asText()).isEqualTo(texts.get("es", "bot.discord.answered-in-dm"));
        String none = texts.get("es", "tickets.none");
        assertThat(none).isNotEqualTo("You are yet to raise a ticket");
        awaitPostIn(dm, none::equals);

        // a later direct message carries no locale: the customer is still spoken to in Spanish
        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.dmMessageCreate(ANN, "ann", dm, "/tickets"));
        awaitPostIn(dm, none::equals, 2);
    }

    @Test
    void anAgentSendsACannedAnswerWithSlashCannedItsNameCompletedAsTheyType() {
        AgentView maria = agents.create(new CreateAgentCommand("Maria", "Lopez", "maria@example.com", "en",
                Set.of(categories.active().get(0).id())));
        agents.linkChatIdentity(maria.id(), new ChatUser(Channel.DISCORD, MARIA, MARIA, "maria", "en"));
        canned.save("refund", "Hello {customer}, your refund for {ticket} is on its way. {agent}");
        canned.save("greeting", "Hello {customer}!");
        canned.saveOwn(maria.id(), "refund-late", "Sorry it is late, {customer}.");
        long number = openedInDirectMessages("I was charged twice");
        String thread = threadIdNamed("#" + number + " · I was charged twice");

        // Maria types /canned ref: Discord asks for completion, the bot answers with the names she can send
        String typing = DISCORD.newSnowflake();
        DISCORD.dispatch("INTERACTION_CREATE", DISCORD.threadAutocomplete(typing, "typing-token", thread, MARIA, "maria", "canned", "name", "ref"));
        Call choices = DISCORD.awaitCall("POST", "/interactions/" + typing + "/typing-token/callback", WAIT);
        assertThat(choices.body().path("type").asInt()).as("completion choices").isEqualTo(8);
        assertThat(choices.body().path("data").path("choices").findValuesAsText("value")).containsExactly("refund", "refund-late");

        // someone who is not an agent is offered nothing
        String stranger = DISCORD.newSnowflake();
        DISCORD.dispatch("INTERACTION_CREATE", DISCORD.threadAutocomplete(stranger, "eve-token", thread, STRANGER, "eve", "canned", "name", ""));
        assertThat(DISCORD.awaitCall("POST", "/interactions/" + stranger + "/eve-token/callback", WAIT).body().path("data").path("choices"))
                .isEmpty();

        // she picks refund: acknowledged to her alone, and Ann gets it filled in
        String slash = DISCORD.newSnowflake();
        DISCORD.dispatch("INTERACTION_CREATE", DISCORD.threadSlashCommand(slash, "canned-token", thread, MARIA, "maria", "canned",
                Map.of("name", "refund")));
        Call ack = DISCORD.awaitCall("POST", "/interactions/" + slash + "/canned-token/callback", WAIT);
        assertThat(ack.body().path("data").path("content").asText()).isEqualTo("Sending refund to the customer.");
        assertThat(ack.body().path("data").path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        awaitPostIn(ANN_DM, text -> text.contains("Hello ann, your refund for #" + number + " is on its way. Maria"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket_messages WHERE author_type = 'AGENT'", Integer.class)).isOne();
    }

    // ------------------------------------------------------------------ helpers

    /** Ann opens a ticket in her DMs (/new, then the description); its number. */
    @Test
    void receiptsBothWaysAndAnAgentsEditReachesTheCustomersCopy() {
        Long general = categories.active().get(0).id();
        AgentView maria = agents.create(new CreateAgentCommand("Maria", "Lopez", "maria@example.com", "en", Set.of(general)));
        agents.linkChatIdentity(maria.id(), new ChatUser(Channel.DISCORD, MARIA, MARIA, "maria", "en"));
        long number = openedInDirectMessages("My router blinks red");
        String thread = threadIdNamed("#" + number + " · My router blinks red");

        // the customer's message reached the thread: the bot reacts to it in the DMs
        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.dmMessageCreate(ANN, "ann", ANN_DM, "It blinks twice a second"));
        awaitPostIn(thread, text -> text.contains("It blinks twice a second"));
        String sentId = jdbc.queryForObject("SELECT external_message_id FROM ticket_messages WHERE body = 'It blinks twice a second'",
                String.class).split(":")[1];
        DISCORD.awaitCall("PUT", "/channels/" + ANN_DM + "/messages/" + sentId + "/reactions/.+/@me", WAIT);

        // the agent's message reached the customer: the bot reacts to it in the thread
        String create = DISCORD.threadMessageCreate(thread, MARIA, "maria", "Unplug it for a minute");
        String mariasMessage = messageIdIn(create);
        DISCORD.dispatch("MESSAGE_CREATE", create);
        Call copy = awaitPostIn(ANN_DM, text -> text.contains("Unplug it for a minute"));
        DISCORD.awaitCall("PUT", "/channels/" + thread + "/messages/" + mariasMessage + "/reactions/.+/@me", WAIT);

        // Maria edits her message in the thread: Ann's copy is edited in place
        DISCORD.dispatch("MESSAGE_UPDATE", DISCORD.threadMessageUpdate(thread, mariasMessage, MARIA, "maria",
                "Unplug it for two minutes"));
        Call edit = DISCORD.awaitCall("PATCH", "/channels/" + ANN_DM + "/messages/.+", WAIT);
        assertThat(edit.path()).endsWith("/" + copyId(copy));
        assertThat(edit.body().path("content").asText()).contains("Unplug it for two minutes");
        assertThat(jdbc.queryForObject("SELECT previous_body FROM ticket_message_edits", String.class)).isEqualTo("Unplug it for a minute");
    }

    private static String messageIdIn(String payload) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload).path("id").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The id Discord gave the copy of Maria's message in Ann's DMs, as the outbox recorded it. */
    private String copyId(Call copy) {
        return jdbc.queryForObject("SELECT external_message_id FROM outbox_messages WHERE body LIKE ? AND chat_id = ?", String.class,
                "%Unplug it for a minute%", ANN);
        // the call is the one that posted it
    }

    private long openedInDirectMessages(String description) {
        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.dmMessageCreate(ANN, "ann", ANN_DM, "/new"));
        awaitPostIn(ANN_DM, text -> text.startsWith("Please describe your problem"));
        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.dmMessageCreate(ANN, "ann", ANN_DM, description));
        awaitPostIn(ANN_DM, text -> text.startsWith("Ticket #") && text.contains(" created"));
        return jdbc.queryForObject("SELECT number FROM tickets", Long.class);
    }

    private static List<String> customIds(JsonNode message) {
        return StreamSupport.stream(message.path("components").spliterator(), false)
                .flatMap(row -> StreamSupport.stream(row.path("components").spliterator(), false))
                .map(button -> button.path("custom_id").asText()).toList();
    }

    private String threadIdNamed(String name) {
        return await(() -> "no thread " + name + "; calls: " + since(), () -> since().stream()
                .anyMatch(call -> call.method().equals("POST") && call.path().equals("/channels/" + STAFF + "/threads")
                        && name.equals(call.body().path("name").asText()))
                ? jdbc.query("SELECT thread_id FROM staff_threads WHERE channel = 'DISCORD'", rs -> rs.next() ? rs.getString(1) : null)
                : null);
    }

    private void awaitThreadName(String threadId, String name) {
        await(() -> "thread " + threadId + " is not named " + name + ": " + DISCORD.knownThread(threadId), () -> {
            JsonNode thread = DISCORD.knownThread(threadId);
            return thread != null && name.equals(thread.path("name").asText()) ? thread : null;
        });
    }

    private List<Call> since() {
        List<Call> calls = DISCORD.calls();
        return calls.subList(Math.min(mark, calls.size()), calls.size());
    }

    private List<Call> postsIn(String channelId) {
        return since().stream().filter(c -> c.method().equals("POST") && c.path().equals("/channels/" + channelId + "/messages")).toList();
    }

    private Call awaitPostIn(String channelId, Predicate<String> content) {
        return awaitPostIn(channelId, content, 1);
    }

    /** Waits for the {@code count}th message POSTed to the channel whose text passes. */
    private Call awaitPostIn(String channelId, Predicate<String> content, int count) {
        return await(() -> "no such message in " + channelId + "; posts there: "
                + postsIn(channelId).stream().map(c -> c.body().path("content").asText()).toList()
                + "; all calls since the test began: " + since().stream().map(c -> c.method() + " " + c.path()).toList(), () -> {
            List<Call> matching = postsIn(channelId).stream().filter(c -> content.test(c.body().path("content").asText())).toList();
            return matching.size() >= count ? matching.get(count - 1) : null;
        });
    }

    private DiscordApiDouble.Upload awaitUpload(String fileName) {
        return await(() -> "no upload of " + fileName + "; uploads: " + DISCORD.uploads(),
                () -> DISCORD.uploads().stream().filter(upload -> upload.fileName().equals(fileName)).findFirst().orElse(null));
    }

    /** Waits until {@code found} gives something (not null); else fails saying what was missing. */
    private static <T> T await(java.util.function.Supplier<String> missing, java.util.function.Supplier<T> found) {
        try {
            return Awaitility.await().pollInterval(Duration.ofMillis(20)).atMost(WAIT).until(found::get, Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(missing.get(), e);
        }
    }
}
