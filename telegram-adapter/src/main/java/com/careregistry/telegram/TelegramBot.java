package com.careregistry.telegram;

import com.careregistry.core.chat.ChatInput;
import com.careregistry.core.chat.CustomerConversation;
import com.careregistry.core.chat.StaffConversation;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.inbox.InboxEvent;
import com.careregistry.core.inbox.InboxHandler;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Every stored Telegram update is handled here, on the inbox's workers, inside the transaction
 * that marks it handled: the update from the poller or the webhook, read back from the inbox. A
 * refusal of the core is answered in the chat it came from, in the writer's language; an update
 * that could not be handled at all is answered with an apology, also in their language.
 */
@Component
@Conditional(TelegramAdapter.Enabled.class)
public class TelegramBot implements InboxHandler {

    private final CustomerConversation customers;
    private final StaffConversation staff;
    private final TelegramSettings settings;
    private final Outbox outbox;
    private final Texts texts;
    private final TelegramBusiness business;

    TelegramBot(CustomerConversation customers, StaffConversation staff, TelegramSettings settings, Outbox outbox, Texts texts,
                TelegramBusiness business) {
        this.business = business;
        this.customers = customers;
        this.staff = staff;
        this.settings = settings;
        this.outbox = outbox;
        this.texts = texts;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public void handle(InboxEvent event) {
        route(TelegramUpdates.read(event.payload()));
    }

    @Override
    public void refused(InboxEvent event, DomainException refusal) {
        answer(event.payload(), language -> texts.explain(language, refusal));
    }

    /**
     * The update could not be handled: its writer is told so where they wrote. Read as plain JSON,
     * so an update that telegrambots' types cannot read (the reason it failed, perhaps) is answered too.
     */
    @Override
    public void failed(InboxEvent event) {
        answer(event.payload(), language -> texts.get(language, "inbox.failed"));
    }

    private void route(Update update) {
        if (update.hasBusinessConnection()) {
            business.connected(update.getBusinessConnection());
        } else if (update.hasBusinessMessage()) {
            Message message = update.getBusinessMessage();
            if (business.fromCustomer(message)) {
                customers.onMessage(Incoming.chatUser(message.getFrom(), message.getChatId()), Incoming.of(message));
            }
        } else if (update.hasEditedBusinessMessage()) {
            Message edited = update.getEditedBuinessMessage();
            if (business.isCustomer(edited)) {
                customers.onEdit(Incoming.chatUser(edited.getFrom(), edited.getChatId()), Incoming.of(edited));
            }
        } else if (update.hasMessage()) {
            Message message = update.getMessage();
            if (message.getFrom() == null) {
                return;
            }
            ChatInput incoming = Incoming.of(message);
            if (message.isUserMessage()) {
                ChatUser user = Incoming.chatUser(message.getFrom(), message.getChatId());
                business.wroteToTheBot(message);
                if (isTopicMessage(message)) {
                    // a ticket's own topic in the customer's chat (made by the bot, so it "replies" to its creation)
                    customers.onTopicMessage(user, new ChatAddress(Channel.TELEGRAM, String.valueOf(message.getChatId()),
                            String.valueOf(message.getMessageThreadId())), incoming);
                } else if (!isReplyToUs(message) || !staff.onReplyTo(user.privateChat(), user.externalUserId(),
                        String.valueOf(message.getReplyToMessage().getMessageId()), incoming)) {
                    customers.onMessage(user, incoming);
                }
            } else if (settings.isStaffGroup(String.valueOf(message.getChatId())) && message.getMessageThreadId() != null
                    && !Boolean.TRUE.equals(message.getFrom().getIsBot())) {
                staff.onThreadMessage(new ChatAddress(Channel.TELEGRAM, String.valueOf(message.getChatId()),
                        String.valueOf(message.getMessageThreadId())), String.valueOf(message.getFrom().getId()), incoming);
            }
        } else if (update.hasEditedMessage() && update.getEditedMessage().isUserMessage()) {
            Message edited = update.getEditedMessage();
            customers.onEdit(Incoming.chatUser(edited.getFrom(), edited.getChatId()), Incoming.of(edited));
        } else if (update.hasEditedMessage() && update.getEditedMessage().getFrom() != null
                && settings.isStaffGroup(String.valueOf(update.getEditedMessage().getChatId()))
                && update.getEditedMessage().getMessageThreadId() != null) {
            // an agent edited their message in a ticket's topic: the customer's copy follows
            Message edited = update.getEditedMessage();
            staff.onThreadEdit(new ChatAddress(Channel.TELEGRAM, String.valueOf(edited.getChatId()),
                    String.valueOf(edited.getMessageThreadId())), String.valueOf(edited.getFrom().getId()), Incoming.of(edited));
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

    private static boolean isTopicMessage(Message message) {
        return Boolean.TRUE.equals(message.getIsTopicMessage()) && message.getMessageThreadId() != null;
    }

    private static boolean isReplyToUs(Message message) {
        Message repliedTo = message.getReplyToMessage();
        return repliedTo != null && repliedTo.getFrom() != null && Boolean.TRUE.equals(repliedTo.getFrom().getIsBot());
    }

    /**
     * Tells the writer of an update something where they wrote: in their private chat in their
     * language, in the staff group (the topic) in English; nothing elsewhere.
     */
    private void answer(String payload, Function<String, String> text) {
        JsonNode update = TelegramUpdates.tree(payload);
        JsonNode message = TelegramUpdates.message(update);
        JsonNode from = TelegramUpdates.sender(update);
        String chatId = message.path("chat").path("id").asText(null);
        if (chatId == null || !from.hasNonNull("id")) {
            return;
        }
        if ("private".equals(message.path("chat").path("type").asText())) {
            String name = from.path("first_name").asText("") + (from.hasNonNull("last_name") ? " " + from.path("last_name").asText() : "");
            ChatUser user = new ChatUser(Channel.TELEGRAM, from.path("id").asText(), chatId, name, from.path("language_code").asText(null));
            outbox.toChat(user.privateChat(), text.apply(customers.languageOf(user)));
        } else if (settings.isStaffGroup(chatId)) {
            String thread = message.path("is_topic_message").asBoolean(false) ? message.path("message_thread_id").asText(null) : null;
            outbox.toChat(new ChatAddress(Channel.TELEGRAM, chatId, thread), text.apply("en"));
        }
    }

    private static ChatAddress whereFrom(CallbackQuery query) {
        var message = query.getMessage();
        String thread = message instanceof Message full && full.getMessageThreadId() != null && Boolean.TRUE.equals(full.getIsTopicMessage())
                ? String.valueOf(full.getMessageThreadId()) : null;
        return new ChatAddress(Channel.TELEGRAM, String.valueOf(message.getChatId()), thread);
    }
}
