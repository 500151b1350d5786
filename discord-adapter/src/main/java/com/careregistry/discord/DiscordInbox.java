package com.careregistry.discord;

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
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.discord.DiscordEvent.CustomerButton;
import com.careregistry.discord.DiscordEvent.DirectMessage;
import com.careregistry.discord.DiscordEvent.DirectMessageEdit;
import com.careregistry.discord.DiscordEvent.RatingComment;
import com.careregistry.discord.DiscordEvent.SlashCommand;
import com.careregistry.discord.DiscordEvent.StaffButton;
import com.careregistry.discord.DiscordEvent.Stars;
import com.careregistry.discord.DiscordEvent.ThreadMessage;
import com.careregistry.discord.DiscordEvent.ThreadMessageEdit;
import com.careregistry.discord.DiscordEvent.TicketForm;
import java.util.List;
import java.util.function.Function;

/**
 * Every stored Discord event is handled here, on the inbox's workers, in the transaction that marks
 * it handled: a customer's message, command, form or button goes through the same conversation as
 * in Telegram; a staff thread's message or button through the staff conversation. A refusal, or
 * an apology for an event that could not be handled, is told where the person wrote (their DMs,
 * or the thread, in English).
 */
class DiscordInbox implements InboxHandler {

    private final CustomerConversation customers;
    private final StaffConversation staff;
    private final Outbox outbox;
    private final Texts texts;

    DiscordInbox(CustomerConversation customers, StaffConversation staff, Outbox outbox, Texts texts) {
        this.customers = customers;
        this.staff = staff;
        this.outbox = outbox;
        this.texts = texts;
    }

    @Override
    public Channel channel() {
        return Channel.DISCORD;
    }

    @Override
    public void handle(InboxEvent stored) {
        DiscordEvent event = DiscordEvent.read(stored.payload());
        ChatUser user = event.who().chatUser();
        if (event instanceof DirectMessage m) {
            customers.onMessage(user, ChatInput.of(Channel.DISCORD, m.text(), m.files(), m.channel() + ":" + m.message()));
        } else if (event instanceof ThreadMessage m) {
            staff.onThreadMessage(m.address(), user.externalUserId(),
                    ChatInput.of(Channel.DISCORD, m.text(), m.files(), m.thread() + ":" + m.message()));
        } else if (event instanceof ThreadMessageEdit e) {
            staff.onThreadEdit(e.address(), user.externalUserId(), ChatInput.of(Channel.DISCORD, e.text(), List.of(), e.thread() + ":" + e.message()));
        } else if (event instanceof DirectMessageEdit e) {
            customers.onEdit(user, ChatInput.of(Channel.DISCORD, e.text(), List.of(), e.channel() + ":" + e.message()));
        } else if (event instanceof SlashCommand c) {
            customers.onCommand(user, c.command());
        } else if (event instanceof TicketForm f) {
            customers.openFromForm(user, f.category(), ChatInput.of(Channel.DISCORD, f.description(), List.of(), null));
        } else if (event instanceof RatingComment r) {
            customers.commentFromForm(user, new TicketNumber(r.ticket()), r.comment());
        } else if (event instanceof Stars s) {
            customers.rate(user, new TicketNumber(s.ticket()), s.stars());
        } else if (event instanceof CustomerButton b) {
            customers.onButton(user, b.action());
        } else if (event instanceof StaffButton b) {
            staff.onButton(Channel.DISCORD, user.externalUserId(), b.address(), b.action());
        }
    }

    @Override
    public void refused(InboxEvent stored, DomainException refusal) {
        tell(DiscordEvent.read(stored.payload()), language -> texts.explain(language, refusal));
    }

    @Override
    public void failed(InboxEvent stored) {
        tell(DiscordEvent.read(stored.payload()), language -> texts.get(language, "inbox.failed"));
    }

    private void tell(DiscordEvent event, Function<String, String> text) {
        ChatAddress thread = event.staffThread().orElse(null);
        if (thread != null) {
            outbox.toChat(thread, text.apply("en"));
        } else {
            ChatUser user = event.who().chatUser();
            outbox.toChat(user.privateChat(), text.apply(customers.languageOf(user)));
        }
    }
}
