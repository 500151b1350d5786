package com.careregistry.core.outbox;

import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A row of the outbox: one message to send, with its delivery state. */
@Entity
@Table(name = "outbox_messages")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(name = "chat_id")
    private String chatId;

    @Column(name = "thread_id")
    private String threadId;

    @Column(name = "email_to")
    private String emailTo;

    @Column(name = "ordering_key", nullable = false)
    private String orderingKey;

    private String subject;

    @Column(nullable = false, columnDefinition = "TEXT")
    private String body;

    private String actions;

    private String attachments;

    @Column(name = "thread_title")
    private String threadTitle;

    @Column(name = "parts_sent", nullable = false)
    private int partsSent;

    @Column(name = "ticket_id")
    private Long ticketId;

    /** The ticket's message this row delivers to the customer, when it delivers one. */
    @Column(name = "ticket_message_id")
    private Long ticketMessageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OutboxStatus status = OutboxStatus.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "external_message_id")
    private String externalMessageId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxMessage() {
    }

    static OutboxMessage toChat(ChatAddress to, String orderingKey, String body, List<MessageAction> actions,
                                List<Attachment> attachments, Long ticketId, Instant now) {
        OutboxMessage row = new OutboxMessage();
        row.attachments = AttachmentCodec.encode(attachments);
        row.channel = to.channel();
        row.chatId = to.chatId();
        row.threadId = to.threadId();
        row.orderingKey = orderingKey;
        row.body = body;
        row.actions = MessageAction.encode(actions);
        row.ticketId = ticketId;
        row.nextAttemptAt = now;
        row.createdAt = now;
        return row;
    }

    /** The same row, as the delivery of the ticket's message {@code messageId}. */
    OutboxMessage delivering(Long messageId) {
        ticketMessageId = messageId;
        return this;
    }

    /** A message to a ticket's staff thread; {@code threadTitle} when the thread should get that title. */
    static OutboxMessage toThread(ChatAddress to, String orderingKey, String threadTitle, String body,
                                       List<MessageAction> actions, List<Attachment> attachments, Long ticketId, Instant now) {
        OutboxMessage row = toChat(to, orderingKey, body, actions, attachments, ticketId, now);
        row.threadTitle = threadTitle;
        return row;
    }

    static OutboxMessage toEmail(String emailTo, String subject, String body, Long ticketId, Instant now) {
        OutboxMessage row = new OutboxMessage();
        row.channel = Channel.EMAIL;
        row.emailTo = emailTo;
        row.orderingKey = "EMAIL:" + emailTo;
        row.subject = subject;
        row.body = body;
        row.ticketId = ticketId;
        row.nextAttemptAt = now;
        row.createdAt = now;
        return row;
    }

    public Long id() {
        return id;
    }

    public Channel channel() {
        return channel;
    }

    String orderingKey() {
        return orderingKey;
    }

    public Optional<ChatAddress> chat() {
        return chatId == null ? Optional.empty() : Optional.of(new ChatAddress(channel, chatId, threadId));
    }

    public String emailTo() {
        return emailTo;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public List<MessageAction> actions() {
        return MessageAction.decode(actions);
    }

    public List<Attachment> attachments() {
        return AttachmentCodec.decode(attachments);
    }

    public int partsSent() {
        return partsSent;
    }

    /** The title the staff thread should have now, when it should change; null otherwise. */
    public String threadTitle() {
        return threadTitle;
    }

    public Long ticketId() {
        return ticketId;
    }

    public Long ticketMessageId() {
        return ticketMessageId;
    }

    public OutboxStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public String externalMessageId() {
        return externalMessageId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    /**
     * The row as it is inserted: {@code copyOf}, the message the row carries a copy of, where it was
     * written (acknowledged with a reaction once the copy is delivered); {@code editOf}, the row whose
     * delivered message this row changes.
     */
    NewRow newRow(MessageRef copyOf, Long editOf) {
        return new NewRow(channel, chatId, threadId, emailTo, orderingKey, subject, body, actions, attachments, threadTitle, ticketId,
                ticketMessageId, nextAttemptAt, createdAt, copyOf == null ? null : copyOf.channel().name(),
                copyOf == null ? null : copyOf.chatId(), copyOf == null ? null : copyOf.messageId(), editOf, null, 0, null, null);
    }

    /** An admin asks for a dead row to be tried again, from the start. */
    void revive(Instant now) {
        if (status != OutboxStatus.DEAD) {
            throw new com.careregistry.core.common.DomainException("outbox.not-dead");
        }
        status = OutboxStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        lastError = null;
        lockedUntil = null;
    }
}
