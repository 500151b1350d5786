package com.careregistry.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.DiscordTestApplication;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.agent.CreateAgentCommand;
import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.category.CategoryView;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatUser;
import com.careregistry.discord.DiscordApiDouble.Call;
import com.careregistry.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.forums.ForumTag;
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
 * The Discord forum desk with the real JDA against the local double of Discord's REST API and
 * gateway: with {@code DISCORD_STAFF_FORUM_ID} set (beside a staff text channel, which it takes
 * the place of), a customer's new ticket becomes a post in the forum, its first message the
 * ticket's card as a Components V2 container with Claim · Resolve, tagged Open and with its
 * category; the tags the forum lacked are made first (the staff's own kept). The agent claims:
 * Assigned; resolves: Resolved, and neither Open nor Assigned; a tag staff put on the post by hand
 * stays. A forum with room for few more tags gets the status tags first, then the categories that
 * fit.
 */
@ActiveProfiles("discordtest")
@SpringBootTest(classes = DiscordTestApplication.class)
class DiscordForumDeskTest {

    static final DiscordApiDouble DISCORD = new DiscordApiDouble();
    static final String GUILD = "3200000000000000001";
    static final String STAFF = "3200000000000000002";
    static final String FORUM = "3200000000000000003";
    static final String ANN = "2200000000000000077";
    static final String ANN_DM = "2300000000000000077";
    static final String MARIA = "2200000000000000088";
    static final Duration WAIT = Duration.ofSeconds(15);
    /** A ticket's thread in the staff text channel, from before the desk moved to the forum. */
    static final String OLD_THREAD = "3000000000000000077";

    /** Discord's message flag IS_COMPONENTS_V2. */
    static final int COMPONENTS_V2 = 1 << 15;

    static {
        DISCORD.withGuild(GUILD, STAFF);
        DISCORD.withForum(FORUM, "Urgent", "Open");
        DISCORD.withExistingThread(OLD_THREAD, "#1 · From before the forum");
        DISCORD.withDirectMessageChannel(ANN, ANN_DM);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "ccr_discord_forum_test");
        registry.add("careregistry.discord.api-url", DISCORD::restBaseUrl);
        registry.add("careregistry.discord.gateway-url", DISCORD::gatewayUrl);
        registry.add("careregistry.discord.guild-id", () -> GUILD);
        registry.add("careregistry.discord.staff-channel-id", () -> STAFF);
        registry.add("careregistry.discord.staff-forum-id", () -> FORUM);
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
    DiscordGateway gateway;

    private int mark;

    @BeforeEach
    void cleanSlate() {
        DISCORD.awaitReady(WAIT);
        TestDatabase.wipe(jdbc);
        mark = DISCORD.calls().size();
    }

    @Test
    void aTicketIsAForumPostWhoseStatusTagFollowsItFromOpenToResolved() {
        forumOffers("Urgent", "Open");
        CategoryView billing = categories.create("Billing");
        AgentView maria = agents.create(new CreateAgentCommand("Maria", "Lopez", "maria@example.com", "en",
                Set.of(billing.id(), categories.active().stream().filter(c -> c.name().equals("General")).findFirst().orElseThrow().id())));
        agents.linkChatIdentity(maria.id(), new ChatUser(Channel.DISCORD, MARIA, MARIA, "maria", "en"));

        long number = openedWithTheForm(billing, "I was charged twice\nOnce on Monday, once on Tuesday.");

        // the post, in the forum (not in the staff text channel), named after the ticket
        Call created = await(() -> "no forum post; calls: " + summary(), () -> since().stream()
                .filter(c -> c.method().equals("POST") && c.path().equals("/channels/" + FORUM + "/threads")).findFirst().orElse(null));
        assertThat(created.body().path("name").asText()).isEqualTo("#" + number + " · I was charged twice");
        assertThat(since()).noneMatch(c -> c.path().equals("/channels/" + STAFF + "/threads"));
        String post = recordedThread();
        assertThat(jdbc.queryForObject("SELECT chat_id FROM staff_threads", String.class)).isEqualTo(FORUM);
        assertThat(DISCORD.knownThread(post).path("parent_id").asText()).isEqualTo(FORUM);

        // the forum's missing tags were made first: the statuses, then the categories; the staff's own and the Open it had are kept
        assertThat(DISCORD.forumTagNames()).containsExactly("Urgent", "Open", "Assigned", "Resolved", "Closed", "Billing", "General");
        Call tagsMade = since().stream().filter(c -> c.method().equals("PATCH") && c.path().equals("/channels/" + FORUM))
                .findFirst().orElseThrow();
        assertThat(tagsMade.body().path("available_tags").get(0).path("id").asText()).as("Urgent keeps its id").isNotEmpty();

        // the post is tagged Open and Billing
        assertThat(DISCORD.appliedTagNames(post)).containsExactlyInAnyOrder("Open", "Billing");

        // its first message is the card: a Components V2 container with the ticket's facts and Claim · Resolve
        JsonNode card = created.body().path("message");
        assertThat(card.path("flags").asInt() & COMPONENTS_V2).isEqualTo(COMPONENTS_V2);
        assertThat(card.path("content").asText("")).isEmpty();
        assertThat(card.path("components")).hasSize(1);
        JsonNode container = card.path("components").get(0);
        assertThat(container.path("type").asInt()).as("a container").isEqualTo(17);
        List<Integer> kinds = StreamSupport.stream(container.path("components").spliterator(), false)
                .map(c -> c.path("type").asInt()).toList();
        assertThat(kinds).as("text displays, a divider, then an action row").containsExactly(10, 10, 14, 10, 1);
        String texts = StreamSupport.stream(container.path("components").spliterator(), false)
                .filter(c -> c.path("type").asInt() == 10).map(c -> c.path("content").asText()).reduce("", (a, b) -> a + "\n" + b);
        assertThat(texts).contains("#" + number + " · I was charged twice").contains("Customer: ann").contains("Category: Billing")
                .contains("Channel: DISCORD").contains("Once on Monday, once on Tuesday.");
        assertThat(customIds(container)).containsExactly("claim:" + number, "resolve:" + number);

        // Claim, pressed in the post: Assigned replaces Open
        DISCORD.dispatch("INTERACTION_CREATE", DISCORD.threadButton(DISCORD.newSnowflake(), "claim-token", post, MARIA, "maria",
                "claim:" + number));
        awaitPostIn(ANN_DM, text -> text.startsWith("Agent Maria is now handling your ticket"));
        awaitTags(post, "Assigned", "Billing");

        // staff put their own tag on the post; the agent answers in the post and Ann gets it
        DISCORD.tagByHand(post, "Urgent");
        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.threadMessageCreate(post, MARIA, "maria", "The second charge is refunded"));
        awaitPostIn(ANN_DM, text -> text.contains("The second charge is refunded"));

        // Resolve, pressed in the post: Resolved, and neither Open nor Assigned; the staff's tag stays; the name shows it too
        DISCORD.dispatch("INTERACTION_CREATE", DISCORD.threadButton(DISCORD.newSnowflake(), "resolve-token", post, MARIA, "maria",
                "resolve:" + number));
        awaitPostIn(ANN_DM, text -> text.contains("was marked as resolved by Maria"));
        awaitTags(post, "Resolved", "Billing", "Urgent");
        assertThat(DISCORD.appliedTagNames(post)).doesNotContain("Open", "Assigned");
        assertThat(DISCORD.knownThread(post).path("name").asText()).isEqualTo("✅ #" + number + " · I was charged twice");
        Call retagged = since().stream().filter(c -> c.method().equals("PATCH") && c.path().equals("/channels/" + post)
                && c.body().has("applied_tags") && c.body().has("name")).findFirst().orElseThrow();
        assertThat(retagged.body().path("name").asText()).as("renamed and retagged in one change").startsWith("✅");

        // the later notes in the post are plain messages, as in a text channel's thread
        assertThat(postsIn(post)).allSatisfy(c -> assertThat(c.body().path("flags").asInt() & COMPONENTS_V2).isZero());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_messages WHERE status = 'DEAD'", Integer.class)).isZero();
    }

    @Test
    void aForumWithLittleRoomGetsTheStatusTagsFirstThenTheCategoriesThatFit() {
        List<String> own = new ArrayList<>();
        for (int team = 1; team <= 14; team++) {
            own.add("Team " + team);
        }
        forumOffers(own.toArray(String[]::new));
        CategoryView shipping = categories.create("Shipping");
        categories.create("Billing");
        categories.create("Returns");

        long number = openedWithTheForm(shipping, "My parcel never came");
        String post = recordedThread();

        // 14 of theirs + 4 statuses + the first 2 categories by name: the forum's 20
        List<String> offered = DISCORD.forumTagNames();
        assertThat(offered).hasSize(20).containsAll(own).contains("Open", "Assigned", "Resolved", "Closed", "Billing", "General")
                .doesNotContain("Returns", "Shipping");
        assertThat(DISCORD.appliedTagNames(post)).as("ticket #" + number + " in Shipping").containsExactly("Open");
    }

    @Test
    void aTicketWhoseThreadIsInTheOldTextChannelGetsAPostInTheForum() {
        forumOffers("Urgent", "Open");
        CategoryView general = categories.active().stream().filter(c -> c.name().equals("General")).findFirst().orElseThrow();
        long number = openedWithTheForm(general, "Printer jams");
        recordedThread();
        // as if the ticket had been opened before DISCORD_STAFF_FORUM_ID was set: its thread in the text channel
        TestDatabase.update(jdbc, "UPDATE staff_threads SET chat_id = ?, thread_id = ?", STAFF, OLD_THREAD);
        mark = DISCORD.calls().size();

        DISCORD.dispatch("MESSAGE_CREATE", DISCORD.dmMessageCreate(ANN, "ann", ANN_DM, "It jams on every page"));
        await(() -> "no new forum post; calls: " + summary(), () -> since().stream()
                .filter(c -> c.method().equals("POST") && c.path().equals("/channels/" + FORUM + "/threads")).findFirst().orElse(null));
        assertThat(postsIn(OLD_THREAD)).as("where agents' answers are no longer read").isEmpty();
        // recorded once the post is made (just after the call the double saw)
        await(() -> "the ticket's thread is still " + jdbc.queryForObject("SELECT chat_id FROM staff_threads", String.class),
                () -> FORUM.equals(jdbc.queryForObject("SELECT chat_id FROM staff_threads", String.class)) ? FORUM : null);
        assertThat(number).isPositive();
    }

    // ------------------------------------------------------------------ helpers

    /** The ticket's thread (its forum post) once the sender recorded it, which it does just after the call the double saw. */
    private String recordedThread() {
        return await(() -> "no thread recorded; calls: " + summary(), () -> jdbc.query("SELECT thread_id FROM staff_threads", rs -> rs.next() ? rs.getString(1) : null));
    }

    /** The forum offers these tags now, and the bot knows it. */
    private void forumOffers(String... names) {
        DISCORD.replaceForumTags(names);
        await(() -> "the bot does not see the forum's tags " + List.of(names) + "; it sees "
                + (gateway.jda() == null ? "no client" : gateway.jda().getGuildChannelById(FORUM) + " " + gateway.jda().getGuilds()
                + (gateway.jda().getForumChannelById(FORUM) == null ? "" : gateway.jda().getForumChannelById(FORUM).getAvailableTags())), () -> {
            ForumChannel forum = gateway.jda() == null ? null : gateway.jda().getForumChannelById(FORUM);
            return forum != null && forum.getAvailableTags().stream().map(ForumTag::getName).toList().equals(List.of(names)) ? forum : null;
        });
    }

    /** Ann opens a ticket in a category with the /ticket new form; its number. */
    private long openedWithTheForm(CategoryView category, String description) {
        DISCORD.dispatch("INTERACTION_CREATE", DISCORD.formSubmit(DISCORD.newSnowflake(), "submit-token", ANN, "ann", ANN_DM,
                "new-ticket", Map.of("description", description), Map.of("category", List.of(String.valueOf(category.id())))));
        awaitPostIn(ANN_DM, text -> text.startsWith("Ticket #") && text.contains(" created"));
        return jdbc.queryForObject("SELECT number FROM tickets", Long.class);
    }

    private void awaitTags(String post, String... names) {
        await(() -> "post " + post + " is tagged " + DISCORD.appliedTagNames(post) + ", not " + List.of(names),
                () -> Set.copyOf(DISCORD.appliedTagNames(post)).equals(Set.of(names)) ? post : null);
    }

    private static List<String> customIds(JsonNode container) {
        return StreamSupport.stream(container.path("components").spliterator(), false)
                .filter(child -> child.path("type").asInt() == 1)
                .flatMap(row -> StreamSupport.stream(row.path("components").spliterator(), false))
                .map(button -> button.path("custom_id").asText()).toList();
    }

    private List<Call> since() {
        List<Call> calls = DISCORD.calls();
        return calls.subList(Math.min(mark, calls.size()), calls.size());
    }

    private String summary() {
        return since().stream().map(c -> c.method() + " " + c.path()).toList().toString();
    }

    private List<Call> postsIn(String channelId) {
        return since().stream().filter(c -> c.method().equals("POST") && c.path().equals("/channels/" + channelId + "/messages")).toList();
    }

    private Call awaitPostIn(String channelId, Predicate<String> content) {
        return await(() -> "no such message in " + channelId + "; posts there: "
                + postsIn(channelId).stream().map(c -> c.body().path("content").asText()).toList() + "; calls: " + summary(),
                () -> postsIn(channelId).stream().filter(c -> content.test(c.body().path("content").asText())).findFirst().orElse(null));
    }

    private static <T> T await(java.util.function.Supplier<String> missing, java.util.function.Supplier<T> found) {
        try {
            return Awaitility.await().pollInterval(Duration.ofMillis(20)).atMost(WAIT).until(found::get, Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(missing.get(), e);
        }
    }
}
