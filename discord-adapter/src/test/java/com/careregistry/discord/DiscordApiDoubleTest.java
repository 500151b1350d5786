package com.careregistry.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.components.container.Container;
import net.dv8tion.jda.api.components.textdisplay.TextDisplay;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.forums.ForumPost;
import net.dv8tion.jda.api.entities.channel.forums.ForumTag;
import net.dv8tion.jda.api.entities.channel.forums.ForumTagData;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/** Self-test of {@link DiscordApiDouble}: a real JDA 6.5 talks only to the double. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(60)
class DiscordApiDoubleTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String USER_ID = "2000000000000000001";

    private final List<GenericEvent> events = new CopyOnWriteArrayList<>();
    private DiscordApiDouble discord;
    private JDA jda;

    @BeforeAll
    void start() throws InterruptedException {
        discord = new DiscordApiDouble();
        String gateway = discord.gatewayUrl();
        jda = JDABuilder.createLight("test-token", GatewayIntent.DIRECT_MESSAGES, GatewayIntent.MESSAGE_CONTENT,
                        GatewayIntent.GUILD_MESSAGES)
                .setRestConfig(new RestConfig().setBaseUrl(discord.restBaseUrl()))
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return gateway;
                    }
                })
                .setCompression(Compression.NONE)
                .addEventListeners((net.dv8tion.jda.api.hooks.EventListener) events::add)
                .build();
        jda.awaitReady();
    }

    @AfterAll
    void stop() {
        try {
            if (jda != null) {
                jda.shutdownNow();
            }
        } finally {
            if (discord != null) {
                discord.close();
            }
        }
    }

    @Test
    @Order(1)
    void loginGoesThroughTheDouble() {
        discord.awaitReady(WAIT);
        assertThat(events).anyMatch(ReadyEvent.class::isInstance);
        assertThat(jda.getSelfUser().getName()).isEqualTo("CareBot");
        assertThat(jda.getSelfUser().getApplicationId()).isEqualTo(DiscordApiDouble.APPLICATION_ID);
        assertThat(discord.calls()).anyMatch(c -> c.method().equals("GET") && c.path().equals("/users/@me"));
        assertThat(discord.identifyCount()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void dmMessageReachesListenerAndReplyIsRecorded() {
        String channelId = discord.newSnowflake();
        discord.dispatch("MESSAGE_CREATE", discord.dmMessageCreate(USER_ID, "alice", channelId, "hello bot"));

        MessageReceivedEvent event = awaitEvent(MessageReceivedEvent.class,
                e -> e.getMessage().getContentRaw().equals("hello bot"));
        assertThat(event.isFromType(ChannelType.PRIVATE)).isTrue();
        assertThat(event.getAuthor().getId()).isEqualTo(USER_ID);
        assertThat(event.getChannel().getId()).isEqualTo(channelId);

        event.getChannel().sendMessage("hi").queue();
        DiscordApiDouble.Call call = discord.awaitCall("POST", "/channels/" + channelId + "/messages", WAIT);
        assertThat(call.body().get("content").asText()).isEqualTo("hi");
    }

    @Test
    @Order(3)
    void slashCommandReplyIsAnEphemeralCallback() throws Exception {
        String interactionId = discord.newSnowflake();
        String token = "itoken-" + interactionId;
        discord.dispatch("INTERACTION_CREATE", discord.slashCommand(interactionId, token, USER_ID, "alice",
                discord.newSnowflake(), "ticket", Map.of("subject", "printer on fire")));

        SlashCommandInteractionEvent event = awaitEvent(SlashCommandInteractionEvent.class, e -> true);
        assertThat(event.getName()).isEqualTo("ticket");
        assertThat(event.getOption("subject").getAsString()).isEqualTo("printer on fire");
        assertThat(event.getUser().getId()).isEqualTo(USER_ID);

        event.reply("ok").setEphemeral(true).queue();
        DiscordApiDouble.Call call = discord.awaitCall("POST",
                "/interactions/" + interactionId + "/" + token + "/callback", WAIT);
        assertThat(call.body().get("type").asInt()).isEqualTo(4);
        assertThat(call.body().at("/data/content").asText()).isEqualTo("ok");
        assertThat(call.body().at("/data/flags").asInt() & 64).isEqualTo(64);

        // the double's webhook answer is a message JDA can parse
        Message edited = event.getHook().editOriginal("ok, edited").submit().get(15, TimeUnit.SECONDS);
        assertThat(edited.getContentRaw()).isEqualTo("ok, edited");
        discord.awaitCall("PATCH", "/webhooks/" + DiscordApiDouble.APPLICATION_ID + "/" + token
                + "/messages/@original", WAIT);
    }

    @Test
    @Order(4)
    void commandRegistrationAndMessageEditsAreAnsweredInAFormJdaParses() throws Exception {
        List<Command> commands = jda.updateCommands()
                .addCommands(Commands.slash("ticket", "Open a ticket")
                        .addOption(OptionType.STRING, "subject", "What is it about", true))
                .submit().get(15, TimeUnit.SECONDS);
        assertThat(commands).singleElement().satisfies(c -> {
            assertThat(c.getName()).isEqualTo("ticket");
            assertThat(c.getId()).isNotBlank();
        });
        DiscordApiDouble.Call put = discord.awaitCall("PUT",
                "/applications/" + DiscordApiDouble.APPLICATION_ID + "/commands", WAIT);
        assertThat(put.body().get(0).get("name").asText()).isEqualTo("ticket");

        PrivateChannel dm = jda.openPrivateChannelById(USER_ID).submit().get(15, TimeUnit.SECONDS);
        discord.awaitCall("POST", "/users/@me/channels", WAIT);
        Message sent = dm.sendMessage("first").submit().get(15, TimeUnit.SECONDS);
        assertThat(sent.getAuthor().getId()).isEqualTo(DiscordApiDouble.BOT_ID);
        Message edited = sent.editMessage("second").submit().get(15, TimeUnit.SECONDS);
        assertThat(edited.getContentRaw()).isEqualTo("second");
        discord.awaitCall("PATCH", "/channels/" + dm.getId() + "/messages/" + sent.getId(), WAIT);
    }

    @Test
    @Order(5)
    void droppedConnectionIsResumedWithoutDuplicates() throws InterruptedException {
        String channelId = discord.newSnowflake();
        discord.dispatch("MESSAGE_CREATE", discord.dmMessageCreate(USER_ID, "alice", channelId, "before drop"));
        awaitEvent(MessageReceivedEvent.class, e -> e.getMessage().getContentRaw().equals("before drop"));
        int seqBeforeDrop = discord.lastSeq();
        String sessionId = discord.sessionId();

        discord.dropConnection();
        // Sent while JDA is disconnected: only kept in the double's history, must be replayed on RESUME.
        discord.dispatch("MESSAGE_CREATE", discord.dmMessageCreate(USER_ID, "alice", channelId, "during drop"));

        discord.awaitResumed(1, WAIT);
        assertThat(discord.identifyCount()).isEqualTo(1);
        assertThat(discord.resumeCount()).isEqualTo(1);
        assertThat(discord.resumedFromSeq()).containsExactly((long) seqBeforeDrop);
        JsonNode resume = discord.receivedGatewayPayloads().stream()
                .filter(p -> p.path("op").asInt() == 6).findFirst().orElseThrow();
        assertThat(resume.at("/d/session_id").asText()).isEqualTo(sessionId);
        assertThat(resume.at("/d/token").asText()).isEqualTo("test-token");
        awaitEvent(SessionResumeEvent.class, e -> true);

        discord.dispatch("MESSAGE_CREATE", discord.dmMessageCreate(USER_ID, "alice", channelId, "after resume"));
        awaitEvent(MessageReceivedEvent.class, e -> e.getMessage().getContentRaw().equals("after resume"));
        // give a duplicate the chance to show up
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(countMessages("before drop")).isEqualTo(1);
            assertThat(countMessages("during drop")).isEqualTo(1);
        });
        assertThat(countMessages("after resume")).isEqualTo(1);
    }

    @Test
    @Order(6)
    void guildStaffChannelAndThreadsWorkOnASecondJda() throws Exception {
        String guildId = "3000000000000000001";
        String staffId = "3000000000000000002";
        List<GenericEvent> guildEvents = new CopyOnWriteArrayList<>();
        DiscordApiDouble guildDiscord = new DiscordApiDouble();
        JDA guildJda = null;
        try {
            guildDiscord.withGuild(guildId, staffId);
            guildDiscord.withExistingThread("3000000000000000003", "#1000 · older ticket");
            guildJda = build(guildDiscord, guildEvents);
            guildJda.awaitReady();

            // JDA has no GatewayIntent.GUILDS: it always sets that bit (1) in IDENTIFY itself
            JsonNode identify = guildDiscord.receivedGatewayPayloads().stream()
                    .filter(p -> p.path("op").asInt() == 2).findFirst().orElseThrow();
            assertThat(identify.at("/d/intents").asInt() & 1).isEqualTo(1);

            TextChannel staff = guildJda.getTextChannelById(staffId);
            assertThat(staff).isNotNull();
            assertThat(staff.getGuild().getId()).isEqualTo(guildId);

            ThreadChannel thread = staff.createThreadChannel("#1042 · Phone is dead")
                    .submit().get(15, TimeUnit.SECONDS);
            assertThat(thread.getName()).isEqualTo("#1042 · Phone is dead");
            assertThat(thread.getParentChannel().getId()).isEqualTo(staffId);
            DiscordApiDouble.Call create = guildDiscord.awaitCall("POST", "/channels/" + staffId + "/threads", WAIT);
            assertThat(create.body().get("name").asText()).isEqualTo("#1042 · Phone is dead");
            String threadId = thread.getId();
            assertThat(guildDiscord.knownThread(threadId)).isNotNull();
            JDA finalJda = guildJda;
            awaitTrue(() -> finalJda.getThreadChannelById(threadId) != null);

            Message sent = thread.sendMessage("x").submit().get(15, TimeUnit.SECONDS);
            assertThat(sent.getChannel().getId()).isEqualTo(threadId);
            DiscordApiDouble.Call post = guildDiscord.awaitCall("POST", "/channels/" + threadId + "/messages", WAIT);
            assertThat(post.body().get("content").asText()).isEqualTo("x");

            guildDiscord.dispatch("MESSAGE_CREATE",
                    guildDiscord.threadMessageCreate(threadId, USER_ID, "alice", "it still won't charge"));
            MessageReceivedEvent received = awaitEvent(guildEvents, MessageReceivedEvent.class,
                    e -> e.getMessage().getContentRaw().equals("it still won't charge"));
            assertThat(received.isFromType(ChannelType.GUILD_PUBLIC_THREAD)).isTrue();
            assertThat(received.getChannel().getId()).isEqualTo(threadId);
            assertThat(received.getGuild().getId()).isEqualTo(guildId);
            assertThat(received.getAuthor().getId()).isEqualTo(USER_ID);
            assertThat(received.getAuthor().getName()).isEqualTo("alice");

            Message starter = staff.sendMessage("ticket #1043").submit().get(15, TimeUnit.SECONDS);
            ThreadChannel fromMessage = starter.createThreadChannel("#1043").submit().get(15, TimeUnit.SECONDS);
            assertThat(fromMessage.getId()).isEqualTo(starter.getId());
            guildDiscord.awaitCall("POST", "/channels/" + staffId + "/messages/" + starter.getId() + "/threads", WAIT);
            assertThat(guildJda.getThreadChannelById("3000000000000000003")).isNotNull()
                    .satisfies(t -> assertThat(t.getName()).isEqualTo("#1000 · older ticket"));

            thread.getManager().setName("✅ #1042 · Phone is dead").submit().get(15, TimeUnit.SECONDS);
            DiscordApiDouble.Call patch = guildDiscord.awaitCall("PATCH", "/channels/" + threadId, WAIT);
            assertThat(patch.body().get("name").asText()).isEqualTo("✅ #1042 · Phone is dead");
            awaitTrue(() -> finalJda.getThreadChannelById(threadId).getName().equals("✅ #1042 · Phone is dead"));

            guildDiscord.threadDeleted(threadId);
            assertThatThrownBy(() -> thread.sendMessage("gone").submit().get(15, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ErrorResponseException.class)
                    .cause().satisfies(c -> assertThat(((ErrorResponseException) c).getErrorResponse())
                            .isEqualTo(ErrorResponse.UNKNOWN_CHANNEL));
        } finally {
            try {
                if (guildJda != null) {
                    guildJda.shutdownNow();
                }
            } finally {
                guildDiscord.close();
            }
        }
    }

    @Test
    @Order(7)
    void forumPostsAndTheirTagsWorkOnAThirdJdaAndWhatDiscordRefusesIsRefused() throws Exception {
        String guildId = "3000000000000000011";
        String forumId = "3000000000000000013";
        DiscordApiDouble forumDiscord = new DiscordApiDouble();
        JDA forumJda = null;
        try {
            forumDiscord.withGuild(guildId, "3000000000000000012");
            forumDiscord.withForum(forumId, "Urgent");
            forumJda = build(forumDiscord, new CopyOnWriteArrayList<>(), CacheFlag.FORUM_TAGS);
            forumJda.awaitReady();
            ForumChannel forum = forumJda.getForumChannelById(forumId);
            assertThat(forum).isNotNull();
            assertThat(forum.getAvailableTags()).extracting(ForumTag::getName).containsExactly("Urgent");

            // a tag added to the forum: kept ones keep their ids, the new one gets one; JDA hears of it (CHANNEL_UPDATE)
            long urgent = forum.getAvailableTags().get(0).getIdLong();
            forum.getManager().setAvailableTags(List.of(forum.getAvailableTags().get(0), new ForumTagData("Open")))
                    .submit().get(15, TimeUnit.SECONDS);
            JDA finalJda = forumJda;
            awaitTrue(() -> finalJda.getForumChannelById(forumId).getAvailableTags().size() == 2);
            forum = forumJda.getForumChannelById(forumId);
            assertThat(forum.getAvailableTags()).extracting(ForumTag::getName).containsExactly("Urgent", "Open");
            assertThat(forum.getAvailableTags().get(0).getIdLong()).isEqualTo(urgent);
            ForumTag open = forum.getAvailableTags().get(1);

            // a post: a thread of the forum whose first message (the same id) is a Components V2 container, tagged Open
            MessageCreateData card = new MessageCreateBuilder().useComponentsV2()
                    .setComponents(Container.of(TextDisplay.of("### #7 · Broken"))).build();
            ForumPost post = forum.createForumPost("#7 · Broken", card).setTags(open).submit().get(15, TimeUnit.SECONDS);
            String postId = post.getThreadChannel().getId();
            assertThat(post.getMessage().getId()).isEqualTo(postId);
            assertThat(post.getMessage().isUsingComponentsV2()).isTrue();
            assertThat(post.getThreadChannel().getParentChannel().getId()).isEqualTo(forumId);
            assertThat(post.getThreadChannel().getAppliedTags()).extracting(ForumTag::getName).containsExactly("Open");
            JsonNode sent = forumDiscord.awaitCall("POST", "/channels/" + forumId + "/threads", WAIT).body();
            assertThat(sent.path("message").path("flags").asInt() & (1 << 15)).isEqualTo(1 << 15);
            assertThat(sent.path("message").path("components").get(0).path("type").asInt()).isEqualTo(17);
            assertThat(forumDiscord.postedIn(postId)).hasSize(1);

            // its tags changed: recorded, and JDA hears of it (THREAD_UPDATE)
            post.getThreadChannel().getManager().setAppliedTags(forum.getAvailableTags().get(0)).submit().get(15, TimeUnit.SECONDS);
            assertThat(forumDiscord.appliedTagNames(postId)).containsExactly("Urgent");
            awaitTrue(() -> finalJda.getThreadChannelById(postId).getAppliedTags().stream().map(ForumTag::getName).toList()
                    .equals(List.of("Urgent")));

            // what Discord refuses (400, Invalid Form Body): content beside components V2, a tag the forum lacks, a 21st tag
            assertThat(raw(forumDiscord, "POST", "/channels/" + forumId + "/threads",
                    "{\"name\":\"x\",\"message\":{\"content\":\"x\",\"flags\":32768,\"components\":[]}}")).isEqualTo(400);
            assertThat(raw(forumDiscord, "PATCH", "/channels/" + postId, "{\"applied_tags\":[\"42\"]}")).isEqualTo(400);
            StringBuilder tooMany = new StringBuilder("{\"available_tags\":[");
            for (int tag = 1; tag <= 21; tag++) {
                tooMany.append(tag == 1 ? "" : ",").append("{\"name\":\"t").append(tag).append("\"}");
            }
            assertThat(raw(forumDiscord, "PATCH", "/channels/" + forumId, tooMany.append("]}").toString())).isEqualTo(400);
            assertThat(forumDiscord.forumTagNames()).containsExactly("Urgent", "Open");
        } finally {
            try {
                if (forumJda != null) {
                    forumJda.shutdownNow();
                }
            } finally {
                forumDiscord.close();
            }
        }
    }

    /** A request to the double without JDA (which refuses some of them itself); the answer's status. */
    private static int raw(DiscordApiDouble api, String method, String path, String json) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.restBaseUrl() + path.substring(1)))
                .header("Content-Type", "application/json").method(method, java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JDA build(DiscordApiDouble api, List<GenericEvent> sink, CacheFlag... caches) {
        return builder(api, sink).enableCache(List.of(caches)).build();
    }

    private static JDA build(DiscordApiDouble api, List<GenericEvent> sink) {
        return builder(api, sink).build();
    }

    private static JDABuilder builder(DiscordApiDouble api, List<GenericEvent> sink) {
        String gateway = api.gatewayUrl();
        return JDABuilder.createLight("test-token", GatewayIntent.DIRECT_MESSAGES, GatewayIntent.MESSAGE_CONTENT,
                        GatewayIntent.GUILD_MESSAGES)
                .setRestConfig(new RestConfig().setBaseUrl(api.restBaseUrl()))
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return gateway;
                    }
                })
                .setCompression(Compression.NONE)
                .addEventListeners((net.dv8tion.jda.api.hooks.EventListener) sink::add);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        await().pollInterval(Duration.ofMillis(20)).atMost(WAIT).until(condition::getAsBoolean);
    }

    private long countMessages(String content) {
        return events.stream().filter(MessageReceivedEvent.class::isInstance).map(MessageReceivedEvent.class::cast)
                .filter(e -> e.getMessage().getContentRaw().equals(content)).count();
    }

    private <T extends GenericEvent> T awaitEvent(Class<T> type, Predicate<T> filter) {
        return awaitEvent(events, type, filter);
    }

    private static <T extends GenericEvent> T awaitEvent(List<GenericEvent> events, Class<T> type,
                                                         Predicate<T> filter) {
        try {
            return await().pollInterval(Duration.ofMillis(20)).atMost(WAIT).until(() -> List.copyOf(events).stream()
                    .filter(e -> type.isInstance(e) && filter.test(type.cast(e))).map(type::cast).findFirst(), Optional::isPresent)
                    .orElseThrow();
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT + "; events: "
                    + events.stream().map(e -> e.getClass().getSimpleName()).toList(), timeout);
        }
    }
}
