package com.careregistry.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A local, in-process double of the Telegram Bot API for tests.
 *
 * <p>It listens on {@code 127.0.0.1} on a free port and answers {@code /bot<token>/<method>} (and
 * {@code /bot<token>/test/<method>}) the way Telegram does, so the real
 * {@code OkHttpTelegramClient} (and the long-polling {@code BotSession}) can be pointed at it with
 * {@code new TelegramUrl("http", "127.0.0.1", api.port(), false)}.
 *
 * <p>Every request is recorded as a {@link Call}; the method name is canonicalised to the Bot API
 * spelling ({@code sendMessage}, even though telegrambots 10.x posts to {@code /sendmessage}).
 * Request parameters are turned into one JSON object whatever the encoding (JSON body,
 * multipart/form-data, urlencoded or query string). Multipart values are kept as JSON strings
 * (so {@code reply_markup} is a string there, but a JSON object in a JSON body); use
 * {@link Call#jsonParam(String)} to read such a parameter uniformly and {@link Call#param(String)}
 * for plain values.
 *
 * <p>All state is guarded by one monitor; the HTTP server runs on a small pool of daemon threads.
 */
public class TelegramApiDouble implements AutoCloseable {

    public static final long BOT_ID = 999L;
    public static final String BOT_FIRST_NAME = "CareBot";
    public static final String BOT_USERNAME = "care_bot";
    public static final int DEFAULT_ICON_COLOR = 7322096;

    /** getUpdates never holds a request longer than this, whatever its {@code timeout}. */
    private static final long MAX_LONG_POLL_MILLIS = 1000;

    /**
     * One request received by the double.
     *
     * @param method canonical Bot API method name, e.g. {@code sendMessage}
     * @param params request parameters as a JSON object (multipart/urlencoded values are strings)
     * @param failed true when the double answered with an error (injected fault, gone thread,
     *               unknown method)
     */
    public record Call(String method, JsonNode params, boolean failed, JsonNode result) {

        public Call(String method, JsonNode params, boolean failed) {
            this(method, params, failed, null);
        }

        /** The id of the message this call made (what Telegram answered), or null. */
        public Integer messageId() {
            return result != null && result.path("message_id").canConvertToInt() ? result.path("message_id").asInt() : null;
        }

        /** Plain value of a parameter ({@code asText()} of a value node, JSON text of an object), or null. */
        public String param(String name) {
            JsonNode node = params.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            return node.isValueNode() ? node.asText() : node.toString();
        }

        /**
         * A parameter read as JSON regardless of encoding: objects/arrays are returned as is, strings
         * holding JSON (multipart {@code reply_markup}, {@code entities}, ...) are parsed. Returns a
         * missing node when absent.
         */
        public JsonNode jsonParam(String name) {
            JsonNode node = params.path(name);
            if (node.isTextual()) {
                String text = node.asText().trim();
                if (text.startsWith("{") || text.startsWith("[")) {
                    try {
                        return MAPPER.readTree(text);
                    } catch (JsonProcessingException e) {
                        return node;
                    }
                }
            }
            return node;
        }

        public boolean succeeded() {
            return !failed;
        }

        /** True when this is a call of {@code methodName} (case-insensitive, like Telegram). */
        public boolean is(String methodName) {
            return method.equalsIgnoreCase(methodName);
        }

        @Override
        public String toString() {
            return method + (failed ? " [FAILED] " : " ") + params;
        }
    }

    private record Fault(int errorCode, String description, Integer retryAfter) {
    }

    private record FaultBudget(Fault fault, int[] remaining) {
    }

    private record ThreadKey(long chatId, long threadId) {
    }

    private record QueuedUpdate(long updateId, JsonNode json) {
    }

    private record Reply(int status, JsonNode body) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        // the JDK's HTTP server sends headers and body in two writes; without TCP_NODELAY the client's
        // delayed ACK holds every answer about 40 ms (read once, when the first server starts)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }


    private static final Map<String, String> CANONICAL = new HashMap<>();

    static {
        String known = "getUpdates setWebhook deleteWebhook getWebhookInfo getMe logOut close sendMessage "
                + "forwardMessage forwardMessages copyMessage copyMessages sendPhoto sendAudio sendDocument "
                + "sendVideo sendAnimation sendVoice sendVideoNote sendPaidMedia sendMediaGroup sendLocation "
                + "sendVenue sendContact sendPoll sendDice sendChatAction setMessageReaction "
                + "getUserProfilePhotos getFile banChatMember unbanChatMember restrictChatMember "
                + "promoteChatMember setChatTitle setChatDescription pinChatMessage unpinChatMessage "
                + "unpinAllChatMessages leaveChat getChat getChatAdministrators getChatMemberCount "
                + "getChatMember answerCallbackQuery setMyCommands deleteMyCommands getMyCommands "
                + "setMyName getMyName setMyDescription getMyDescription setMyShortDescription "
                + "getMyShortDescription setChatMenuButton getChatMenuButton editMessageText "
                + "editMessageCaption editMessageMedia editMessageReplyMarkup stopPoll deleteMessage "
                + "deleteMessages sendSticker getForumTopicIconStickers createForumTopic editForumTopic "
                + "closeForumTopic reopenForumTopic deleteForumTopic unpinAllForumTopicMessages "
                + "editGeneralForumTopic closeGeneralForumTopic reopenGeneralForumTopic "
                + "hideGeneralForumTopic unhideGeneralForumTopic answerInlineQuery";
        for (String name : known.split(" ")) {
            CANONICAL.put(name.toLowerCase(Locale.ROOT), name);
        }
    }

    /** Methods answered with a Message object. */
    private static final Set<String> MESSAGE_METHODS = Set.of(
            "sendMessage", "sendPhoto", "sendDocument", "sendVoice", "sendVideo", "sendAudio",
            "sendAnimation", "forwardMessage", "editMessageText", "editMessageCaption");

    /** Methods answered with {@code true}. */
    private static final Set<String> TRUE_METHODS = Set.of(
            "editForumTopic", "deleteWebhook", "setWebhook", "setMyCommands", "answerCallbackQuery",
            "deleteMessage", "editMessageReplyMarkup", "deleteMyCommands", "sendChatAction",
            "closeForumTopic", "reopenForumTopic", "deleteForumTopic", "pinChatMessage",
            "unpinChatMessage", "setMessageReaction");

    /** Methods that post into a chat (and so fail when aimed at a gone forum topic). */
    private static final Set<String> THREAD_SENSITIVE_METHODS = Set.of(
            "sendMessage", "sendPhoto", "sendDocument", "sendVoice", "sendVideo", "sendAudio",
            "sendAnimation", "sendVideoNote", "sendSticker", "sendMediaGroup", "sendPaidMedia",
            "sendLocation", "sendVenue", "sendContact", "sendPoll", "sendDice", "sendChatAction",
            "copyMessage", "copyMessages", "forwardMessage", "forwardMessages");

    private final Object lock = new Object();
    private final HttpServer server;
    private final ExecutorService executor;

    // ---- state, all guarded by lock ----
    private final List<Call> calls = new ArrayList<>();
    private final List<QueuedUpdate> updates = new ArrayList<>();
    private final Map<String, Deque<FaultBudget>> faults = new HashMap<>();
    private final Set<ThreadKey> goneThreads = new HashSet<>();
    private final Map<String, JsonNode> stubbedResults = new HashMap<>();
    private long lastUpdateId;
    private int nextMessageId = 1;
    private int nextThreadId = 100;
    private long nextCallbackId = 1;
    private int nextFileId = 1;
    private boolean closed;
    private boolean recording = true;
    private final List<java.util.function.Consumer<Call>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Limits limits;
    private final java.util.PriorityQueue<Long> arrivals = new java.util.PriorityQueue<>();
    private final Map<Long, Long> lastToPrivateChat = new HashMap<>();
    private final Map<Long, java.util.PriorityQueue<Long>> toGroup = new HashMap<>();
    /** When each handler thread's call arrived (read before its body), for the limits. */
    private final ThreadLocal<Long> arrivedAt = new ThreadLocal<>();
    private int tooManyRequests;
    private final Map<String, Integer> tooManyRequestsByLimit = new java.util.TreeMap<>();
    private volatile long latencyNanos;
    /** Writes the answers held back by {@link #answerAfter}, each when its latency is over. */
    private final java.util.concurrent.ScheduledExecutorService answering;

    /** Telegram's limits as this double enforces them: sliding windows over the calls' arrival. */
    private record Limits(int perSecond, long privateIntervalNanos, int groupPerMinute) {
    }

    /** Calls that post a message into a chat: what Telegram's limits count. */
    private static final Set<String> COUNTED_METHODS = Set.of(
            "sendMessage", "sendPhoto", "sendDocument", "sendVoice", "sendVideo", "sendAudio", "sendAnimation",
            "sendVideoNote", "sendSticker", "sendMediaGroup", "sendLocation", "sendVenue", "sendContact", "sendPoll",
            "sendDice", "copyMessage", "forwardMessage", "createForumTopic");

    /** Starts the double on 127.0.0.1 with a free port. */
    public TelegramApiDouble() {
        AtomicInteger threadNumber = new AtomicInteger();
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "telegram-api-double-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger answerThreadNumber = new AtomicInteger();
        answering = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "telegram-api-double-answer-" + answerThreadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        } catch (IOException e) {
            executor.shutdownNow();
            answering.shutdownNow();
            throw new UncheckedIOException("Cannot start Telegram API double", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            lock.notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
        answering.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------
    // Recorded calls
    // ------------------------------------------------------------------------------------------

    /** Snapshot of all calls so far, in arrival order. */
    public List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /** Snapshot of the calls of one method (case-insensitive), in arrival order. */
    public List<Call> calls(String method) {
        synchronized (lock) {
            return calls.stream().filter(c -> c.is(method)).toList();
        }
    }

    public void clearCalls() {
        synchronized (lock) {
            calls.clear();
        }
    }

    /**
     * Waits until a call of {@code method} satisfying {@code matching} (null = any) has been
     * recorded — including calls recorded before this method was called — and returns the first
     * such call. Failed calls are candidates too; add {@code Call::succeeded} to the predicate to
     * skip them.
     *
     * @throws AssertionError on timeout, listing the calls seen
     */
    public Call awaitCall(String method, Predicate<Call> matching, Duration timeout) {
        Predicate<Call> predicate = matching == null ? c -> true : matching;
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            int checked = 0;
            while (true) {
                if (checked > calls.size()) {
                    checked = 0; // clearCalls() happened meanwhile
                }
                for (; checked < calls.size(); checked++) {
                    Call call = calls.get(checked);
                    if (call.is(method) && predicate.test(call)) {
                        return call;
                    }
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError("No matching " + method + " call within " + timeout + ". "
                            + describeCalls(method));
                }
                waitOnLock(remaining);
            }
        }
    }

    /**
     * Waits until at least {@code count} calls of {@code method} (failed ones included) have been
     * recorded and returns all calls of that method recorded so far (size >= count).
     */
    public List<Call> awaitCalls(String method, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                List<Call> matching = calls.stream().filter(c -> c.is(method)).toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError("Expected " + count + " " + method + " calls within " + timeout
                            + " but got " + matching.size() + ". " + describeCalls(method));
                }
                waitOnLock(remaining);
            }
        }
    }

    private void waitOnLock(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(lock, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for Telegram API calls", e);
        }
    }

    private String describeCalls(String awaitedMethod) {
        StringBuilder out = new StringBuilder("Calls seen (" + calls.size() + "):");
        int polls = 0;
        for (Call call : calls) {
            if (call.is("getUpdates") && !"getUpdates".equalsIgnoreCase(awaitedMethod)) {
                polls++;
                continue;
            }
            out.append("\n  ").append(call);
        }
        if (polls > 0) {
            out.append("\n  (+ ").append(polls).append(" getUpdates polls)");
        }
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------
    // Updates
    // ------------------------------------------------------------------------------------------

    /** Queues a raw Telegram Update JSON object (it must carry its own {@code update_id}). */
    public void enqueueUpdate(String updateJson) {
        JsonNode update = readJson(updateJson);
        if (!update.isObject() || !update.path("update_id").canConvertToLong()) {
            throw new IllegalArgumentException("An Update JSON object with a numeric update_id is required: "
                    + updateJson);
        }
        long updateId = update.path("update_id").asLong();
        synchronized (lock) {
            updates.add(new QueuedUpdate(updateId, update));
            lastUpdateId = Math.max(lastUpdateId, updateId);
            lock.notifyAll();
        }
    }

    /** The highest update_id produced by the helpers or enqueued so far (0 if none). */
    public long lastUpdateId() {
        synchronized (lock) {
            return lastUpdateId;
        }
    }

    /** Reserves and returns the next update_id (also used by the helpers). */
    public long nextUpdateId() {
        synchronized (lock) {
            return ++lastUpdateId;
        }
    }

    /** Number of queued updates the bot has not confirmed yet (by polling with a higher offset). */
    public int pendingUpdates() {
        synchronized (lock) {
            return updates.size();
        }
    }

    /**
     * Waits until every queued update has been confirmed, i.e. the bot asked getUpdates with an
     * offset above it (which the long-polling session does after handing the batch to the consumer).
     */
    public void awaitUpdatesConfirmed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!updates.isEmpty()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError(updates.size() + " update(s) still unconfirmed after " + timeout
                            + ": " + updates.stream().map(QueuedUpdate::updateId).toList());
                }
                waitOnLock(remaining);
            }
        }
    }

    /** A copy of {@code updateJson} with another update_id (e.g. to deliver the same payload twice). */
    public String withUpdateId(String updateJson, long updateId) {
        JsonNode node = readJson(updateJson);
        if (!node.isObject()) {
            throw new IllegalArgumentException("Not a JSON object: " + updateJson);
        }
        ((ObjectNode) node).put("update_id", updateId);
        return node.toString();
    }

    /** A copy of {@code updateJson} with a fresh update_id from the counter. */
    public String withNewUpdateId(String updateJson) {
        return withUpdateId(updateJson, nextUpdateId());
    }

    /** A text message in the private chat with the user (chat id == user id). */
    public String privateText(long userId, String firstName, String languageCode, String text) {
        ObjectNode message = privateMessage(userId, firstName, languageCode);
        putText(message, text);
        return update("message", message);
    }

    /** A photo (one PhotoSize) in the private chat with the user; caption may be null. */
    public String privatePhoto(long userId, String firstName, String fileId, String caption) {
        ObjectNode message = privateMessage(userId, firstName, null);
        ArrayNode photo = message.putArray("photo");
        photo.add(photoSize(fileId, 1280, 960));
        if (caption != null) {
            message.put("caption", caption);
        }
        return update("message", message);
    }

    /** A document in the private chat with the user; caption may be null. */
    public String privateDocument(long userId, String firstName, String fileId, String fileName, String caption) {
        ObjectNode message = privateMessage(userId, firstName, null);
        ObjectNode document = message.putObject("document");
        document.put("file_id", fileId);
        document.put("file_unique_id", uniqueId(fileId));
        if (fileName != null) {
            document.put("file_name", fileName);
        }
        document.put("mime_type", "application/octet-stream");
        document.put("file_size", 1024);
        if (caption != null) {
            message.put("caption", caption);
        }
        return update("message", message);
    }

    /**
     * A text message posted in a forum topic of a supergroup. Like real Telegram, a topic message
     * that is not an explicit reply carries {@code reply_to_message} = the topic's creation
     * service message (message_id == message_thread_id, with {@code forum_topic_created}).
     */
    public String groupTopicText(long groupChatId, int messageThreadId, long userId, String firstName, String text) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("message_id", nextMessageId());
        message.put("message_thread_id", messageThreadId);
        message.set("from", user(userId, firstName, null));
        message.set("chat", supergroupChat(groupChatId));
        message.put("date", now());
        message.put("is_topic_message", true);
        message.set("reply_to_message", topicCreated(supergroupChat(groupChatId), messageThreadId));
        putText(message, text);
        return update("message", message);
    }

    /** Whether getMe says the bot has topics in its private chats (BotFather's switch); off unless a test turns it on. */
    public void topicsInPrivateChats(boolean on) {
        topicsInPrivateChats = on;
    }

    private volatile boolean topicsInPrivateChats;

    /**
     * A text message the user wrote in a topic of their private chat with the bot (Bot API 9.3). As in
     * a group's topic, it carries {@code reply_to_message} = the topic's creation service message.
     */
    public String privateTopicText(long userId, String firstName, int messageThreadId, String text) {
        ObjectNode message = privateMessage(userId, firstName, "en");
        message.put("message_thread_id", messageThreadId);
        message.put("is_topic_message", true);
        message.set("reply_to_message", topicCreated(privateChat(userId, firstName), messageThreadId));
        putText(message, text);
        return update("message", message);
    }

    /**
     * A business_connection update: the Telegram Business account of {@code ownerId} connected the bot
     * (or changed the connection): enabled or not, with the right to reply or not (Bot API 9.0 rights).
     */
    public String businessConnection(String connectionId, long ownerId, String ownerName, boolean enabled, boolean canReply) {
        ObjectNode connection = JsonNodeFactory.instance.objectNode();
        connection.put("id", connectionId);
        connection.set("user", user(ownerId, ownerName, null));
        connection.put("user_chat_id", ownerId);
        connection.put("date", now());
        connection.put("is_enabled", enabled);
        ObjectNode rights = connection.putObject("rights");
        if (canReply) {
            rights.put("can_reply", true);
        }
        rights.put("can_read_messages", true);
        return update("business_connection", connection);
    }

    /**
     * A business_message: the user wrote to the connected business account; the chat is the private chat
     * between them (its id is the user's), as the business account sees it.
     */
    public String businessText(String connectionId, long userId, String firstName, String text) {
        ObjectNode message = privateMessage(userId, firstName, "en");
        message.put("business_connection_id", connectionId);
        putText(message, text);
        return update("business_message", message);
    }

    /** A business_message written in the chat with the customer by someone of the company ({@code fromId}), not the customer. */
    public String businessTextFrom(String connectionId, long customerId, long fromId, String fromName, String text) {
        ObjectNode message = privateMessage(customerId, "Customer", null);
        message.set("from", user(fromId, fromName, null));
        message.put("business_connection_id", connectionId);
        putText(message, text);
        return update("business_message", message);
    }

    /** An edited_message: the user edited their message {@code messageId} in a forum topic of a supergroup. */
    public String editedGroupTopicText(long groupChatId, int messageThreadId, long userId, String firstName, int messageId,
                                       String newText) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("message_id", messageId);
        message.put("message_thread_id", messageThreadId);
        message.set("from", user(userId, firstName, null));
        message.set("chat", supergroupChat(groupChatId));
        long now = now();
        message.put("date", now - 60);
        message.put("edit_date", now);
        message.put("is_topic_message", true);
        putText(message, newText);
        return update("edited_message", message);
    }

    /** The service message that opened a topic (the bot made it): what a topic's messages reply to. */
    private ObjectNode topicCreated(ObjectNode chat, int messageThreadId) {
        ObjectNode topicCreated = JsonNodeFactory.instance.objectNode();
        topicCreated.put("message_id", messageThreadId);
        topicCreated.put("message_thread_id", messageThreadId);
        topicCreated.set("from", botUser());
        topicCreated.set("chat", chat);
        topicCreated.put("date", now() - 3600);
        topicCreated.put("is_topic_message", true);
        ObjectNode created = topicCreated.putObject("forum_topic_created");
        created.put("name", "Topic " + messageThreadId);
        created.put("icon_color", DEFAULT_ICON_COLOR);
        return topicCreated;
    }

    /** A callback_query from pressing an inline button on the bot's message {@code messageId} in {@code chatId}. */
    public String callback(long userId, String firstName, long chatId, int messageId, String data) {
        ObjectNode query = JsonNodeFactory.instance.objectNode();
        synchronized (lock) {
            query.put("id", String.valueOf(4_000_000_000L + nextCallbackId++));
        }
        query.set("from", user(userId, firstName, null));
        ObjectNode message = query.putObject("message");
        message.put("message_id", messageId);
        message.set("from", botUser());
        message.set("chat", chatId > 0 ? privateChat(chatId, firstName) : supergroupChat(chatId));
        message.put("date", now() - 60);
        message.put("text", "(message with inline keyboard)");
        query.put("chat_instance", String.valueOf(-chatId * 31 - 7));
        query.put("data", data);
        return update("callback_query", query);
    }

    /** An edited_message: the user edited their private message {@code messageId}. */
    public String editedPrivateText(long userId, String firstName, int messageId, String newText) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("message_id", messageId);
        message.set("from", user(userId, firstName, null));
        message.set("chat", privateChat(userId, firstName));
        long now = now();
        message.put("date", now - 60);
        message.put("edit_date", now);
        putText(message, newText);
        return update("edited_message", message);
    }

    /** A private message that replies to the bot's message {@code replyToMessageId}. */
    public String privateReply(long userId, String firstName, String text, int replyToMessageId, String replyToText) {
        ObjectNode message = privateMessage(userId, firstName, null);
        ObjectNode replyTo = JsonNodeFactory.instance.objectNode();
        replyTo.put("message_id", replyToMessageId);
        replyTo.set("from", botUser());
        replyTo.set("chat", privateChat(userId, firstName));
        replyTo.put("date", now() - 60);
        if (replyToText != null) {
            replyTo.put("text", replyToText);
        }
        message.set("reply_to_message", replyTo);
        putText(message, text);
        return update("message", message);
    }

    private ObjectNode privateMessage(long userId, String firstName, String languageCode) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("message_id", nextMessageId());
        message.set("from", user(userId, firstName, languageCode));
        message.set("chat", privateChat(userId, firstName));
        message.put("date", now());
        return message;
    }

    private static void putText(ObjectNode message, String text) {
        message.put("text", text);
        if (text != null && text.startsWith("/") && text.length() > 1) {
            int end = 1;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            ObjectNode entity = message.putArray("entities").addObject();
            entity.put("offset", 0);
            entity.put("length", end);
            entity.put("type", "bot_command");
        }
    }

    private String update(String kind, ObjectNode payload) {
        ObjectNode update = JsonNodeFactory.instance.objectNode();
        update.put("update_id", nextUpdateId());
        update.set(kind, payload);
        return update.toString();
    }

    private static ObjectNode user(long id, String firstName, String languageCode) {
        ObjectNode user = JsonNodeFactory.instance.objectNode();
        user.put("id", id);
        user.put("is_bot", false);
        user.put("first_name", firstName);
        if (languageCode != null) {
            user.put("language_code", languageCode);
        }
        return user;
    }

    private static ObjectNode botUser() {
        ObjectNode bot = JsonNodeFactory.instance.objectNode();
        bot.put("id", BOT_ID);
        bot.put("is_bot", true);
        bot.put("first_name", BOT_FIRST_NAME);
        bot.put("username", BOT_USERNAME);
        return bot;
    }

    private static ObjectNode privateChat(long id, String firstName) {
        ObjectNode chat = JsonNodeFactory.instance.objectNode();
        chat.put("id", id);
        chat.put("type", "private");
        chat.put("first_name", firstName == null ? "User" : firstName);
        return chat;
    }

    private static ObjectNode supergroupChat(long id) {
        ObjectNode chat = JsonNodeFactory.instance.objectNode();
        chat.put("id", id);
        chat.put("type", "supergroup");
        chat.put("title", "Support");
        chat.put("is_forum", true);
        return chat;
    }

    private static ObjectNode photoSize(String fileId, int width, int height) {
        ObjectNode size = JsonNodeFactory.instance.objectNode();
        size.put("file_id", fileId);
        size.put("file_unique_id", uniqueId(fileId));
        size.put("width", width);
        size.put("height", height);
        return size;
    }

    private static String uniqueId(String fileId) {
        return "U" + Integer.toHexString(Objects.hashCode(fileId));
    }

    private int nextMessageId() {
        synchronized (lock) {
            return nextMessageId++;
        }
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    // ------------------------------------------------------------------------------------------
    // Fault injection and stubbing
    // ------------------------------------------------------------------------------------------

    /**
     * The next {@code times} calls of {@code method} answer HTTP {@code errorCode} with
     * {@code {"ok":false,"error_code":..,"description":..}} (plus {@code parameters.retry_after}
     * when {@code retryAfter} is not null). Successive failNext calls for one method queue up.
     */
    public void failNext(String method, int times, int errorCode, String description, Integer retryAfter) {
        if (times <= 0) {
            return;
        }
        synchronized (lock) {
            faults.computeIfAbsent(key(method), k -> new ArrayDeque<>())
                    .add(new FaultBudget(new Fault(errorCode, description, retryAfter), new int[] {times}));
        }
    }

    /** The next call of {@code method} answers 429 "Too Many Requests: retry after N" with retry_after N. */
    public void rateLimitNext(String method, int retryAfterSeconds) {
        failNext(method, 1, 429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds);
    }

    /**
     * From now on every send (sendMessage, sendPhoto, ..., copyMessage, forwardMessage) to
     * {@code chatId} with this {@code message_thread_id} answers 400 "Bad Request: message thread not found".
     */
    public void threadGone(long chatId, int threadId) {
        synchronized (lock) {
            goneThreads.add(new ThreadKey(chatId, threadId));
        }
    }

    /** Makes every later successful call of {@code method} answer {@code {"ok":true,"result":<resultJson>}}. */
    public void respondWith(String method, String resultJson) {
        JsonNode result = readJson(resultJson);
        synchronized (lock) {
            stubbedResults.put(key(method), result);
        }
    }

    // ------------------------------------------------------------------------------------------
    // HTTP handling
    // ------------------------------------------------------------------------------------------

    private record StoredFile(String path, byte[] bytes) {
    }

    private final Map<String, StoredFile> files = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Telegram keeps this file under {@code fileId}: getFile answers its path, and
     * {@code /file/bot<token>/<path>} serves its bytes (as Telegram's download address does).
     */
    public void withFile(String fileId, String path, byte[] bytes) {
        files.put(fileId, new StoredFile(path, bytes.clone()));
    }

    private void serveFile(HttpExchange exchange, String path) throws IOException {
        byte[] bytes = files.values().stream().filter(f -> f.path().equals(path)).map(StoredFile::bytes).findFirst().orElse(null);
        try (exchange) {
            if (bytes == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private void handle(HttpExchange exchange) {
        arrivedAt.set(System.nanoTime());
        Reply reply;
        try {
            String path = exchange.getRequestURI().getPath();
            String[] segments = java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty())
                    .toArray(String[]::new);
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (segments.length >= 3 && segments[0].equals("file") && segments[1].startsWith("bot")) {
                serveFile(exchange, String.join("/", java.util.Arrays.copyOfRange(segments, 2, segments.length)));
                return;
            }
            if (segments.length < 2 || !segments[0].startsWith("bot")) {
                reply = new Reply(404, error(404, "Not Found", null));
            } else {
                ObjectNode params = parseParams(exchange, body);
                reply = dispatch(canonical(segments[segments.length - 1]), params);
            }
        } catch (Exception e) {
            reply = new Reply(500, error(500, "Internal Server Error: Telegram API double failed: " + e, null));
        }
        long latency = latencyNanos;
        if (latency > 0) {
            Reply answer = reply;
            try {
                answering.schedule(() -> respond(exchange, answer), latency, TimeUnit.NANOSECONDS);
                return;
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // the double is closing: answer at once
            }
        }
        respond(exchange, reply);
    }

    private void respond(HttpExchange exchange, Reply reply) {
        try {
            byte[] bytes = MAPPER.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException ignored) {
            // client went away
        } finally {
            exchange.close();
        }
    }

    private Reply dispatch(String method, ObjectNode params) throws InterruptedException {
        synchronized (lock) {
            Fault fault = takeFault(method, params);
            if (fault == null) {
                fault = overLimit(method, params);
            }
            boolean known = fault != null || isHandled(method);
            if (fault == null && !known) {
                fault = new Fault(404, "Not Found: method not found", null);
            }
            if (fault != null || method.equals("getUpdates")) {
                record(new Call(method, params, fault != null));
                lock.notifyAll();
            }
            if (fault != null) {
                return new Reply(fault.errorCode(), error(fault.errorCode(), fault.description(), fault.retryAfter()));
            }
            Reply reply = answer(method, params);
            if (!method.equals("getUpdates")) {
                record(new Call(method, params, reply.status() != 200, reply.status() == 200 ? reply.body().path("result") : null));
                lock.notifyAll();
            }
            return reply;
        }
    }

    /** Called with lock held. */
    private void record(Call call) {
        if (recording) {
            calls.add(call);
        }
        for (java.util.function.Consumer<Call> listener : listeners) {
            listener.accept(call);
        }
    }

    /**
     * Tells {@code listener} of every call as it is answered (with the double's monitor held: keep it
     * short). For benchmarks, which also turn {@link #recordCalls recording} off.
     */
    public void onCall(java.util.function.Consumer<Call> listener) {
        listeners.add(listener);
    }

    /** Whether calls are kept for {@link #calls()} (on by default; a long benchmark turns it off). */
    public void recordCalls(boolean on) {
        synchronized (lock) {
            recording = on;
        }
    }

    /**
     * Enforces Telegram's limits as the strictest reading of them: at most {@code perSecond} messages
     * in any second, one per {@code privateInterval} to a private chat, {@code groupPerMinute} in any
     * minute to a group (chat ids below zero), counted when a call arrives here. A call over a limit
     * is answered 429 with {@code retry_after}, as Telegram does, and counted ({@link #tooManyRequests}).
     */
    public void enforceLimits(int perSecond, Duration privateInterval, int groupPerMinute) {
        synchronized (lock) {
            limits = new Limits(perSecond, privateInterval.toNanos(), groupPerMinute);
            arrivals.clear();
            lastToPrivateChat.clear();
            toGroup.clear();
        }
    }

    /** Stops enforcing the limits. */
    public void liftLimits() {
        synchronized (lock) {
            limits = null;
        }
    }

    /** The 429s so far by the limit that was over ("per second", "per private chat", "per group"). */
    public Map<String, Integer> tooManyRequestsByLimit() {
        synchronized (lock) {
            return new java.util.TreeMap<>(tooManyRequestsByLimit);
        }
    }

    /** How many calls were answered 429 for going over the enforced limits. */
    public int tooManyRequests() {
        synchronized (lock) {
            return tooManyRequests;
        }
    }

    /**
     * Answers every call this long after it arrived (Telegram is 50–150 ms away); the call is
     * handled, and counted by the limits, on arrival, and its answer is written when the latency is
     * over (a scheduled task: no server thread is held meanwhile). Zero (the default) answers at once.
     */
    public void answerAfter(Duration latency) {
        latencyNanos = latency.toNanos();
    }

    /** Called with lock held: a 429 fault when this call would go over an enforced limit, else null. */
    private Fault overLimit(String method, ObjectNode params) {
        if (limits == null || !COUNTED_METHODS.contains(method) || !params.hasNonNull("chat_id")) {
            return null;
        }
        long chat;
        try {
            chat = Long.parseLong(params.path("chat_id").asText());
        } catch (NumberFormatException e) {
            return null;
        }
        Long arrived = arrivedAt.get();
        long now = arrived == null ? System.nanoTime() : arrived;
        long second = 1_000_000_000L;
        long wait = windowWait(arrivals, limits.perSecond(), second, now);
        String limit = "per second";
        if (chat < 0) {
            long group = windowWait(toGroup.computeIfAbsent(chat, c -> new java.util.PriorityQueue<>()), limits.groupPerMinute(), 60 * second, now);
            if (group > 0 && group >= wait) {
                limit = "per group";
            }
            wait = Math.max(wait, group);
        } else {
            Long last = lastToPrivateChat.get(chat);
            long privateWait = last == null ? 0 : Math.abs(now - last) < limits.privateIntervalNanos()
                    ? Math.max(1, last + limits.privateIntervalNanos() - now) : 0;
            if (privateWait > 0 && privateWait >= wait) {
                limit = "per private chat";
            }
            wait = Math.max(wait, privateWait);
        }
        if (wait > 0) {
            tooManyRequests++;
            tooManyRequestsByLimit.merge(limit, 1, Integer::sum);
            int seconds = (int) Math.max(1, (wait + second - 1) / second);
            return new Fault(429, "Too Many Requests: retry after " + seconds, seconds);
        }
        arrivals.add(now);
        if (chat < 0) {
            toGroup.get(chat).add(now);
        } else {
            lastToPrivateChat.merge(chat, now, Math::max);
        }
        return null;
    }

    /**
     * How long until one more fits in the window ending at {@code now}. Calls are counted when they
     * arrived, and handler threads get here in any order (microseconds apart): {@code arrived} is
     * kept sorted.
     */
    private static long windowWait(java.util.PriorityQueue<Long> arrived, int limit, long window, long now) {
        while (!arrived.isEmpty() && arrived.peek() <= now - window) {
            arrived.poll();
        }
        return arrived.size() < limit ? 0 : Math.max(1, arrived.peek() + window - now);
    }

    /** Called with lock held; the answer to a call that has no fault to answer. */
    private Reply answer(String method, ObjectNode params) throws InterruptedException {
        JsonNode stub = stubbedResults.get(key(method));
        if (stub != null) {
            return ok(stub.deepCopy());
        }
        if (method.equals("getUpdates")) {
            return getUpdates(params);
        }
        if (method.equals("getMe")) {
            ObjectNode me = botUser();
            me.put("can_connect_to_business", true);
            me.put("has_topics_enabled", topicsInPrivateChats);
            return ok(me);
        }
        if (method.equals("getFile")) {
            String fileId = params.path("file_id").asText();
            StoredFile file = files.get(fileId);
            if (file == null) {
                return new Reply(400, error(400, "Bad Request: invalid file_id", null));
            }
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.put("file_id", fileId);
            result.put("file_unique_id", "u-" + fileId);
            result.put("file_size", file.bytes().length);
            result.put("file_path", file.path());
            return ok(result);
        }
        if (method.equals("createForumTopic")) {
            ObjectNode topic = JsonNodeFactory.instance.objectNode();
            topic.put("message_thread_id", nextThreadId++);
            topic.put("name", params.path("name").asText());
            topic.put("icon_color", params.path("icon_color").asInt(DEFAULT_ICON_COLOR));
            if (params.hasNonNull("icon_custom_emoji_id")) {
                topic.put("icon_custom_emoji_id", params.path("icon_custom_emoji_id").asText());
            }
            return ok(topic);
        }
        if (method.equals("copyMessage")) {
            ObjectNode id = JsonNodeFactory.instance.objectNode();
            id.put("message_id", nextMessageId++);
            return ok(id);
        }
        if (MESSAGE_METHODS.contains(method)) {
            return ok(message(method, params));
        }
        if (TRUE_METHODS.contains(method)) {
            return ok(JsonNodeFactory.instance.booleanNode(true));
        }
        throw new IllegalStateException("unhandled " + method);
    }

    private boolean isHandled(String method) {
        return stubbedResults.containsKey(key(method)) || method.equals("getUpdates") || method.equals("getMe")
                || method.equals("getFile")
                || method.equals("createForumTopic") || method.equals("copyMessage")
                || MESSAGE_METHODS.contains(method) || TRUE_METHODS.contains(method);
    }

    private Fault takeFault(String method, JsonNode params) {
        Deque<FaultBudget> queue = faults.get(key(method));
        if (queue != null && !queue.isEmpty()) {
            FaultBudget budget = queue.peek();
            if (--budget.remaining()[0] <= 0) {
                queue.poll();
            }
            return budget.fault();
        }
        if (THREAD_SENSITIVE_METHODS.contains(method) && params.hasNonNull("message_thread_id")) {
            Long chatId = asLong(params.path("chat_id"));
            Long threadId = asLong(params.path("message_thread_id"));
            if (chatId != null && threadId != null && goneThreads.contains(new ThreadKey(chatId, threadId))) {
                return new Fault(400, "Bad Request: message thread not found", null);
            }
        }
        return null;
    }

    /** Called with lock held; may wait on it (which releases it) for the long poll. */
    /**
     * As Telegram does, a getUpdates that arrives while another waits ends the waiting one with 409
     * Conflict ("terminated by other getUpdates request"): two pollers of one bot show as conflicts.
     */
    private Reply getUpdates(JsonNode params) throws InterruptedException {
        long mine = ++pollGeneration;
        if (pollsWaiting > 0) {
            pollConflicts++;
            lock.notifyAll();
        }
        pollsWaiting++;
        try {
            return getUpdates(params, mine);
        } finally {
            pollsWaiting--;
        }
    }

    /** How many polls were ended by another one that came while they waited (see {@link #getUpdates(JsonNode)}). */
    public int pollConflicts() {
        synchronized (lock) {
            return pollConflicts;
        }
    }

    private long pollGeneration;
    private int pollsWaiting;
    private int pollConflicts;

    private Reply getUpdates(JsonNode params, long mine) throws InterruptedException {
        long offset = params.path("offset").asLong(0);
        int limit = params.path("limit").asInt(100);
        if (limit <= 0 || limit > 100) {
            limit = 100;
        }
        long waitMillis = Math.min(Math.max(params.path("timeout").asLong(0), 0) * 1000, MAX_LONG_POLL_MILLIS);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (true) {
            if (offset > 0) {
                // Telegram forgets updates below the offset: they count as confirmed.
                final long confirmedBelow = offset;
                if (updates.removeIf(update -> update.updateId() < confirmedBelow)) {
                    lock.notifyAll();
                }
            }
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            for (QueuedUpdate update : updates) {
                if (result.size() >= limit) {
                    break;
                }
                if (update.updateId() >= offset) {
                    result.add(update.json().deepCopy());
                }
            }
            if (pollGeneration != mine) {
                return new Reply(409, error(409, "Conflict: terminated by other getUpdates request; "
                        + "make sure that only one bot instance is running", null));
            }
            long remaining = deadline - System.nanoTime();
            if (!result.isEmpty() || closed || remaining <= 0) {
                return ok(result);
            }
            TimeUnit.NANOSECONDS.timedWait(lock, remaining);
        }
    }

    /** Called with lock held. */
    private ObjectNode message(String method, JsonNode params) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        boolean edit = method.startsWith("edit");
        if (edit && params.path("message_id").canConvertToInt()) {
            message.put("message_id", params.path("message_id").asInt());
        } else {
            message.put("message_id", nextMessageId++);
        }
        message.set("from", botUser());
        message.set("chat", chatFor(params.path("chat_id")));
        long now = now();
        message.put("date", now);
        if (edit) {
            message.put("edit_date", now);
        }
        Long threadId = asLong(params.path("message_thread_id"));
        if (threadId != null) {
            message.put("message_thread_id", threadId);
            message.put("is_topic_message", true);
        }
        if (params.hasNonNull("text")) {
            message.put("text", params.path("text").asText());
        }
        if (params.hasNonNull("caption")) {
            message.put("caption", params.path("caption").asText());
        }
        switch (method) {
            case "sendPhoto" -> message.putArray("photo").add(photoSize(fileIdOf(params.path("photo")), 1280, 960));
            case "sendDocument" -> {
                ObjectNode document = message.putObject("document");
                String fileId = fileIdOf(params.path("document"));
                document.put("file_id", fileId);
                document.put("file_unique_id", uniqueId(fileId));
            }
            case "sendVoice" -> {
                ObjectNode voice = message.putObject("voice");
                String fileId = fileIdOf(params.path("voice"));
                voice.put("file_id", fileId);
                voice.put("file_unique_id", uniqueId(fileId));
                voice.put("duration", 1);
            }
            case "sendAudio" -> {
                ObjectNode audio = message.putObject("audio");
                String fileId = fileIdOf(params.path("audio"));
                audio.put("file_id", fileId);
                audio.put("file_unique_id", uniqueId(fileId));
                audio.put("duration", 1);
            }
            case "sendVideo", "sendAnimation" -> {
                String field = method.equals("sendVideo") ? "video" : "animation";
                ObjectNode video = message.putObject(field);
                String fileId = fileIdOf(params.path(field));
                video.put("file_id", fileId);
                video.put("file_unique_id", uniqueId(fileId));
                video.put("width", 640);
                video.put("height", 360);
                video.put("duration", 1);
            }
            default -> {
                // text-only
            }
        }
        JsonNode markup = new Call(method, params, false).jsonParam("reply_markup");
        if (markup.has("inline_keyboard")) {
            message.set("reply_markup", markup.deepCopy());
        }
        return message;
    }

    /** Called with lock held. A file_id given as a string is echoed; uploads get a generated id. */
    private String fileIdOf(JsonNode value) {
        if (value.isTextual() && !value.asText().startsWith("attach://")) {
            return value.asText();
        }
        return "UPLOADED-" + nextFileId++;
    }

    private static ObjectNode chatFor(JsonNode chatIdParam) {
        Long id = asLong(chatIdParam);
        if (id == null) {
            ObjectNode chat = JsonNodeFactory.instance.objectNode();
            chat.put("id", -1L);
            chat.put("type", "channel");
            chat.put("username", chatIdParam.asText().replaceFirst("^@", ""));
            return chat;
        }
        return id > 0 ? privateChat(id, "User") : supergroupChat(id);
    }

    private static Long asLong(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        try {
            return Long.parseLong(node.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Reply ok(JsonNode result) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("ok", true);
        body.set("result", result);
        return new Reply(200, body);
    }

    private static ObjectNode error(int code, String description, Integer retryAfter) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("ok", false);
        body.put("error_code", code);
        body.put("description", description);
        if (retryAfter != null) {
            body.putObject("parameters").put("retry_after", retryAfter);
        }
        return body;
    }

    private static String canonical(String method) {
        return CANONICAL.getOrDefault(method.toLowerCase(Locale.ROOT), method);
    }

    private static String key(String method) {
        return method.toLowerCase(Locale.ROOT);
    }

    private static JsonNode readJson(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid JSON: " + json, e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Request parsing
    // ------------------------------------------------------------------------------------------

    private static ObjectNode parseParams(HttpExchange exchange, byte[] body) throws IOException {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && !query.isEmpty()) {
            parseUrlEncoded(query, params);
        }
        if (body.length == 0) {
            return params;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String lowerType = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (lowerType.startsWith("multipart/")) {
            parseMultipart(body, boundaryOf(contentType), params);
        } else if (lowerType.startsWith("application/x-www-form-urlencoded")) {
            parseUrlEncoded(new String(body, StandardCharsets.UTF_8), params);
        } else {
            JsonNode json = MAPPER.readTree(body);
            if (json != null && json.isObject()) {
                params.setAll((ObjectNode) json);
            } else if (json != null && !json.isMissingNode()) {
                params.set("_body", json);
            }
        }
        return params;
    }

    private static void parseUrlEncoded(String encoded, ObjectNode params) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
    }

    private static String boundaryOf(String contentType) {
        for (String part : contentType.split(";")) {
            String trimmed = part.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String boundary = trimmed.substring("boundary=".length());
                if (boundary.length() >= 2 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
                    boundary = boundary.substring(1, boundary.length() - 1);
                }
                return boundary;
            }
        }
        throw new IllegalArgumentException("multipart request without boundary: " + contentType);
    }

    /**
     * Parses multipart/form-data: text fields become string values; file parts (with a filename)
     * become {@code {"filename":..,"content_type":..,"size":..}}.
     */
    private static void parseMultipart(byte[] body, String boundary, ObjectNode params) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] headerEnd = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int position = indexOf(body, delimiter, 0);
        if (position < 0) {
            throw new IllegalArgumentException("multipart body without boundary " + boundary);
        }
        position += delimiter.length;
        while (position + 1 < body.length && !(body[position] == '-' && body[position + 1] == '-')) {
            if (body[position] == '\r' && body[position + 1] == '\n') {
                position += 2;
            }
            int headersEnd = indexOf(body, headerEnd, position);
            if (headersEnd < 0) {
                break;
            }
            String headers = new String(body, position, headersEnd - position, StandardCharsets.UTF_8);
            int contentStart = headersEnd + headerEnd.length;
            int contentEnd = indexOf(body, nextDelimiter, contentStart);
            if (contentEnd < 0) {
                contentEnd = body.length;
            }
            String name = null;
            String filename = null;
            String partType = null;
            for (String header : headers.split("\r\n")) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String headerName = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String headerValue = header.substring(colon + 1).trim();
                if (headerName.equals("content-disposition")) {
                    name = dispositionParam(headerValue, "name");
                    filename = dispositionParam(headerValue, "filename");
                } else if (headerName.equals("content-type")) {
                    partType = headerValue;
                }
            }
            if (name != null) {
                if (filename != null) {
                    ObjectNode file = params.putObject(name);
                    file.put("filename", filename);
                    file.put("content_type", partType);
                    file.put("size", contentEnd - contentStart);
                } else {
                    params.put(name, new String(body, contentStart, contentEnd - contentStart, StandardCharsets.UTF_8));
                }
            }
            position = contentEnd + nextDelimiter.length;
        }
    }

    private static String dispositionParam(String disposition, String param) {
        for (String part : disposition.split(";")) {
            String trimmed = part.trim();
            int eq = trimmed.indexOf('=');
            if (eq < 0 || !trimmed.substring(0, eq).trim().equalsIgnoreCase(param)) {
                continue;
            }
            String value = trimmed.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            // OkHttp percent-encodes '"', CR and LF in form-data names
            return value.replace("%22", "\"").replace("%0D", "\r").replace("%0A", "\n");
        }
        return null;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
