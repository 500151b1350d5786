package com.careregistry.discord;

import com.careregistry.core.chat.ChatInput;
import com.careregistry.core.chat.CustomerConversation;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.inbox.InboundEvent;
import com.careregistry.core.inbox.Intake;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.Attachment;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord events in. A customer's direct message goes through the same conversation as in
 * Telegram (commands typed as {@code /new}, the current ticket, steps kept in the database), once
 * per message id thanks to the inbox. The work runs off JDA's event thread, one event after
 * another, so the gateway is never blocked and one customer's messages keep their order.
 */
class DiscordBot extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

    private final Intake intake;
    private final CustomerConversation customers;
    private final Outbox outbox;
    private final Texts texts;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "discord-intake");
        thread.setDaemon(true);
        return thread;
    });

    DiscordBot(Intake intake, CustomerConversation customers, Outbox outbox, Texts texts) {
        this.intake = intake;
        this.customers = customers;
        this.outbox = outbox;
        this.texts = texts;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (event.getAuthor().isBot() || !event.isFromType(ChannelType.PRIVATE)) {
            return;
        }
        Message message = event.getMessage();
        ChatUser user = chatUser(event.getAuthor());
        ChatInput input = ChatInput.of(Channel.DISCORD, message.getContentRaw(), attachments(message),
                event.getChannel().getId() + ":" + message.getId());
        worker.execute(() -> {
            try {
                intake.once(new InboundEvent(Channel.DISCORD, message.getId()), () -> customers.onMessage(user, input),
                        refusal -> outbox.toChat(user.privateChat(), texts.explain(customers.languageOf(user), refusal)));
            } catch (RuntimeException e) {
                log.warn("Discord message {} could not be handled", message.getId(), e);
            }
        });
    }

    /** A Discord customer is reached by opening a DM with their user id, so that id is their chat. */
    static ChatUser chatUser(User author) {
        return new ChatUser(Channel.DISCORD, author.getId(), author.getId(), author.getEffectiveName(), null);
    }

    private static List<Attachment> attachments(Message message) {
        return message.getAttachments().stream()
                .map(a -> new Attachment(a.isImage() ? Attachment.PHOTO : Attachment.DOCUMENT, a.getUrl(), a.getFileName()))
                .toList();
    }

    void shutdown() {
        worker.shutdownNow();
    }
}
