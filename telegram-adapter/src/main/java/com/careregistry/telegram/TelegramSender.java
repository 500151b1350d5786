package com.careregistry.telegram;

import com.careregistry.core.business.BusinessConnections;
import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.topic.CustomerTopics;
import com.careregistry.core.outbox.Delivery;
import com.careregistry.core.outbox.DeliveryFailure;
import com.careregistry.core.outbox.MessageAction;
import com.careregistry.core.outbox.MessageSender;
import com.careregistry.core.outbox.OutboundMessage;
import com.careregistry.core.staff.StaffThreads.KnownThread;
import com.careregistry.core.staff.StaffThreads;
import com.careregistry.core.text.TextParts;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.EditForumTopic;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.send.SendVideo;
import org.telegram.telegrambots.meta.api.methods.send.SendVoice;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The outbox's way into Telegram. A message goes out as its text parts (at most 4096 characters
 * each, split at line breaks, escaped so what a person typed arrives as typed) and then its
 * files; a failure part-way reports how many parts arrived, so a retry goes on from there and
 * nothing arrives twice. A message about a ticket to the staff supergroup goes into the ticket's
 * forum topic, made on first use (and again if it was deleted), whose title follows the status.
 */
class TelegramSender implements MessageSender {

    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);

    private final TelegramClient client;
    private final TelegramCalls calls;
    private final TelegramSettings settings;
    private final StaffThreads threads;
    private final TelegramRateLimiter limiter;

    private final TelegramBotProfile profile;
    private final CustomerTopics customerTopics;
    private final BusinessConnections business;
    private final Clock clock;

    TelegramSender(TelegramClient client, TelegramCalls calls, TelegramSettings settings, StaffThreads threads, TelegramRateLimiter limiter,
                   TelegramBotProfile profile, CustomerTopics customerTopics, BusinessConnections business, Clock clock) {
        this.clock = clock;
        this.profile = profile;
        this.customerTopics = customerTopics;
        this.business = business;
        this.client = client;
        this.calls = calls;
        this.settings = settings;
        this.threads = threads;
        this.limiter = limiter;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public Delivery send(OutboundMessage message) throws DeliveryFailure {
        if (message.reactTo() != null) {
            return react(message);
        }
        ChatAddress to = message.chat();
        boolean staffTopic = message.ticketId() != null && settings.isStaffGroup(to.chatId());
        String connection = staffTopic ? null : businessConnection(message);
        // a business chat is the company's, not the bot's: no topics of the bot's there
        boolean customerTopic = !staffTopic && connection == null && message.ticketId() != null && message.threadTitle() != null
                && profile.topicsInPrivateChats();
        if (message.replaces() != null) {
            Optional<Delivery> edited = edit(message, connection);
            if (edited.isPresent()) {
                return edited.get();
            }
        }
        List<String> texts = message.body().isBlank() && !message.attachments().isEmpty() ? List.of()
                : TextParts.split(message.body(), MAX_TEXT);
        int total = texts.size() + message.attachments().size();
        String lastId = null;
        Topic topic = staffTopic ? topicOf(message) : null;
        Integer thread = topic != null ? topic.thread()
                : customerTopic ? customerTopicOf(message, null)
                : to.threadId() == null ? null : Integer.valueOf(to.threadId());
        boolean remade = false;
        for (int part = message.partsSent(); part < total; part++) {
            slot(to.chatId(), part);
            try {
                lastId = sendPart(to.chatId(), thread, connection, part, texts, message);
            } catch (TelegramApiRequestException e) {
                if ((staffTopic || customerTopic) && !remade && threadGone(e)) {
                    remade = true;
                    if (staffTopic) {
                        topic = topicAfterLoss(message, thread, part);
                        thread = topic.thread();
                    } else {
                        thread = customerTopicOf(message, thread);
                    }
                    part--;
                    continue;
                }
                throw failure(e).afterParts(part);
            } catch (TelegramApiException e) {
                throw DeliveryFailure.transientFailure("Telegram unreachable: " + e.getMessage(), e).afterParts(part);
            }
        }
        if (topic != null && message.threadTitle() != null && !message.threadTitle().equals(topic.title())) {
            rename(message.ticketId(), to.chatId(), thread, message.threadTitle(), total);
        }
        return new Delivery(lastId);
    }

    /**
     * A receipt: the reaction on a message whose copy was delivered. Best effort: whatever Telegram
     * refuses (a deleted message, a chat that blocked the bot) and a business chat (where the bot is not
     * a member) are left as they are; only a wait Telegram asks for, or Telegram out of reach, puts it off.
     */
    private Delivery react(OutboundMessage message) throws DeliveryFailure {
        String chat = message.chat().chatId();
        if (business.routeOf(Channel.TELEGRAM, chat).isPresent()) {
            return Delivery.withoutId();
        }
        slot(chat, 0);
        try {
            calls.react(chat, Integer.parseInt(message.reactTo()), message.body());
        } catch (TelegramApiRequestException e) {
            if (e.getErrorCode() != null && e.getErrorCode() == 429) {
                throw failure(e);   // a wait Telegram asked for: later
            }
            log.debug("No receipt on message {} in {}: {}", message.reactTo(), chat, e.getApiResponse());
        } catch (TelegramApiException e) {
            throw DeliveryFailure.transientFailure("Telegram unreachable: " + e.getMessage(), e);
        } catch (NumberFormatException notAMessageId) {
            log.debug("No receipt on {} in {}: not a Telegram message id", message.reactTo(), chat);
        }
        return Delivery.withoutId();
    }

    /**
     * An edit of a message we delivered: that message is edited in place. Empty when it cannot be (a
     * text too long for one message, a message Telegram no longer lets us edit): then the new text goes
     * out as a message of its own.
     */
    private Optional<Delivery> edit(OutboundMessage message, String connection) throws DeliveryFailure {
        if (message.body().length() > MAX_TEXT || !message.attachments().isEmpty()) {
            return Optional.empty();
        }
        String chat = message.chat().chatId();
        slot(chat, 0);
        try {
            client.execute(EditMessageText.builder().chatId(chat).messageId(Integer.valueOf(message.replaces()))
                    .businessConnectionId(connection).text(TelegramText.escapeHtml(message.body())).parseMode(ParseMode.HTML).build());
            return Optional.of(new Delivery(message.replaces()));
        } catch (TelegramApiRequestException e) {
            if (e.getErrorCode() == null || e.getErrorCode() != 400) {
                throw failure(e);
            }
            if (String.valueOf(e.getApiResponse()).toLowerCase().contains("not modified")) {
                return Optional.of(new Delivery(message.replaces()));
            }
            log.info("Could not edit message {} in {} ({}); sending the new text instead", message.replaces(), chat, e.getApiResponse());
            return Optional.empty();
        } catch (TelegramApiException e) {
            throw DeliveryFailure.transientFailure("Telegram unreachable: " + e.getMessage(), e);
        }
    }

    /**
     * The business connection a message to a customer goes through, when their chat is a business
     * chat: none may go when the connection is disabled, may not reply, or the customer last wrote
     * more than 24 hours ago (the message is given up with that reason, which the panel shows).
     */
    private String businessConnection(OutboundMessage message) throws DeliveryFailure {
        Optional<BusinessConnections.Route> route = business.routeOf(Channel.TELEGRAM, message.chat().chatId());
        if (route.isEmpty()) {
            return null;
        }
        Optional<String> refusal = route.get().refusal(clock.instant());
        if (refusal.isPresent()) {
            throw DeliveryFailure.permanent("Telegram Business: " + refusal.get()).afterParts(message.partsSent());
        }
        return route.get().connectionId();
    }

    /**
     * The ticket's own topic in its customer's private chat: the one recorded (unless it is {@code lost}),
     * else one made now. When Telegram will not make one there (the customer's app, an old chat), the
     * message goes to the chat itself rather than wait.
     */
    private Integer customerTopicOf(OutboundMessage message, Integer lost) throws DeliveryFailure {
        ChatAddress chat = message.chat();
        Optional<ChatAddress> known = customerTopics.find(message.ticketId(), chat)
                .filter(topic -> lost == null || !topic.threadId().equals(String.valueOf(lost)));
        if (known.isPresent()) {
            return Integer.valueOf(known.get().threadId());
        }
        slot(chat.chatId(), message.partsSent());
        try {
            Integer thread = client.execute(CreateForumTopic.builder().chatId(chat.chatId()).name(message.threadTitle()).build())
                    .getMessageThreadId();
            customerTopics.record(message.ticketId(), new ChatAddress(Channel.TELEGRAM, chat.chatId(), String.valueOf(thread)));
            return thread;
        } catch (TelegramApiRequestException e) {
            if (e.getErrorCode() != null && e.getErrorCode() == 400) {
                log.info("Telegram made no topic for ticket {} in its customer's chat ({}); writing to the chat", message.ticketId(),
                        e.getApiResponse());
                return null;
            }
            throw failure(e).afterParts(message.partsSent());
        } catch (TelegramApiException e) {
            throw DeliveryFailure.transientFailure("Telegram unreachable: " + e.getMessage(), e).afterParts(message.partsSent());
        }
    }

    /**
     * Waits for a slot under Telegram's limits for one call that posts to {@code chatId}; a wait
     * longer than the limiter's patience puts the message off (from part {@code part} on).
     */
    private void slot(String chatId, int part) throws DeliveryFailure {
        Optional<Duration> wait;
        try {
            wait = limiter.acquire(chatId, settings.limitPatience());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.rateLimited("stopped while waiting for a slot", Duration.ofSeconds(1)).afterParts(part);
        }
        if (wait.isPresent()) {
            throw DeliveryFailure.rateLimited("local rate limit for chat " + chatId, wait.get()).afterParts(part);
        }
    }

    /** A ticket's forum topic, and the title it was last given (null when not known here). */
    private record Topic(Integer thread, String title) {
    }

    /**
     * The ticket's topic: the one the message was addressed to when the core knew it (the common
     * case: nothing to read); else the one recorded since, else one made now.
     */
    private Topic topicOf(OutboundMessage message) throws DeliveryFailure {
        ChatAddress to = message.chat();
        if (to.threadId() != null && message.threadTitle() == null) {
            return new Topic(Integer.valueOf(to.threadId()), null);
        }
        Optional<KnownThread> known = threads.find(message.ticketId(), Channel.TELEGRAM).filter(t -> t.address().chatId().equals(to.chatId()));
        if (known.isPresent()) {
            return new Topic(Integer.valueOf(known.get().address().threadId()), known.get().title());
        }
        return topicMadeAgain(message, message.partsSent());
    }

    /**
     * The topic a part was sent to is gone: another sender may have made it again already (then
     * that one), else it is made again now.
     */
    private Topic topicAfterLoss(OutboundMessage message, Integer lost, int partsSent) throws DeliveryFailure {
        Optional<KnownThread> known = threads.find(message.ticketId(), Channel.TELEGRAM)
                .filter(t -> t.address().chatId().equals(message.chat().chatId()) && !t.address().threadId().equals(String.valueOf(lost)));
        if (known.isPresent()) {
            return new Topic(Integer.valueOf(known.get().address().threadId()), known.get().title());
        }
        log.info("The topic of ticket {} is gone; making it again", message.ticketId());
        return topicMadeAgain(message, partsSent);
    }

    private Topic topicMadeAgain(OutboundMessage message, int partsSent) throws DeliveryFailure {
        slot(message.chat().chatId(), partsSent);
        try {
            String title = message.threadTitle() != null ? message.threadTitle() : threads.titleFor(message.ticketId());
            Integer thread = client.execute(CreateForumTopic.builder().chatId(message.chat().chatId()).name(title).build())
                    .getMessageThreadId();
            threads.record(message.ticketId(), new ChatAddress(Channel.TELEGRAM, message.chat().chatId(), String.valueOf(thread)), title);
            return new Topic(thread, title);
        } catch (TelegramApiRequestException e) {
            throw failure(e).afterParts(partsSent);
        } catch (TelegramApiException e) {
            throw DeliveryFailure.transientFailure("Telegram unreachable: " + e.getMessage(), e).afterParts(partsSent);
        }
    }

    private String sendPart(String chatId, Integer thread, String connection, int part, List<String> texts, OutboundMessage message)
            throws TelegramApiException {
        if (part < texts.size()) {
            boolean last = part == texts.size() - 1;
            if (connection == null && (!last || message.actions().isEmpty())) {
                return String.valueOf(calls.sendHtml(chatId, thread, TelegramText.escapeHtml(texts.get(part))));   // a relay's common case
            }
            Message sent = client.execute(SendMessage.builder().chatId(chatId).messageThreadId(thread).businessConnectionId(connection)
                    .text(TelegramText.escapeHtml(texts.get(part))).parseMode(ParseMode.HTML)
                    .replyMarkup(last ? keyboard(message.actions()) : null).build());
            return String.valueOf(sent.getMessageId());
        }
        Attachment file = message.attachments().get(part - texts.size());
        InputFile input = new InputFile(file.fileRef());
        Message sent = switch (file.kind()) {
            case Attachment.PHOTO -> client.execute(SendPhoto.builder().chatId(chatId).messageThreadId(thread)
                    .businessConnectionId(connection).photo(input).build());
            case Attachment.VOICE -> client.execute(SendVoice.builder().chatId(chatId).messageThreadId(thread)
                    .businessConnectionId(connection).voice(input).build());
            case Attachment.VIDEO -> client.execute(SendVideo.builder().chatId(chatId).messageThreadId(thread)
                    .businessConnectionId(connection).video(input).build());
            default -> client.execute(SendDocument.builder().chatId(chatId).messageThreadId(thread)
                    .businessConnectionId(connection).document(input).build());
        };
        return String.valueOf(sent.getMessageId());
    }

    /**
     * Gives the topic the title the ticket's status calls for. When the group's limit is spent the
     * message (all of whose parts arrived) is put off to rename later; a failure of the call itself
     * loses nothing (a later change renames it).
     */
    private void rename(Long ticketId, String group, Integer thread, String title, int parts) throws DeliveryFailure {
        slot(group, parts);
        try {
            client.execute(EditForumTopic.builder().chatId(group).messageThreadId(thread).name(title).build());
            threads.retitled(ticketId, Channel.TELEGRAM, title);
        } catch (TelegramApiException e) {
            log.info("Could not rename the topic of ticket {}: {}", ticketId, e.getMessage());
        }
    }

    private static InlineKeyboardMarkup keyboard(List<MessageAction> actions) {
        if (actions.isEmpty()) {
            return null;
        }
        boolean oneRow = actions.stream().allMatch(a -> a.label().length() <= 12) && actions.size() <= 5;
        List<InlineKeyboardRow> rows = new ArrayList<>();
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (MessageAction action : actions) {
            row.add(InlineKeyboardButton.builder().text(action.label()).callbackData(action.id()).build());
            if (!oneRow) {
                rows.add(row);
                row = new InlineKeyboardRow();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return new InlineKeyboardMarkup(rows);
    }

    private static boolean threadGone(TelegramApiRequestException e) {
        String text = String.valueOf(e.getApiResponse()).toLowerCase();
        return e.getErrorCode() != null && e.getErrorCode() == 400
                && (text.contains("thread not found") || text.contains("topic_deleted") || text.contains("topic not found"));
    }

    private static DeliveryFailure failure(TelegramApiRequestException e) {
        Integer code = e.getErrorCode();
        String reason = "Telegram " + (code == null ? "" : code + " ") + e.getApiResponse();
        if (code != null && code == 429) {
            int seconds = e.getParameters() != null && e.getParameters().getRetryAfter() != null
                    ? e.getParameters().getRetryAfter() : 1;
            return DeliveryFailure.tooManyRequests(reason, Duration.ofSeconds(seconds));
        }
        if (code != null && (code == 403 || (code == 400 && String.valueOf(e.getApiResponse()).toLowerCase().contains("chat not found")))) {
            return DeliveryFailure.permanent(reason);
        }
        return DeliveryFailure.transientFailure(reason, e);
    }
}
