package com.careregistry.core.outbox;

import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import java.util.List;

/**
 * One message as a sender gets it: already rendered in the recipient's language, addressed to
 * a chat (or thread) or to an email address.
 *
 * @param ticketId    the ticket it is about, if any (a staff sender uses it to find or make the thread)
 * @param attachments files to send with the text (platform file references)
 * @param attempt     1 for the first try
 * @param partsSent   how many parts of this message an earlier try already delivered (a long text
 *                    split in parts, then its files): the sender goes on from there
 * @param threadTitle for a ticket's staff thread: the title it should have now, when that changed
 *                    (or the thread is not known yet); null when the title stays. For a message about a
 *                    ticket to its customer's private chat: the name of the ticket's own topic there,
 *                    which a platform with topics in private chats puts it in (made on first use)
 * @param reactTo     a reaction rather than a message: the id (in this chat) of the message to react to
 *                    with {@code body}, an emoji; a receipt, so a platform that refuses it loses nothing
 * @param editOf      an edit: the outbox row whose delivered message is to say {@code body} now
 * @param replaces    for an edit: the platform's id of that message, when it was delivered (else the
 *                    edit goes out as a new message)
 * @param copyOf      the message this one carries a copy of, where it was written: it gets a reaction (a
 *                    receipt) once this is delivered; null when it carries none
 */
public record OutboundMessage(long id, Channel channel, ChatAddress chat, String emailTo, String subject, String body,
                              List<MessageAction> actions, List<Attachment> attachments, Long ticketId, int attempt,
                              int partsSent, String threadTitle, String reactTo, Long editOf, String replaces, MessageRef copyOf) {

    public OutboundMessage {
        actions = actions == null ? List.of() : List.copyOf(actions);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** This edit, knowing the platform's id of the message it changes. */
    OutboundMessage replacing(String externalId) {
        return new OutboundMessage(id, channel, chat, emailTo, subject, body, actions, attachments, ticketId, attempt, partsSent,
                threadTitle, reactTo, editOf, externalId, copyOf);
    }

    /** Whether this message carries a copy of another, which gets a receipt once this is delivered. */
    public boolean receipt() {
        return copyOf != null;
    }
}
