package com.careregistry.telegram;

import com.careregistry.core.chat.ChatInput;
import com.careregistry.core.chat.CustomerConversation;
import com.careregistry.core.chat.StaffConversation;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.inbox.InboundEvent;
import com.careregistry.core.inbox.Intake;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Every Telegram update comes in here, from the poller or the webhook. Each has its effect once:
 * it is recorded in the core's inbox by its update id in the transaction of its effect. A refusal
 * of the core is answered in the chat it came from, in the writer's language; nothing else changes.
 */
@Component
@Conditional(TelegramAdapter.Enabled.class)
public class TelegramBot {

    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

    private final Intake intake;
    private final CustomerConversation customers;
    private final StaffConversation staff;
    private final TelegramSettings settings;
    private final TelegramClient client;
    private final Outbox outbox;
    private final Texts texts;

    TelegramBot(Intake intake, CustomerConversation customers, StaffConversation staff, TelegramSettings settings,
                TelegramClient client, Outbox outbox, Texts texts) {
        this.intake = intake;
        this.customers = customers;
        this.staff = staff;
        this.settings = settings;
        this.client = client;
        this.outbox = outbox;
        this.texts = texts;
    }

    /** Handles one update; returns what the inbox made of it. Throws only when it could not be recorded. */
    public Intake.Outcome handle(Update update) {
        InboundEvent event = new InboundEvent(Channel.TELEGRAM, String.valueOf(update.getUpdateId()));
        Intake.Outcome outcome = intake.once(event, () -> route(update), refusal -> explain(update, refusal));
        if (update.hasCallbackQuery()) {
            acknowledge(update.getCallbackQuery());
        }
        return outcome;
    }

    private void route(Update update) {
        if (update.hasMessage()) {
            Message message = update.getMessage();
            if (message.getFrom() == null) {
                return;
            }
            ChatInput incoming = Incoming.of(message);
            if (message.isUserMessage()) {
                if (!isReplyToUs(message) || !staff.onReplyTo(Channel.TELEGRAM, String.valueOf(message.getFrom().getId()),
                        repliedText(message), incoming)) {
                    customers.onMessage(Incoming.chatUser(message.getFrom(), message.getChatId()), incoming);
                }
            } else if (settings.isStaffGroup(String.valueOf(message.getChatId())) && message.getMessageThreadId() != null
                    && !Boolean.TRUE.equals(message.getFrom().getIsBot())) {
                staff.onThreadMessage(new ChatAddress(Channel.TELEGRAM, String.valueOf(message.getChatId()),
                        String.valueOf(message.getMessageThreadId())), String.valueOf(message.getFrom().getId()), incoming);
            }
        } else if (update.hasEditedMessage() && update.getEditedMessage().isUserMessage()) {
            Message edited = update.getEditedMessage();
            customers.onEdit(Incoming.chatUser(edited.getFrom(), edited.getChatId()), Incoming.of(edited));
        } else if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            if (query.getData() == null || query.getMessage() == null) {
                return;
            }
            ChatAddress where = whereFrom(query);
            if (!staff.onButton(Channel.TELEGRAM, String.valueOf(query.getFrom().getId()), where, query.getData())
                    && query.getMessage().isUserMessage()) {
                customers.onButton(Incoming.chatUser(query.getFrom(), query.getMessage().getChatId()), query.getData());
            }
        }
    }

    private static boolean isReplyToUs(Message message) {
        Message repliedTo = message.getReplyToMessage();
        return repliedTo != null && repliedTo.getFrom() != null && Boolean.TRUE.equals(repliedTo.getFrom().getIsBot());
    }

    private static String repliedText(Message message) {
        Message repliedTo = message.getReplyToMessage();
        return repliedTo.hasText() ? repliedTo.getText() : repliedTo.getCaption();
    }

    /** The core refused: tell the writer why, where they wrote. */
    private void explain(Update update, DomainException refusal) {
        Message message = update.hasMessage() ? update.getMessage() : update.hasEditedMessage() ? update.getEditedMessage() : null;
        if (message != null && message.getFrom() != null) {
            if (message.isUserMessage()) {
                ChatUser user = Incoming.chatUser(message.getFrom(), message.getChatId());
                outbox.toChat(user.privateChat(), texts.explain(customers.languageOf(user), refusal));
            } else if (settings.isStaffGroup(String.valueOf(message.getChatId()))) {
                outbox.toChat(new ChatAddress(Channel.TELEGRAM, String.valueOf(message.getChatId()),
                        message.getMessageThreadId() == null ? null : String.valueOf(message.getMessageThreadId())),
                        texts.explain("en", refusal));
            }
        } else if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null) {
            CallbackQuery query = update.getCallbackQuery();
            String language = query.getMessage().isUserMessage()
                    ? customers.languageOf(Incoming.chatUser(query.getFrom(), query.getMessage().getChatId())) : "en";
            outbox.toChat(whereFrom(query), texts.explain(language, refusal));
        }
    }

    private static ChatAddress whereFrom(CallbackQuery query) {
        var message = query.getMessage();
        String thread = message instanceof Message full && full.getMessageThreadId() != null && Boolean.TRUE.equals(full.getIsTopicMessage())
                ? String.valueOf(full.getMessageThreadId()) : null;
        return new ChatAddress(Channel.TELEGRAM, String.valueOf(message.getChatId()), thread);
    }

    /** Stops the button's spinner; best effort, outside any transaction. */
    private void acknowledge(CallbackQuery query) {
        try {
            client.execute(new AnswerCallbackQuery(query.getId()));
        } catch (TelegramApiException | RuntimeException e) {
            log.debug("Could not answer callback query {}: {}", query.getId(), e.getMessage());
        }
    }
}
