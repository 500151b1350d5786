package com.careregistry.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Local double of Discord's REST API (JDK {@code HttpServer}) and gateway (hand-written RFC 6455
 * server over a {@code ServerSocket}) for end-to-end tests of JDA 6.5. Nothing reaches the real Discord.
 *
 * <p>Wire JDA to it with {@code JDABuilder#setRestConfig(new RestConfig().setBaseUrl(double.restBaseUrl()))},
 * a {@code ConcurrentSessionController} whose {@code getGateway()} returns {@link #gatewayUrl()},
 * and {@code setCompression(Compression.NONE)} (the gateway double does not implement zlib-stream).
 *
 * <p>Recorded REST paths are relative to {@code /api/v10} and carry no query string,
 * e.g. {@code /channels/123/messages}.
 */
public class DiscordApiDouble implements AutoCloseable {

    public static final String BOT_ID = "1000000000000000001";
    public static final String BOT_NAME = "CareBot";
    /** Application id; equal to the bot user id, as for most real bots. */
    public static final String APPLICATION_ID = BOT_ID;

    /** One recorded REST request. {@code path} is relative to /api/v10, without query; body is null when absent. */
    public record Call(String method, String path, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private static final long DISCORD_EPOCH = 1420070400000L;

    static {
        // the JDK's HTTP server sends headers and body in two writes; without TCP_NODELAY the client's
        // delayed ACK holds every answer about 40 ms (read once, when the first server starts)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    private final AtomicLong snowflakes = new AtomicLong();
    private final HttpServer http;
    private final ExecutorService httpExecutor = Executors.newFixedThreadPool(4, daemon("discord-double-rest"));
    private final ServerSocket wsServer;
    private final Thread wsAcceptor;
    private volatile boolean closed;

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> dmChannelByUser = new ConcurrentHashMap<>();
    private final Map<String, String> channelByInteractionToken = new ConcurrentHashMap<>();

    // ---- guild state (see withGuild) ----
    private volatile String guildId;
    private volatile String staffChannelId;
    private final Map<String, ObjectNode> threads = new ConcurrentHashMap<>();
    /** The guild's forum channel (type 15), when one is configured (see withForum); guarded by itself. */
    private final Object forumLock = new Object();
    private volatile String forumId;
    private ArrayNode forumTags = F.arrayNode();
    private final java.util.Set<String> deletedChannels = ConcurrentHashMap.newKeySet();

    // ---- gateway state (guarded by gatewayLock) ----
    private final Object gatewayLock = new Object();
    private final List<WsConnection> connections = new CopyOnWriteArrayList<>();
    private WsConnection active;          // the connection that has identified / resumed
    private String sessionId;
    private int seq;
    private final List<ObjectNode> history = new ArrayList<>();   // dispatched events of the current session
    private final AtomicInteger identifyCount = new AtomicInteger();
    private final AtomicInteger resumeCount = new AtomicInteger();
    private final AtomicInteger readyCount = new AtomicInteger();
    private final AtomicInteger resumedCount = new AtomicInteger();
    private final List<Long> resumedFromSeq = new CopyOnWriteArrayList<>();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    public DiscordApiDouble() {
        try {
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            http = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
            http.createContext("/", this::handleHttp);
            http.setExecutor(httpExecutor);
            http.start();
            wsServer = new ServerSocket(0, 50, loopback);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Discord double", e);
        }
        wsAcceptor = new Thread(this::acceptLoop, "discord-double-gateway-accept");
        wsAcceptor.setDaemon(true);
        wsAcceptor.start();
    }

    /** e.g. {@code http://127.0.0.1:PORT/api/v10/} (with trailing slash, as JDA's RestConfig wants). */
    public String restBaseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    /** e.g. {@code ws://127.0.0.1:PORT/gateway}; JDA appends its own query string. */
    public String gatewayUrl() {
        return "ws://127.0.0.1:" + wsServer.getLocalPort() + "/gateway";
    }

    /**
     * A fresh, increasing snowflake carrying the current time. The time part matters: JDA derives an
     * interaction's creation time from its id and refuses to use the hook 15 minutes after it.
     */
    public String newSnowflake() {
        long timeBased = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
        return Long.toString(snowflakes.updateAndGet(prev -> Math.max(prev + 1, timeBased)));
    }

    // =====================================================================================
    // Guild
    // =====================================================================================

    /** Owner of the configured guild (a user other than the bot). */
    public static final String GUILD_OWNER_ID = "1000000000000000002";

    /**
     * Configures one guild with one text channel (the staff channel); call before JDA connects. READY then lists
     * the guild as {@code {id, unavailable:true}} and a GUILD_CREATE follows it, so JDA caches guild and channel
     * (JDA always sends the GUILDS intent bit itself; it has no GatewayIntent constant for it).
     * The {@code @everyone} role (id = guild id) grants ADMINISTRATOR, so JDA's client-side permission checks pass.
     */
    public void withGuild(String guildId, String staffChannelId) {
        this.guildId = guildId;
        this.staffChannelId = staffChannelId;
    }

    /**
     * Seeds an already existing public thread in the staff channel; it is listed in GUILD_CREATE's threads, so a
     * (re)connecting JDA knows it. Call after {@link #withGuild} and before JDA connects.
     */
    public void withExistingThread(String threadId, String name) {
        requireGuild();
        threads.put(threadId, thread(threadId, staffChannelId, F.objectNode().put("name", name)));
    }

    /**
     * Adds a forum channel (type 15) to the configured guild, offering these tags already (each made
     * with an id, as Discord keeps them); call after {@link #withGuild} and before JDA connects. Posts
     * are made in it with {@code POST /channels/{forum}/threads} and a message; its tags are changed
     * with {@code PATCH /channels/{forum}} ({@code available_tags}), a post's with {@code PATCH
     * /channels/{post}} ({@code applied_tags}).
     */
    public void withForum(String forumId, String... existingTags) {
        requireGuild();
        synchronized (forumLock) {
            this.forumId = forumId;
            forumTags = F.arrayNode();
            for (String name : existingTags) {
                forumTags.add(forumTag(newSnowflake(), name, false));
            }
        }
    }

    public String forumId() {
        return forumId;
    }

    /** The names of the tags the forum offers now, in their order. */
    public List<String> forumTagNames() {
        synchronized (forumLock) {
            List<String> names = new ArrayList<>();
            forumTags.forEach(t -> names.add(t.path("name").asText()));
            return names;
        }
    }

    /** The names of the tags applied to a post (or thread) now, as the forum names them; empty for an unknown thread. */
    public List<String> appliedTagNames(String threadId) {
        ObjectNode t = threads.get(threadId);
        List<String> names = new ArrayList<>();
        if (t == null) {
            return names;
        }
        synchronized (forumLock) {
            for (JsonNode id : t.path("applied_tags")) {
                forumTags.forEach(tag -> {
                    if (tag.path("id").asText().equals(id.asText())) {
                        names.add(tag.path("name").asText());
                    }
                });
            }
        }
        return names;
    }

    /**
     * Staff changed the forum's tags by hand: it now offers these (new ids), and CHANNEL_UPDATE tells
     * the bot. The tags of existing posts are left as they are.
     */
    public void replaceForumTags(String... names) {
        synchronized (forumLock) {
            forumTags = F.arrayNode();
            for (String name : names) {
                forumTags.add(forumTag(newSnowflake(), name, false));
            }
        }
        dispatch("CHANNEL_UPDATE", forumChannel().toString());
    }

    /** A member put the forum's tag of this name on a post by hand (THREAD_UPDATE follows). */
    public void tagByHand(String threadId, String tagName) {
        String id;
        synchronized (forumLock) {
            id = null;
            for (JsonNode tag : forumTags) {
                if (tag.path("name").asText().equals(tagName)) {
                    id = tag.path("id").asText();
                }
            }
        }
        if (id == null) {
            throw new IllegalArgumentException("the forum offers no tag " + tagName);
        }
        ArrayNode applied = threads.get(threadId).path("applied_tags").deepCopy();
        applied.add(id);
        ObjectNode change = F.objectNode();
        change.set("applied_tags", applied);
        patchThread(threadId, change);
    }

    private static ObjectNode forumTag(String id, String name, boolean moderated) {
        ObjectNode tag = F.objectNode().put("id", id).put("name", name).put("moderated", moderated);
        tag.putNull("emoji_id");
        tag.putNull("emoji_name");
        return tag;
    }

    private ObjectNode forumChannel() {
        ObjectNode c = F.objectNode().put("id", forumId).put("type", 15).put("guild_id", guildId)
            .put("name", "tickets").put("position", 1).put("nsfw", false).put("rate_limit_per_user", 0)
            .put("flags", 0).put("default_auto_archive_duration", 1440)
            .put("default_thread_rate_limit_per_user", 0).put("default_forum_layout", 0);
        c.putArray("permission_overwrites");
        c.putNull("topic");
        c.putNull("parent_id");
        c.putNull("last_message_id");
        c.putNull("default_reaction_emoji");
        c.putNull("default_sort_order");
        synchronized (forumLock) {
            c.set("available_tags", forumTags.deepCopy());
        }
        return c;
    }

    /**
     * {@code PATCH /channels/{forum}} with {@code available_tags}, as Discord takes it: the list replaces
     * the forum's tags; a tag with an id keeps it (and is renamed), one without gets a new id, one left
     * out is gone; at most 20, each name 1-20 characters. CHANNEL_UPDATE follows.
     */
    private Response patchForum(JsonNode body) {
        JsonNode wanted = body == null ? null : body.get("available_tags");
        if (wanted != null) {
            if (!wanted.isArray() || wanted.size() > 20) {
                return invalidForm("available_tags", "Must be 20 or fewer in length.");
            }
            ArrayNode next = F.arrayNode();
            for (JsonNode tag : wanted) {
                String name = tag.path("name").asText("");
                if (name.isEmpty() || name.length() > 20) {
                    return invalidForm("available_tags", "Must be between 1 and 20 in length.");
                }
                String id = tag.hasNonNull("id") ? tag.get("id").asText() : newSnowflake();
                ObjectNode kept = forumTag(id, name, tag.path("moderated").asBoolean(false));
                if (tag.hasNonNull("emoji_name")) {
                    kept.put("emoji_name", tag.get("emoji_name").asText());
                }
                next.add(kept);
            }
            synchronized (forumLock) {
                forumTags = next;
            }
        }
        ObjectNode forum = forumChannel();
        dispatch("CHANNEL_UPDATE", forum.toString());
        return ok(forum);
    }

    /** Discord's 400 for a form it does not take (code 50035, Invalid Form Body). */
    private static Response invalidForm(String field, String message) {
        ObjectNode body = F.objectNode().put("message", "Invalid Form Body").put("code", 50035);
        body.putObject("errors").putObject(field).putArray("_errors").addObject().put("code", "BASE_TYPE_BAD_LENGTH")
            .put("message", message);
        return new Response(400, body);
    }

    /** Tag ids a post may carry: at most 5, each one the forum offers; else the reason it may not. */
    private String badAppliedTags(JsonNode applied) {
        if (applied == null) {
            return null;
        }
        if (!applied.isArray() || applied.size() > 5) {
            return "Must be 5 or fewer in length.";
        }
        synchronized (forumLock) {
            for (JsonNode id : applied) {
                boolean offered = false;
                for (JsonNode tag : forumTags) {
                    offered |= tag.path("id").asText().equals(id.asText());
                }
                if (!offered) {
                    return "Tag " + id.asText() + " is not offered by the forum.";
                }
            }
        }
        return null;
    }

    /**
     * {@code POST /channels/{forum}/threads}: a forum post, as Discord makes it: a public thread
     * (type 11) in the forum, its first message (given in {@code message}; its id is the thread's)
     * and the tags given in {@code applied_tags}; the answer is the thread with the message in it.
     */
    private Response forumPost(JsonNode body) {
        JsonNode request = body == null ? null : body.get("message");
        if (request == null || !request.isObject()) {
            return invalidForm("message", "This field is required");
        }
        String bad = badAppliedTags(body.get("applied_tags"));
        if (bad != null) {
            return invalidForm("applied_tags", bad);
        }
        String refused = badComponentsV2(request);
        if (refused != null) {
            return invalidForm("content", refused);
        }
        String threadId = newSnowflake();
        ObjectNode t = thread(threadId, forumId, body);
        if (body.has("applied_tags")) {
            t.set("applied_tags", body.get("applied_tags").deepCopy());
        }
        t.put("message_count", 1).put("total_message_sent", 1).put("last_message_id", threadId);
        ObjectNode m = message(threadId, threadId, request, botUser(), false);
        m.put("guild_id", guildId);
        synchronized (postedByChannel) {
            postedByChannel.computeIfAbsent(threadId, c -> new java.util.ArrayList<>()).add(0, m.deepCopy());
        }
        ObjectNode answer = rememberThread(t);
        answer.set("message", m);
        return new Response(201, answer);
    }

    /**
     * A message flagged IS_COMPONENTS_V2 (1 << 15) may carry no content nor embeds: Discord refuses it
     * (the reason, else null).
     */
    private static String badComponentsV2(JsonNode request) {
        if (request == null || (request.path("flags").asInt(0) & (1 << 15)) == 0) {
            return null;
        }
        if (!request.path("content").asText("").isEmpty() || request.path("embeds").size() > 0) {
            return "The 'content' and 'embeds' fields cannot be used when using MessageFlags.IS_COMPONENTS_V2";
        }
        return null;
    }

    private volatile String guildLocale = "en-US";

    /** The guild's community language (its preferred locale, e.g. "de"); call before JDA connects. */
    public void withGuildLocale(String locale) {
        this.guildLocale = locale;
    }

    public String guildId() {
        return guildId;
    }

    public String staffChannelId() {
        return staffChannelId;
    }

    /** Current state of a thread known to the double (created over REST or seeded), or null. */
    public JsonNode knownThread(String threadId) {
        ObjectNode t = threads.get(threadId);
        return t == null ? null : t.deepCopy();
    }

    /**
     * Marks a thread (or any channel) deleted: later REST requests to {@code /channels/{id}/...} answer
     * 404 {@code {"message":"Unknown Channel","code":10003}}. Sends no gateway event; to also drop the
     * thread from JDA's cache, {@code dispatch("THREAD_DELETE", threadDeleteEvent(threadId))}.
     */
    public void threadDeleted(String threadId) {
        deletedChannels.add(threadId);
        threads.remove(threadId);
    }

    /** Discord archived the thread (after its inactivity time): kept, and THREAD_UPDATE sent. */
    public void archiveThread(String threadId) {
        patchThread(threadId, F.objectNode().put("archived", true));
    }

    /** THREAD_DELETE payload for a thread of the configured guild. */
    public String threadDeleteEvent(String threadId) {
        requireGuild();
        return F.objectNode().put("id", threadId).put("guild_id", guildId).put("parent_id", staffChannelId)
            .put("type", 11).toString();
    }

    /**
     * MESSAGE_CREATE payload from a (non-bot) user in a thread of the configured guild, for
     * {@code dispatch("MESSAGE_CREATE", ...)}; JDA delivers it as a MessageReceivedEvent with channel type
     * GUILD_PUBLIC_THREAD. The thread must be in JDA's cache (created through this double's REST, or seeded with
     * {@link #withExistingThread}); otherwise JDA parks the event in its EventCache and no listener sees it.
     */
    public String threadMessageCreate(String threadId, String userId, String username, String content) {
        requireGuild();
        return guildMessage(newSnowflake(), guildId, threadId, userId, username, content).toString();
    }

    private void requireGuild() {
        if (guildId == null) {
            throw new IllegalStateException("call withGuild(...) first");
        }
    }

    private ObjectNode guildCreate() {
        String gid = guildId;
        ObjectNode g = F.objectNode().put("id", gid).put("name", "Care Registry").put("owner_id", GUILD_OWNER_ID)
            .put("afk_timeout", 300).put("verification_level", 0).put("default_message_notifications", 0)
            .put("explicit_content_filter", 0).put("mfa_level", 0).put("system_channel_flags", 0)
            .put("max_members", 500000).put("max_presences", 25000).put("premium_tier", 0)
            .put("premium_subscription_count", 0).put("preferred_locale", guildLocale).put("nsfw_level", 0)
            .put("premium_progress_bar_enabled", false).put("joined_at", now()).put("large", false)
            .put("unavailable", false).put("member_count", 2).put("nsfw", false);
        for (String nullField : List.of("icon", "splash", "discovery_splash", "banner", "description",
            "vanity_url_code", "afk_channel_id", "system_channel_id", "rules_channel_id",
            "public_updates_channel_id", "safety_alerts_channel_id", "application_id")) {
            g.putNull(nullField);
        }
        ObjectNode everyone = g.putArray("roles").addObject().put("id", gid).put("name", "@everyone")
            .put("color", 0).put("hoist", false).put("position", 0).put("permissions", "8")
            .put("managed", false).put("mentionable", false).put("flags", 0);
        everyone.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        everyone.putNull("icon");
        everyone.putNull("unicode_emoji");
        g.putArray("emojis");
        g.putArray("stickers");
        g.putArray("features");
        g.putArray("voice_states");
        g.putArray("presences");
        g.putArray("stage_instances");
        g.putArray("guild_scheduled_events");
        g.putArray("soundboard_sounds");
        g.putArray("members").add(member(botUser()));
        ArrayNode channels = g.putArray("channels").add(staffChannel());
        if (forumId != null) {
            channels.add(forumChannel());
        }
        ArrayNode ts = g.putArray("threads");
        threads.values().forEach(t -> ts.add(t.deepCopy()));
        return g;
    }

    private ObjectNode staffChannel() {
        ObjectNode c = F.objectNode().put("id", staffChannelId).put("type", 0).put("guild_id", guildId)
            .put("name", "staff").put("position", 0).put("nsfw", false).put("rate_limit_per_user", 0)
            .put("flags", 0).put("default_auto_archive_duration", 1440)
            .put("default_thread_rate_limit_per_user", 0);
        c.putArray("permission_overwrites");
        c.putNull("topic");
        c.putNull("parent_id");
        c.putNull("last_message_id");
        return c;
    }

    private static ObjectNode member(ObjectNode user) {
        ObjectNode m = F.objectNode().put("joined_at", now()).put("deaf", false).put("mute", false)
            .put("flags", 0).put("pending", false);
        m.set("user", user);
        m.putArray("roles");
        m.putNull("nick");
        m.putNull("avatar");
        m.putNull("premium_since");
        m.putNull("communication_disabled_until");
        return m;
    }

    private boolean isGuildChannel(String channelId) {
        return channelId != null && (channelId.equals(staffChannelId) || channelId.equals(forumId) || threads.containsKey(channelId));
    }

    private ObjectNode rememberThread(ObjectNode t) {
        threads.put(t.get("id").asText(), t);
        ObjectNode event = t.deepCopy().put("newly_created", true);
        dispatch("THREAD_CREATE", event.toString());
        return t.deepCopy();
    }

    private ObjectNode patchThread(String threadId, JsonNode body) {
        ObjectNode t = threads.computeIfPresent(threadId, (id, old) -> {
            ObjectNode u = old.deepCopy();
            ObjectNode meta = (ObjectNode) u.get("thread_metadata");
            if (body != null) {
                body.fields().forEachRemaining(e -> {
                    switch (e.getKey()) {
                        case "archived", "locked", "auto_archive_duration", "invitable" -> {
                            meta.set(e.getKey(), e.getValue());
                            if (e.getKey().equals("archived")) {
                                meta.put("archive_timestamp", now());
                            }
                        }
                        default -> u.set(e.getKey(), e.getValue());
                    }
                });
            }
            return u;
        });
        dispatch("THREAD_UPDATE", t.toString());
        return t.deepCopy();
    }

    // =====================================================================================
    // REST
    // =====================================================================================

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public void clearCalls() {
        calls.clear();
    }

    /** Waits for a recorded call whose method equals {@code method} and whose path fully matches {@code pathRegex}. */
    public Call awaitCall(String method, String pathRegex, Duration timeout) {
        Pattern p = Pattern.compile(pathRegex);
        Call[] found = new Call[1];
        boolean ok = waitFor(timeout, () -> {
            for (Call c : calls) {
                if (c.method().equalsIgnoreCase(method) && p.matcher(c.path()).matches()) {
                    found[0] = c;
                    return true;
                }
            }
            return false;
        });
        if (!ok) {
            throw new AssertionError("no " + method + " " + pathRegex + " within " + timeout + "; calls: " + callsSummary());
        }
        return found[0];
    }

    private String callsSummary() {
        StringBuilder sb = new StringBuilder();
        for (Call c : calls) {
            sb.append("\n  ").append(c.method()).append(' ').append(c.path());
        }
        return sb.toString();
    }

    private void handleHttp(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            String fullPath = ex.getRequestURI().getRawPath();
            String path = fullPath.startsWith("/api/v10") ? fullPath.substring("/api/v10".length()) : fullPath;
            if (path.isEmpty()) {
                path = "/";
            }
            byte[] raw = ex.getRequestBody().readAllBytes();
            if (method.equals("GET") && path.startsWith("/cdn/")) {
                serveFile(ex, path);
                return;
            }
            String contentType = ex.getRequestHeaders().getFirst("Content-Type");
            JsonNode body = parseBody(raw, contentType);
            calls.add(new Call(method, path, body));
            recordUploads(path, raw, contentType);

            Response r;
            try {
                r = route(method, path, body, ex.getRequestURI().getRawQuery());
            } catch (RuntimeException e) {
                r = new Response(500, F.objectNode().put("message", "double failed: " + e).put("code", 0));
            }
            ex.getResponseHeaders().set("Content-Type", "application/json");
            if (r.body == null) {
                ex.sendResponseHeaders(r.status, -1);
            } else {
                byte[] out = JSON.writeValueAsBytes(r.body);
                ex.sendResponseHeaders(r.status, out.length);
                ex.getResponseBody().write(out);
            }
        }
    }

    // =====================================================================================
    // Files: attachments at CDN addresses, and files the bot uploads
    // =====================================================================================

    /** A file the bot uploaded with a message (a multipart part named {@code files[n]}). */
    public record Upload(String path, String fileName, byte[] bytes) {
    }

    private final Map<String, byte[]> cdnFiles = new ConcurrentHashMap<>();
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();

    /** Keeps a file at a CDN address of this double (as Discord keeps attachments) and returns the address. */
    public String cdnFile(String fileName, byte[] bytes) {
        String path = "/cdn/attachments/" + newSnowflake() + "/" + fileName;
        cdnFiles.put(path, bytes.clone());
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    public List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    private void serveFile(HttpExchange ex, String path) throws IOException {
        byte[] bytes = cdnFiles.get(path);
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        if (bytes == null) {
            ex.sendResponseHeaders(404, -1);
            return;
        }
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    /** Picks the file parts out of a multipart request (bytes kept exactly, through ISO-8859-1). */
    private void recordUploads(String path, byte[] raw, String contentType) {
        if (contentType == null || !contentType.startsWith("multipart/") || !contentType.contains("boundary=")) {
            return;
        }
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "").strip();
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        for (String part : text.split(Pattern.quote(boundary))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headersEnd);
            int name = headers.indexOf("filename=\"");
            if (!headers.contains("name=\"files[") || name < 0) {
                continue;
            }
            String fileName = headers.substring(name + 10, headers.indexOf('"', name + 10));
            String content = part.substring(headersEnd + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            uploads.add(new Upload(path, fileName, content.getBytes(StandardCharsets.ISO_8859_1)));
        }
    }

    private static JsonNode parseBody(byte[] raw, String contentType) {
        if (raw.length == 0) {
            return null;
        }
        try {
            if (contentType != null && contentType.startsWith("multipart/")) {
                // JDA sends payload_json as one part when files are attached; pick it out.
                String text = new String(raw, StandardCharsets.UTF_8);
                int name = text.indexOf("name=\"payload_json\"");
                if (name < 0) {
                    return null;
                }
                int start = text.indexOf("\r\n\r\n", name) + 4;
                int end = text.indexOf("\r\n--", start);
                return JSON.readTree(text.substring(start, end));
            }
            return JSON.readTree(raw);
        } catch (IOException | RuntimeException e) {
            return F.textNode(new String(raw, StandardCharsets.UTF_8));
        }
    }

    private record Response(int status, JsonNode body) {
    }

    private static Response ok(JsonNode body) {
        return new Response(200, body);
    }

    private static final Response NO_CONTENT = new Response(204, null);

    private static final Response UNKNOWN_CHANNEL =
        new Response(404, F.objectNode().put("message", "Unknown Channel").put("code", 10003));

    /** What the bot posted in each channel, newest first (GET /channels/{id}/messages answers it). */
    private final java.util.Map<String, List<ObjectNode>> postedByChannel = new java.util.HashMap<>();
    /** The bot's messages by the nonce they were sent with ({@code enforce_nonce}). */
    private final java.util.Map<String, ObjectNode> byNonce = new java.util.HashMap<>();

    /** What the bot posted in a channel so far, newest first. */
    public List<ObjectNode> postedIn(String channelId) {
        synchronized (postedByChannel) {
            return List.copyOf(postedByChannel.getOrDefault(channelId, List.of()));
        }
    }

    private Response route(String method, String path, JsonNode body, String query) {
        String[] s = path.substring(1).split("/");
        int n = s.length;
        if (n >= 2 && s[0].equals("channels") && deletedChannels.contains(s[1])) {
            return UNKNOWN_CHANNEL;
        }
        switch (method) {
            case "GET" -> {
                if (n == 2 && s[0].equals("channels") && threads.containsKey(s[1])) {
                    return ok(threads.get(s[1]).deepCopy());
                }
                if (n == 2 && s[0].equals("channels") && s[1].equals(staffChannelId)) {
                    return ok(staffChannel());
                }
                if (n == 2 && s[0].equals("channels") && s[1].equals(forumId)) {
                    return ok(forumChannel());
                }
                if (n == 5 && s[0].equals("channels") && s[2].equals("threads") && s[3].equals("archived") && s[4].equals("public")) {
                    ObjectNode page = F.objectNode().put("has_more", false);
                    ArrayNode archived = page.putArray("threads");
                    threads.values().stream()
                        .filter(t -> s[1].equals(t.path("parent_id").asText()) && t.path("thread_metadata").path("archived").asBoolean())
                        .sorted((a, b) -> b.path("thread_metadata").path("archive_timestamp").asText()
                            .compareTo(a.path("thread_metadata").path("archive_timestamp").asText()))
                        .forEach(t -> archived.add(t.deepCopy()));
                    page.putArray("members");
                    return ok(page);
                }
                if (n == 3 && s[0].equals("channels") && s[2].equals("messages")) {
                    return ok(channelHistory(s[1], query));
                }
                if (path.equals("/users/@me")) {
                    return ok(botUser());
                }
                if (n == 2 && s[0].equals("users")) {
                    return ok(user(s[1], "user" + s[1]));
                }
                if (path.equals("/gateway") || path.equals("/gateway/bot")) {
                    ObjectNode g = F.objectNode().put("url", gatewayUrl()).put("shards", 1);
                    g.putObject("session_start_limit").put("total", 1000).put("remaining", 1000)
                        .put("reset_after", 0).put("max_concurrency", 1);
                    return ok(g);
                }
                if (path.equals("/applications/@me") || path.equals("/oauth2/applications/@me")) {
                    return ok(application());
                }
            }
            case "POST" -> {
                if (path.equals("/users/@me/channels")) {
                    String recipient = text(body, "recipient_id", newSnowflake());
                    String channelId = dmChannelByUser.computeIfAbsent(recipient, r -> newSnowflake());
                    ObjectNode ch = F.objectNode().put("id", channelId).put("type", 1).put("flags", 0);
                    ch.putNull("last_message_id");
                    ch.putArray("recipients").add(user(recipient, "user" + recipient));
                    return ok(ch);
                }
                if (n == 3 && s[0].equals("channels") && s[2].equals("messages")) {
                    String refused = badComponentsV2(body);
                    if (refused != null) {
                        return invalidForm("content", refused);
                    }
                    String nonce = body == null ? null : body.path("nonce").asText(null);
                    if (nonce != null && body.path("enforce_nonce").asBoolean(false)) {
                        // as Discord does: a message with a nonce it saw from the same author in the last
                        // minutes is not made again; the first one is returned
                        synchronized (byNonce) {
                            ObjectNode earlier = byNonce.get(nonce);
                            if (earlier != null) {
                                return ok(earlier.deepCopy());
                            }
                        }
                    }
                    ObjectNode m = message(newSnowflake(), s[1], body, botUser(), false);
                    if (nonce != null) {
                        m.put("nonce", nonce);
                        synchronized (byNonce) {
                            byNonce.put(nonce, m.deepCopy());
                        }
                    }
                    if (isGuildChannel(s[1])) {
                        m.put("guild_id", guildId);
                    }
                    synchronized (postedByChannel) {
                        postedByChannel.computeIfAbsent(s[1], c -> new java.util.ArrayList<>()).add(0, m.deepCopy());
                    }
                    return ok(m);
                }
                if (n == 3 && s[0].equals("channels") && s[2].equals("threads") && s[1].equals(forumId)) {
                    return forumPost(body);
                }
                if (n == 3 && s[0].equals("channels") && s[2].equals("threads")) {
                    ObjectNode t = thread(newSnowflake(), s[1], body);
                    return new Response(201, isGuildChannel(s[1]) ? rememberThread(t) : t);
                }
                if (n == 5 && s[0].equals("channels") && s[2].equals("messages") && s[4].equals("threads")) {
                    // Discord gives a thread started from a message the message's id
                    ObjectNode t = thread(s[3], s[1], body);
                    return new Response(201, isGuildChannel(s[1]) ? rememberThread(t) : t);
                }
                if (n == 3 && s[0].equals("channels") && s[2].equals("typing")) {
                    return NO_CONTENT;
                }
                if (n == 4 && s[0].equals("interactions") && s[3].equals("callback")) {
                    // JDA adds ?with_response=true but parses the body only if present: 204 is accepted
                    return NO_CONTENT;
                }
                if (n == 3 && s[0].equals("webhooks")) {
                    return ok(message(newSnowflake(), channelByInteractionToken.getOrDefault(s[2], "0"), body, botUser(), false));
                }
            }
            case "PATCH" -> {
                if (n == 4 && s[0].equals("channels") && s[2].equals("messages")) {
                    return ok(message(s[3], s[1], body, botUser(), true));
                }
                if (n == 2 && s[0].equals("channels") && threads.containsKey(s[1])) {
                    String bad = body == null ? null : badAppliedTags(body.get("applied_tags"));
                    if (bad != null) {
                        return invalidForm("applied_tags", bad);
                    }
                    return ok(patchThread(s[1], body));
                }
                if (n == 2 && s[0].equals("channels") && s[1].equals(forumId)) {
                    return patchForum(body);
                }
                if (n == 2 && s[0].equals("channels")) {
                    ObjectNode echo = body instanceof ObjectNode o ? o.deepCopy() : F.objectNode();
                    echo.put("id", s[1]);
                    return ok(echo);
                }
                if (n == 5 && s[0].equals("webhooks") && s[3].equals("messages")) {
                    String mid = s[4].equals("@original") ? newSnowflake() : s[4];
                    return ok(message(mid, channelByInteractionToken.getOrDefault(s[2], "0"), body, botUser(), true));
                }
            }
            case "PUT" -> {
                if ((n == 3 && s[0].equals("applications") && s[2].equals("commands"))
                    || (n == 5 && s[0].equals("applications") && s[2].equals("guilds") && s[4].equals("commands"))) {
                    ArrayNode out = F.arrayNode();
                    if (body instanceof ArrayNode arr) {
                        for (JsonNode cmd : arr) {
                            ObjectNode c = ((ObjectNode) cmd).deepCopy();
                            c.put("id", newSnowflake());
                            c.put("application_id", s[1]);
                            c.put("version", newSnowflake());
                            if (!c.has("type")) {
                                c.put("type", 1);
                            }
                            if (n == 5) {
                                c.put("guild_id", s[3]);
                            }
                            out.add(c);
                        }
                    }
                    return ok(out);
                }
                if (n == 4 && s[0].equals("channels") && s[2].equals("thread-members")) {
                    return NO_CONTENT;
                }
                if (n == 7 && s[0].equals("channels") && s[2].equals("messages") && s[4].equals("reactions") && s[6].equals("@me")) {
                    // the bot reacts to a message (PUT /channels/{c}/messages/{m}/reactions/{emoji}/@me)
                    return NO_CONTENT;
                }
            }
            case "DELETE" -> {
                if (s[0].equals("channels") || s[0].equals("webhooks")) {
                    return NO_CONTENT;
                }
            }
            default -> {
            }
        }
        return new Response(404, F.objectNode().put("message", "Unknown").put("code", 0));
    }

    private static String text(JsonNode node, String field, String fallback) {
        return node != null && node.hasNonNull(field) ? node.get(field).asText() : fallback;
    }

    public ObjectNode botUser() {
        ObjectNode u = user(BOT_ID, BOT_NAME);
        u.put("bot", true).put("verified", true).put("mfa_enabled", false).put("flags", 0);
        return u;
    }

    private static ObjectNode user(String id, String username) {
        ObjectNode u = F.objectNode().put("id", id).put("username", username).put("discriminator", "0")
            .put("global_name", username).put("public_flags", 0);
        u.putNull("avatar");
        return u;
    }

    private ObjectNode application() {
        ObjectNode a = F.objectNode().put("id", APPLICATION_ID).put("name", BOT_NAME).put("description", "")
            .put("bot_public", false).put("bot_require_code_grant", false).put("flags", 0)
            .put("verify_key", "00").put("summary", "");
        a.putNull("icon");
        a.set("owner", user("1000000000000000002", "owner"));
        a.set("bot", botUser());
        a.putNull("team");
        return a;
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static ObjectNode message(String id, String channelId, JsonNode request, ObjectNode author, boolean edited) {
        ObjectNode m = F.objectNode().put("id", id).put("channel_id", channelId)
            .put("content", text(request, "content", "")).put("timestamp", now())
            .put("tts", false).put("mention_everyone", false).put("pinned", false)
            .put("type", 0).put("flags", request != null && request.has("flags") ? request.get("flags").asInt() : 0);
        if (edited) {
            m.put("edited_timestamp", now());
        } else {
            m.putNull("edited_timestamp");
        }
        m.set("author", author);
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.putArray("attachments");
        m.set("embeds", request != null && request.has("embeds") ? request.get("embeds") : F.arrayNode());
        m.set("components", request != null && request.has("components") ? request.get("components") : F.arrayNode());
        return m;
    }

    private ObjectNode thread(String id, String parentId, JsonNode request) {
        ObjectNode t = F.objectNode().put("id", id).put("parent_id", parentId)
            .put("name", text(request, "name", "thread"))
            .put("type", request != null && request.has("type") ? request.get("type").asInt() : 11)
            .put("owner_id", BOT_ID).put("message_count", 0).put("member_count", 1)
            .put("rate_limit_per_user", 0).put("flags", 0).put("total_message_sent", 0);
        if (guildId != null) {
            t.put("guild_id", guildId);
        }
        t.putNull("last_message_id");
        t.putArray("applied_tags");
        t.putObject("thread_metadata").put("archived", false)
            .put("auto_archive_duration", request != null && request.has("auto_archive_duration")
                ? request.get("auto_archive_duration").asInt() : 1440)
            .put("archive_timestamp", now()).put("locked", false).put("create_timestamp", now());
        return t;
    }

    // =====================================================================================
    // Gateway events (JSON helpers)
    // =====================================================================================

    /**
     * MESSAGE_CREATE payload for a DM from a user. JDA builds the private channel from the author when the
     * channel is unknown (EntityBuilder#createPrivateChannelByMessage), so no CHANNEL_CREATE is needed.
     */
    public String dmMessageCreate(String userId, String username, String channelId, String content) {
        ObjectNode m = message(newSnowflake(), channelId, F.objectNode().put("content", content),
            user(userId, username), false);
        return m.toString();
    }

    /** MESSAGE_CREATE payload for a DM from a user with one attachment at {@code url} (see {@link #cdnFile}). */
    public String dmMessageWithAttachment(String userId, String username, String channelId, String content,
                                          String fileName, String url, int size, String contentType) {
        ObjectNode m = message(newSnowflake(), channelId, F.objectNode().put("content", content), user(userId, username), false);
        ArrayNode attachments = F.arrayNode();
        ObjectNode a = attachments.addObject().put("id", newSnowflake()).put("filename", fileName).put("size", size)
            .put("url", url).put("proxy_url", url).put("content_type", contentType);
        if (contentType.startsWith("image/")) {
            a.put("width", 640).put("height", 480);
        }
        m.set("attachments", attachments);
        return m.toString();
    }

    /**
     * MESSAGE_CREATE payload in a guild channel/thread. Note: JDA only dispatches it when the guild and channel
     * are in its cache (otherwise it parks the event in its EventCache); only a guild configured with
     * {@link #withGuild} is sent to JDA.
     */
    public String guildMessageCreate(String guildId, String channelId, String userId, String username, String content) {
        return guildMessage(newSnowflake(), guildId, channelId, userId, username, content).toString();
    }

    /**
     * MESSAGE_UPDATE payload: the user edited their message {@code messageId} in a thread of the configured
     * guild (JDA delivers it as a MessageUpdateEvent when the thread is in its cache).
     */
    public String threadMessageUpdate(String threadId, String messageId, String userId, String username, String content) {
        requireGuild();
        ObjectNode m = guildMessage(messageId, guildId, threadId, userId, username, content);
        m.put("edited_timestamp", now());
        return m.toString();
    }

    private static ObjectNode guildMessage(String messageId, String guildId, String channelId, String userId,
                                           String username, String content) {
        ObjectNode m = message(messageId, channelId, F.objectNode().put("content", content),
            user(userId, username), false);
        m.put("guild_id", guildId);
        ObjectNode member = m.putObject("member").put("joined_at", now()).put("deaf", false).put("mute", false)
            .put("flags", 0).put("pending", false);
        member.putArray("roles");
        return m;
    }

    /**
     * INTERACTION_CREATE payload for a slash command (type 2) used in the bot's DM with the user.
     * String options are sent as type 3 options.
     */
    public String slashCommand(String interactionId, String token, String userId, String username, String channelId,
                               String commandName, Map<String, String> stringOptions) {
        channelByInteractionToken.put(token, channelId);
        ObjectNode i = dmInteraction(interactionId, token, userId, username, channelId, 2);
        ObjectNode data = i.putObject("data").put("id", newSnowflake()).put("name", commandName).put("type", 1);
        ArrayNode opts = data.putArray("options");
        if (stringOptions != null) {
            stringOptions.forEach((k, v) -> opts.addObject().put("name", k).put("type", 3).put("value", v));
        }
        return i.toString();
    }

    /** The DM channel Discord answers with when the bot opens a DM with this user (else a new id on first use). */
    public void withDirectMessageChannel(String userId, String channelId) {
        dmChannelByUser.put(userId, channelId);
    }

    /** INTERACTION_CREATE for a subcommand without options (e.g. {@code /ticket list}) used in the user's DM. */
    public String subcommand(String interactionId, String token, String userId, String username, String channelId,
                             String command, String subcommand) {
        try {
            ObjectNode i = (ObjectNode) JSON.readTree(slashCommand(interactionId, token, userId, username, channelId, command, null));
            ((ObjectNode) i.get("data")).putArray("options").addObject().put("name", subcommand).put("type", 1).putArray("options");
            return i.toString();
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The same interaction as sent by a user whose Discord client speaks {@code locale} (e.g. "es-ES"). */
    public static String withLocale(String interaction, String locale) {
        try {
            return ((ObjectNode) JSON.readTree(interaction)).put("locale", locale).toString();
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** INTERACTION_CREATE for a button (type 3, component type 2) of one of the bot's messages in the user's DM. */
    public String dmButton(String interactionId, String token, String userId, String username, String channelId,
                           String customId) {
        channelByInteractionToken.put(token, channelId);
        ObjectNode i = dmInteraction(interactionId, token, userId, username, channelId, 3);
        i.set("message", message(newSnowflake(), channelId, F.objectNode().put("content", "buttons"), botUser(), false));
        i.putObject("data").put("custom_id", customId).put("component_type", 2);
        return i.toString();
    }

    /**
     * INTERACTION_CREATE for a button pressed by a guild member on one of the bot's messages in a thread of the
     * configured guild (the thread must be known to JDA: made through this double's REST or seeded).
     */
    public String threadButton(String interactionId, String token, String threadId, String userId, String username,
                               String customId) {
        ObjectNode i = threadInteraction(interactionId, token, threadId, userId, username, 3);
        i.set("message", message(newSnowflake(), threadId, F.objectNode().put("content", "card"), botUser(), false));
        i.putObject("data").put("custom_id", customId).put("component_type", 2);
        return i.toString();
    }

    /** INTERACTION_CREATE for a guild member's slash command (type 2) in a thread of the configured guild, its string options as given. */
    public String threadSlashCommand(String interactionId, String token, String threadId, String userId, String username,
                                     String commandName, Map<String, String> stringOptions) {
        ObjectNode i = threadInteraction(interactionId, token, threadId, userId, username, 2);
        ObjectNode data = i.putObject("data").put("id", newSnowflake()).put("name", commandName).put("type", 1);
        ArrayNode opts = data.putArray("options");
        stringOptions.forEach((k, v) -> opts.addObject().put("name", k).put("type", 3).put("value", v));
        return i.toString();
    }

    /**
     * INTERACTION_CREATE for completion (type 4) while a guild member types the string option {@code option} of a slash
     * command in a thread: what they typed so far, the option focused. The bot answers with choices (callback type 8).
     */
    public String threadAutocomplete(String interactionId, String token, String threadId, String userId, String username,
                                     String commandName, String option, String typed) {
        ObjectNode i = threadInteraction(interactionId, token, threadId, userId, username, 4);
        ObjectNode data = i.putObject("data").put("id", newSnowflake()).put("name", commandName).put("type", 1);
        data.putArray("options").addObject().put("name", option).put("type", 3).put("value", typed).put("focused", true);
        return i.toString();
    }

    private ObjectNode threadInteraction(String interactionId, String token, String threadId, String userId, String username, int type) {
        requireGuild();
        channelByInteractionToken.put(token, threadId);
        ObjectNode i = F.objectNode().put("id", interactionId).put("application_id", APPLICATION_ID)
            .put("type", type).put("token", token).put("version", 1).put("locale", "en-US")
            .put("guild_locale", "en-US").put("guild_id", guildId).put("channel_id", threadId).put("context", 0)
            .put("app_permissions", "8");
        ObjectNode member = member(user(userId, username)).put("permissions", "8");
        i.set("member", member);
        ObjectNode thread = threads.containsKey(threadId) ? threads.get(threadId).deepCopy()
            : thread(threadId, staffChannelId, F.objectNode());
        i.set("channel", thread);
        i.putObject("guild").put("id", guildId).put("locale", "en-US").putArray("features");
        i.putObject("authorizing_integration_owners").put("0", guildId);
        i.putArray("entitlements");
        return i;
    }

    /**
     * INTERACTION_CREATE for a submitted form (type 5) in the user's DM: each text input and each string select
     * inside a label, as Discord sends them.
     */
    public String formSubmit(String interactionId, String token, String userId, String username, String channelId,
                             String formId, Map<String, String> textInputs, Map<String, List<String>> selects) {
        channelByInteractionToken.put(token, channelId);
        ObjectNode i = dmInteraction(interactionId, token, userId, username, channelId, 5);
        ObjectNode data = i.putObject("data").put("custom_id", formId);
        ArrayNode components = data.putArray("components");
        int[] id = {1};
        textInputs.forEach((field, value) -> {
            ObjectNode label = components.addObject().put("type", 18).put("id", id[0]++);
            label.putObject("component").put("type", 4).put("id", id[0]++).put("custom_id", field).put("value", value);
        });
        selects.forEach((field, values) -> {
            ObjectNode label = components.addObject().put("type", 18).put("id", id[0]++);
            ArrayNode chosen = label.putObject("component").put("type", 3).put("id", id[0]++).put("custom_id", field)
                .putArray("values");
            values.forEach(chosen::add);
        });
        return i.toString();
    }

    private ObjectNode dmInteraction(String interactionId, String token, String userId, String username, String channelId,
                                     int type) {
        ObjectNode i = F.objectNode().put("id", interactionId).put("application_id", APPLICATION_ID)
            .put("type", type).put("token", token).put("version", 1).put("locale", "en-US")
            .put("channel_id", channelId).put("context", 1).put("app_permissions", "0");
        ObjectNode u = user(userId, username);
        i.set("user", u);
        ObjectNode ch = i.putObject("channel").put("id", channelId).put("type", 1).put("flags", 0);
        ch.putArray("recipients").add(u.deepCopy());
        i.putObject("authorizing_integration_owners").put("1", userId);
        i.putArray("entitlements");
        return i;
    }

    // =====================================================================================
    // Gateway control
    // =====================================================================================

    /** Sends op 0 with the next seq to the active connection; when none is active it is only kept for RESUME. */
    public void dispatch(String eventType, String dataJson) {
        JsonNode d;
        try {
            d = JSON.readTree(dataJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("bad event JSON", e);
        }
        if (eventType.equals("MESSAGE_CREATE") && d.hasNonNull("channel_id")) {
            synchronized (writtenByChannel) {
                writtenByChannel.computeIfAbsent(d.path("channel_id").asText(), c -> new ArrayList<>()).add((ObjectNode) d.deepCopy());
            }
        }
        synchronized (gatewayLock) {
            ObjectNode frame = F.objectNode().put("op", 0).put("t", eventType).put("s", ++seq);
            frame.set("d", d);
            history.add(frame);
            if (active != null) {
                active.sendQuietly(frame.toString());
            }
        }
    }

    /**
     * A channel's messages as Discord keeps them (what the bot posted and what users wrote there),
     * newest first; {@code after=<id>} gives only newer ones and {@code limit} (at most 100, 50 by
     * default) how many.
     */
    private ArrayNode channelHistory(String channelId, String query) {
        long after = 0;
        int limit = 50;
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].equals("after")) {
                after = Long.parseLong(kv[1]);
            } else if (kv.length == 2 && kv[0].equals("limit")) {
                limit = Math.min(100, Integer.parseInt(kv[1]));
            }
        }
        List<ObjectNode> messages = new ArrayList<>();
        synchronized (postedByChannel) {
            postedByChannel.getOrDefault(channelId, List.of()).forEach(m -> messages.add(m.deepCopy()));
        }
        synchronized (writtenByChannel) {
            writtenByChannel.getOrDefault(channelId, List.of()).forEach(m -> messages.add(m.deepCopy()));
        }
        long newerThan = after;
        ArrayNode history = F.arrayNode();
        messages.stream().filter(m -> m.path("id").asLong() > newerThan)
                .sorted((a, b) -> Long.compare(b.path("id").asLong(), a.path("id").asLong()))
                .limit(limit).forEach(history::add);
        return history;
    }

    /** What users wrote in each channel (MESSAGE_CREATE dispatched), kept as Discord keeps a channel's history. */
    private final Map<String, List<ObjectNode>> writtenByChannel = new HashMap<>();

    /** Whether a gateway connection is active now: an event dispatched now reaches the bot. */
    public boolean connected() {
        synchronized (gatewayLock) {
            return active != null;
        }
    }

    /** Abruptly closes the gateway TCP connection (no close frame, like a 1006), so JDA reconnects and RESUMEs. */
    public void dropConnection() {
        synchronized (gatewayLock) {
            active = null;
        }
        for (WsConnection c : connections) {
            c.abort();
        }
    }

    public int identifyCount() {
        return identifyCount.get();
    }

    public int resumeCount() {
        return resumeCount.get();
    }

    /** Number of RESUMED dispatches sent (successful resumes). */
    public int resumedCount() {
        return resumedCount.get();
    }

    /** The {@code seq} of every RESUME (op 6) received, in order. */
    public List<Long> resumedFromSeq() {
        return List.copyOf(resumedFromSeq);
    }

    /** Every payload the client sent on the gateway (IDENTIFY, RESUME, heartbeats, ...). */
    public List<JsonNode> receivedGatewayPayloads() {
        return List.copyOf(received);
    }

    /** The seq of the last dispatch sent (or kept for RESUME) in the current session. */
    public int lastSeq() {
        synchronized (gatewayLock) {
            return seq;
        }
    }

    public String sessionId() {
        synchronized (gatewayLock) {
            return sessionId;
        }
    }

    /** Waits until at least one READY has been sent. */
    public void awaitReady(Duration timeout) {
        if (!waitFor(timeout, () -> readyCount.get() > 0)) {
            throw new AssertionError("no IDENTIFY/READY within " + timeout);
        }
    }

    /** Waits until at least {@code count} RESUMED dispatches have been sent. */
    public void awaitResumed(int count, Duration timeout) {
        if (!waitFor(timeout, () -> resumedCount.get() >= count)) {
            throw new AssertionError("no RESUMED #" + count + " within " + timeout
                + " (resumes=" + resumeCount.get() + ", identifies=" + identifyCount.get() + ")");
        }
    }

    private static boolean waitFor(Duration timeout, BooleanSupplier condition) {
        try {
            Awaitility.await().pollInterval(Duration.ofMillis(20)).atMost(timeout).until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private void onGatewayText(WsConnection conn, String text) throws IOException {
        JsonNode p = JSON.readTree(text);
        received.add(p);
        int op = p.path("op").asInt(-1);
        JsonNode d = p.path("d");
        switch (op) {
            case 1 -> conn.send("{\"op\":11}");
            case 2 -> {
                identifyCount.incrementAndGet();
                synchronized (gatewayLock) {
                    sessionId = UUID.randomUUID().toString().replace("-", "");
                    seq = 0;
                    history.clear();
                    ObjectNode ready = F.objectNode().put("v", 10).put("session_id", sessionId)
                        .put("resume_gateway_url", gatewayUrl()).put("session_type", "normal");
                    ready.set("user", botUser());
                    ArrayNode readyGuilds = ready.putArray("guilds");
                    if (guildId != null) {
                        readyGuilds.addObject().put("id", guildId).put("unavailable", true);
                    }
                    ready.putArray("private_channels");
                    ready.putArray("relationships");
                    ready.putObject("application").put("id", APPLICATION_ID).put("flags", 0);
                    ready.putArray("_trace").add("discord-api-double");
                    ObjectNode frame = F.objectNode().put("op", 0).put("t", "READY").put("s", ++seq);
                    frame.set("d", ready);
                    active = conn;
                    conn.send(frame.toString());
                    if (guildId != null) {
                        ObjectNode create = F.objectNode().put("op", 0).put("t", "GUILD_CREATE").put("s", ++seq);
                        create.set("d", guildCreate());
                        history.add(create);
                        conn.send(create.toString());
                    }
                }
                readyCount.incrementAndGet();
            }
            case 6 -> {
                resumeCount.incrementAndGet();
                long from = d.path("seq").asLong();
                resumedFromSeq.add(from);
                synchronized (gatewayLock) {
                    if (sessionId == null || !sessionId.equals(d.path("session_id").asText())) {
                        conn.send("{\"op\":9,\"d\":false}");
                        return;
                    }
                    active = conn;
                    for (ObjectNode event : history) {
                        if (event.get("s").asLong() > from) {
                            conn.send(event.toString());
                        }
                    }
                    ObjectNode resumed = F.objectNode().put("op", 0).put("t", "RESUMED").put("s", ++seq);
                    resumed.putObject("d").putArray("_trace").add("discord-api-double");
                    conn.send(resumed.toString());
                }
                resumedCount.incrementAndGet();
            }
            default -> {
                // presence updates (3), voice state (4), request members (8): ignored
            }
        }
    }

    // =====================================================================================
    // Minimal RFC 6455 server
    // =====================================================================================

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = wsServer.accept();
                WsConnection c = new WsConnection(s);
                connections.add(c);
                Thread t = new Thread(c::run, "discord-double-gateway-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    // not expected of a bound socket on loopback: say so, and take no more connections
                    // (the test that needs one fails with this reason in its output)
                    System.err.println("Discord double: the gateway stops accepting connections: " + e);
                }
                return;
            }
        }
    }


    private final class WsConnection {
        private final Socket socket;
        private OutputStream out;

        WsConnection(Socket socket) {
            this.socket = socket;
        }

        void run() {
            try (socket) {
                socket.setTcpNoDelay(true);
                InputStream in = socket.getInputStream();
                out = socket.getOutputStream();
                if (!handshake(in)) {
                    return;
                }
                send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250,\"_trace\":[\"discord-api-double\"]}}");
                ByteArrayOutputStream message = new ByteArrayOutputStream();
                int messageOpcode = 0;
                while (!closed) {
                    int b0 = readByte(in);
                    int b1 = readByte(in);
                    boolean fin = (b0 & 0x80) != 0;
                    int opcode = b0 & 0x0F;
                    boolean masked = (b1 & 0x80) != 0;
                    long len = b1 & 0x7F;
                    if (len == 126) {
                        len = ((long) readByte(in) << 8) | readByte(in);
                    } else if (len == 127) {
                        len = 0;
                        for (int i = 0; i < 8; i++) {
                            len = (len << 8) | readByte(in);
                        }
                    }
                    byte[] mask = masked ? in.readNBytes(4) : null;
                    byte[] payload = in.readNBytes((int) len);
                    if (payload.length != len) {
                        throw new EOFException();
                    }
                    if (mask != null) {
                        for (int i = 0; i < payload.length; i++) {
                            payload[i] ^= mask[i & 3];
                        }
                    }
                    switch (opcode) {
                        case 0x0, 0x1, 0x2 -> {
                            if (opcode != 0) {
                                messageOpcode = opcode;
                                message.reset();
                            }
                            message.write(payload);
                            if (fin) {
                                if (messageOpcode == 0x1) {
                                    onGatewayText(this, message.toString(StandardCharsets.UTF_8));
                                }
                                message.reset();
                            }
                        }
                        case 0x8 -> {
                            writeFrame(0x8, payload);   // echo the close code and hang up
                            return;
                        }
                        case 0x9 -> writeFrame(0xA, payload);
                        default -> {
                            // pong (0xA) ignored
                        }
                    }
                }
            } catch (IOException e) {
                // connection dropped (by the client or by dropConnection)
            } finally {
                connections.remove(this);
                synchronized (gatewayLock) {
                    if (active == this) {
                        active = null;
                    }
                }
            }
        }

        private boolean handshake(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            while (matched < 4) {
                int b = readByte(in);
                head.write(b);
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String key = null;
            for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Sec-WebSocket-Key")) {
                    key = line.substring(colon + 1).trim();
                }
            }
            if (key == null) {
                out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
                return false;
            }
            String accept;
            try {
                accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + WS_GUID).getBytes(StandardCharsets.ISO_8859_1)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return true;
        }

        private int readByte(InputStream in) throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            return b;
        }

        void send(String text) throws IOException {
            writeFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
        }

        void sendQuietly(String text) {
            try {
                send(text);
            } catch (IOException e) {
                abort();
            }
        }

        synchronized void writeFrame(int opcode, byte[] payload) throws IOException {
            ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 10);
            f.write(0x80 | opcode);
            if (payload.length < 126) {
                f.write(payload.length);
            } else if (payload.length <= 0xFFFF) {
                f.write(126);
                f.write(payload.length >>> 8);
                f.write(payload.length & 0xFF);
            } else {
                f.write(127);
                for (int i = 7; i >= 0; i--) {
                    f.write((int) (((long) payload.length >>> (8 * i)) & 0xFF));
                }
            }
            f.write(payload);
            out.write(f.toByteArray());
            out.flush();
        }

        void abort() {
            try {
                socket.setSoLinger(true, 0);   // RST instead of FIN: as abrupt as it gets
            } catch (SocketException ignored) {
                // already closed
            }
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        closed = true;
        dropConnection();
        try {
            wsServer.close();
        } catch (IOException ignored) {
            // closing
        }
        http.stop(0);
        httpExecutor.shutdownNow();
    }
}
