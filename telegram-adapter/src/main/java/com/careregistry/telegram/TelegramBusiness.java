package com.careregistry.telegram;

import com.careregistry.core.business.BusinessConnections;
import com.careregistry.core.common.Channel;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.business.GetBusinessConnection;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.business.BusinessConnection;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Telegram Business as the core's business connections see it: a connection as Telegram describes it
 * (enabled or not, allowed to reply or not), and which messages of a business chat are a customer's.
 * In a business chat the chat is the customer (Telegram shows it from the company's side), so a
 * message whose sender is the chat is theirs; what the company's own people write there, or what the
 * bot sent as the company, is not.
 */
@Component
@Conditional(TelegramAdapter.Enabled.class)
class TelegramBusiness {

    private final BusinessConnections connections;
    private final TelegramClient client;
    /** The connections known to be recorded (each is asked of Telegram once when it is not). */
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();

    TelegramBusiness(BusinessConnections connections, TelegramClient client) {
        this.connections = connections;
        this.client = client;
    }

    void connected(BusinessConnection connection) {
        User owner = connection.getUser();
        // Bot API 9.0 describes what the bot may do as rights; without them it may not reply
        boolean canReply = connection.getRights() != null ? Boolean.TRUE.equals(connection.getRights().getCanReply())
                : false;
        String name = owner == null ? null : owner.getFirstName() + (owner.getLastName() == null ? "" : " " + owner.getLastName());
        Instant since = connection.getDate() == null ? Instant.now() : Instant.ofEpochSecond(connection.getDate());
        connections.connected(new BusinessConnections.Connection(Channel.TELEGRAM, connection.getId(),
                owner == null ? "" : String.valueOf(owner.getId()), name, canReply, Boolean.TRUE.equals(connection.getIsEnabled()),
                since, since));
    }

    /** Whether a business message is the customer's own (the chat's other side writing). */
    boolean isCustomer(Message message) {
        return message.getFrom() != null && message.getSenderBusinessBot() == null
                && !Boolean.TRUE.equals(message.getFrom().getIsBot()) && message.getFrom().getId().equals(message.getChatId())
                && message.getBusinessConnectionId() != null;
    }

    /**
     * A customer's business message: true, and answers to their chat go back through its connection from
     * now on. A connection not recorded yet (made before the bot listened for connections, or its
     * update not handled yet) is asked of Telegram first; when Telegram cannot be asked, the message is
     * tried again later (the inbox's retry), so no answer goes out as the bot instead of the company.
     */
    boolean fromCustomer(Message message) {
        if (!isCustomer(message)) {
            return false;
        }
        String id = message.getBusinessConnectionId();
        if (!recorded.contains(id)) {
            if (connections.find(Channel.TELEGRAM, id).isEmpty()) {
                try {
                    connected(client.execute(GetBusinessConnection.builder().businessConnectionId(id).build()));
                } catch (TelegramApiException e) {
                    throw new IllegalStateException("Telegram did not describe business connection " + id + ": " + e.getMessage(), e);
                }
            }
            recorded.add(id);
        }
        connections.customerWrote(Channel.TELEGRAM, String.valueOf(message.getChatId()), message.getBusinessConnectionId());
        return true;
    }

    /** A customer wrote to the bot itself: the bot answers them there from now on. */
    void wroteToTheBot(Message message) {
        connections.customerWroteToTheBot(Channel.TELEGRAM, String.valueOf(message.getChatId()));
    }
}
