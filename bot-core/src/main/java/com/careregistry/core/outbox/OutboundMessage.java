package com.careregistry.core.outbox;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import java.util.List;

/**
 * One message as a sender gets it: already rendered in the recipient's language, addressed to
 * a chat (or thread) or to an email address.
 *
 * @param ticketId the ticket it is about, if any (a staff sender uses it to find or make the thread)
 * @param attempt  1 for the first try
 */
public record OutboundMessage(long id, Channel channel, ChatAddress chat, String emailTo, String subject, String body,
                              List<MessageAction> actions, Long ticketId, int attempt) {

    public OutboundMessage {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
