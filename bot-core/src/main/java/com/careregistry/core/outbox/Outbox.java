package com.careregistry.core.outbox;

import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.common.NotFoundException;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every outgoing message starts: a row written in the transaction of the change that caused
 * it, so a change and its messages commit (or roll back) together. The dispatchers send them.
 */
@Service
public class Outbox {

    private final OutboxMessages rows;
    private final OutboxSignal signal;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final OutboxWrites writes;

    public Outbox(OutboxMessages rows, OutboxSignal signal, Clock clock, JdbcTemplate jdbc, OutboxWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.rows = rows;
        this.signal = signal;
        this.clock = clock;
    }

    /** A message to a person's chat; messages of one chat go out in the order they were written. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void toChat(ChatAddress to, String text, List<MessageAction> actions) {
        enqueue(OutboxMessage.toChat(to, to.orderingKey(), text, actions, List.of(), null, clock.instant()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void toChat(ChatAddress to, String text) {
        toChat(to, text, List.of());
    }

    /** A message about a ticket to a person's chat (the ticket lets the panel show its delivery). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void toChatAbout(Long ticketId, ChatAddress to, String text, List<MessageAction> actions,
                                     List<Attachment> attachments) {
        toChatAbout(ticketId, to, text, actions, attachments, null);
    }

    /** As above, carrying a copy of {@code original} (acknowledged where it was written once delivered). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void toChatAbout(Long ticketId, ChatAddress to, String text, List<MessageAction> actions,
                            List<Attachment> attachments, MessageRef original) {
        enqueue(OutboxMessage.toChat(to, to.orderingKey(), text, actions, attachments, ticketId, clock.instant()), original, null);
    }

    /**
     * A message about a ticket to its customer's chat, into the ticket's own topic there where the
     * platform has topics in private chats ({@code topicTitle} names it when the sender makes it),
     * else into the chat as {@link #toChatAbout}. The chat's messages keep their order, topic or not.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void toCustomerAbout(Long ticketId, ChatAddress to, String topicTitle, String text, List<MessageAction> actions,
                                List<Attachment> attachments) {
        enqueue(OutboxMessage.toThread(to, to.orderingKey(), topicTitle, text, actions, attachments, ticketId, clock.instant()));
    }

    /**
     * The message that row {@code original} delivered is to say {@code text} now (its author edited
     * it): edited in place where the platform allows, after the chat's earlier messages; else sent as a
     * message about the ticket, in its topic ({@code topicTitle}) where there is one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void edit(long original, Long ticketId, ChatAddress to, String topicTitle, String text) {
        enqueue(OutboxMessage.toThread(to, to.orderingKey(), topicTitle, text, List.of(), List.of(), ticketId, clock.instant()),
                null, original);
    }

    /** The row that delivered (or will deliver) the ticket's message {@code messageId} to this chat, if one does. */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> deliveryOf(Long ticketId, Long messageId, ChatAddress to) {
        return jdbc.queryForList("""
                SELECT id FROM outbox_messages
                WHERE ticket_id = ? AND ticket_message_id = ? AND channel = ? AND chat_id = ? AND edit_of IS NULL
                ORDER BY id
                """, Long.class, ticketId, messageId, to.channel().name(), to.chatId()).stream().findFirst();
    }

    /**
     * A message of a ticket ({@code messageId}: an agent's answer, {@code original} where the agent wrote
     * it) to the customer's chat, as {@link #toCustomerAbout}: the panel shows its delivery beside the
     * message in the ticket's timeline ({@link #aboutTicket}), and the agent gets a receipt once it arrived.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void messageToChat(Long ticketId, Long messageId, ChatAddress to, String topicTitle, String text, List<Attachment> attachments,
                              MessageRef original) {
        enqueue(OutboxMessage.toThread(to, to.orderingKey(), topicTitle, text, List.of(), attachments, ticketId, clock.instant())
                .delivering(messageId), original, null);
    }

    /**
     * A message to a ticket's staff thread in a group: {@code thread} is the thread when it is known,
     * else the group (the sender makes the thread). All messages of one ticket's thread keep their
     * order, before and after it exists. {@code threadTitle} is the title the thread should have now
     * when that changed (the sender renames it), else null.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void toStaffThread(Long ticketId, ChatAddress thread, String threadTitle, String text,
                                       List<MessageAction> actions, List<Attachment> attachments, MessageRef original) {
        String key = thread.channel() + ":" + thread.chatId() + ":ticket:" + ticketId;
        enqueue(OutboxMessage.toThread(thread, key, threadTitle, text, actions, attachments, ticketId,
                clock.instant()), original, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void toEmail(String to, String subject, String body, Long ticketId) {
        enqueue(OutboxMessage.toEmail(to, subject, body, ticketId, clock.instant()));
    }

    /**
     * The delivery of every message about a ticket, oldest first, in one query; those that deliver one
     * of the ticket's messages say which ({@link DeliveryView#ticketMessageId()}).
     */
    @Transactional(readOnly = true)
    public List<DeliveryView> aboutTicket(Long ticketId) {
        return rows.findByTicketIdOrderByIdAsc(ticketId).stream().map(DeliveryView::of).toList();
    }

    /**
     * The ticket a message we sent to this chat was about, found by the platform's id of it (the
     * id of its last part, as the sender reported it).
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> ticketOfSent(ChatAddress chat, String externalMessageId) {
        return rows.ticketOfSent(chat.channel(), chat.chatId(), externalMessageId, PageRequest.of(0, 1)).stream().findFirst();
    }

    /** Rows that were given up, newest first. */
    @Transactional(readOnly = true)
    public List<DeliveryView> dead(int limit) {
        return rows.findByStatusOrderByIdDesc(OutboxStatus.DEAD, PageRequest.of(0, limit)).stream().map(DeliveryView::of).toList();
    }

    /** How many rows are in each delivery state. */
    @Transactional(readOnly = true)
    public java.util.Map<OutboxStatus, Long> countsByStatus() {
        java.util.Map<OutboxStatus, Long> counts = new java.util.EnumMap<>(OutboxStatus.class);
        for (OutboxStatus status : OutboxStatus.values()) {
            counts.put(status, rows.countByStatus(status));
        }
        return counts;
    }

    /** An admin retries a dead row: it is sent again as if new. */
    @Transactional
    public void retry(Long rowId) {
        OutboxMessage row = rows.findById(rowId).orElseThrow(() -> new NotFoundException("outbox.not-found"));
        row.revive(clock.instant());
        signal.wroteAfterCommit(row.channel(), row.orderingKey());
    }

    /**
     * Writes the row with one plain insert in the caller's transaction (every message a person gets
     * starts here, so it goes without the persistence context's bookkeeping), or gathers it for the
     * batch's one insert when the inbox handles several chats' events together ({@link OutboxWrites}).
     */
    private void enqueue(OutboxMessage row) {
        enqueue(row, null, null);
    }

    /** As above; {@code copyOf}: the message the row carries a copy of; {@code editOf}: the row whose message it edits. */
    private void enqueue(OutboxMessage row, MessageRef copyOf, Long editOf) {
        writes.insert(row.newRow(copyOf, editOf));
    }
}
