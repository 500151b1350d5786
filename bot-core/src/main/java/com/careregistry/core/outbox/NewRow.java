package com.careregistry.core.outbox;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import java.time.Instant;
import java.util.ArrayList;

/**
 * A row of the outbox about to be inserted, with the values {@link #INSERT} takes. A row is either
 * pending for the dispatchers to claim ({@code claimedBy} null), or written already claimed by this
 * instance ({@link #claimed}: its first try, leased), to be sent as soon as its transaction commits
 * ({@link DirectSends}).
 *
 * @param copyOfChannel the channel of the message the row carries a copy of (its receipt goes there), or null
 * @param editOf        the row whose delivered message this row edits, or null
 * @param reactTo       the platform's id of the message this row reacts to (a receipt), or null
 */
record NewRow(Channel channel, String chatId, String threadId, String emailTo, String orderingKey, String subject, String body,
              String actions, String attachments, String threadTitle, Long ticketId, Long ticketMessageId, Instant nextAttemptAt,
              Instant createdAt, String copyOfChannel, String copyOfChat, String copyOfMessage, Long editOf, String reactTo,
              int attempts, String claimedBy, Instant lockedUntil) {

    /** The columns a row is inserted with, in the order of {@link #values}. */
    static final String INSERT = """
            INSERT INTO outbox_messages (channel, chat_id, thread_id, email_to, ordering_key, subject, body, actions, attachments,
                                         thread_title, ticket_id, ticket_message_id, status, parts_sent, next_attempt_at,
                                         created_at, copy_of_channel, copy_of_chat, copy_of_message, edit_of, react_to, attempts,
                                         claimed_by, locked_until)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    /** The row's values tuple of {@link #INSERT}. */
    private static final String TUPLE = INSERT.substring(INSERT.indexOf("VALUES") + "VALUES".length()).strip();

    /** {@link #INSERT} for {@code rows} rows in one statement. */
    static String insertOf(int rows) {
        return INSERT + (", " + TUPLE).repeat(rows - 1);
    }

    /** The values of these rows, one after another, for {@link #insertOf}. */
    static Object[] valuesOf(java.util.List<NewRow> rows) {
        return rows.stream().flatMap(row -> java.util.Arrays.stream(row.values())).toArray();
    }

    /** A receipt: the reaction on the message {@code messageId} of the chat, in the chat's queue of receipts. */
    static NewRow receipt(Channel channel, String chatId, String messageId, String reaction, Instant now) {
        return new NewRow(channel, chatId, null, null, channel.name() + ":" + chatId + OutboxReceipts.QUEUE, null, reaction, null, null,
                null, null, null, now, now, null, null, null, null, messageId, 0, null, null);
    }

    Object[] values() {
        return new Object[] {channel.name(), chatId, threadId, emailTo, orderingKey, subject, body, actions, attachments, threadTitle,
                ticketId, ticketMessageId, nextAttemptAt, createdAt, copyOfChannel, copyOfChat, copyOfMessage, editOf, reactTo,
                attempts, claimedBy, lockedUntil};
    }

    /** This row, written claimed by {@code instance} until {@code until} (its first try). */
    NewRow claimed(String instance, Instant until) {
        return new NewRow(channel, chatId, threadId, emailTo, orderingKey, subject, body, actions, attachments, threadTitle, ticketId,
                ticketMessageId, nextAttemptAt, createdAt, copyOfChannel, copyOfChat, copyOfMessage, editOf, reactTo, 1, instance, until);
    }

    /** What the dispatcher sends, once the row has its id (as a claim would have read it). */
    OutboundMessage toSend(long id) {
        return new OutboundMessage(id, channel, chatId == null ? null : new ChatAddress(channel, chatId, threadId), emailTo, subject, body,
                new ArrayList<>(MessageAction.decode(actions)), AttachmentCodec.decode(attachments), ticketId, attempts, 0, threadTitle,
                reactTo, editOf, null, MessageRef.of(copyOfChannel, copyOfChat, copyOfMessage));
    }
}
