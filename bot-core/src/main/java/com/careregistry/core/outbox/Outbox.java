package com.careregistry.core.outbox;

import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.common.NotFoundException;
import com.careregistry.core.ticket.Attachment;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where every outgoing message starts: a row written in the transaction of the change that caused
 * it, so a change and its messages commit (or roll back) together. The dispatchers send them.
 */
@Service
public class Outbox {

    private final OutboxMessages rows;
    private final OutboxSignal signal;
    private final Clock clock;

    public Outbox(OutboxMessages rows, OutboxSignal signal, Clock clock) {
        this.rows = rows;
        this.signal = signal;
        this.clock = clock;
    }

    /** A message to a person's chat; messages of one chat go out in the order they were written. */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessage toChat(ChatAddress to, String text, List<MessageAction> actions) {
        return enqueue(OutboxMessage.toChat(to, to.orderingKey(), text, actions, List.of(), null, clock.instant()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessage toChat(ChatAddress to, String text) {
        return toChat(to, text, List.of());
    }

    /** A message about a ticket to a person's chat (the ticket lets the panel show its delivery). */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessage toChatAbout(Long ticketId, ChatAddress to, String text, List<MessageAction> actions,
                                     List<Attachment> attachments) {
        return enqueue(OutboxMessage.toChat(to, to.orderingKey(), text, actions, attachments, ticketId, clock.instant()));
    }

    /**
     * A message to a ticket's staff thread in a group. The thread may not exist yet: the sender finds
     * or makes it. All messages of one ticket's thread keep their order, before and after it exists.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessage toStaffThread(Long ticketId, ChatAddress group, String text, List<MessageAction> actions,
                                       List<Attachment> attachments) {
        String key = group.channel() + ":" + group.chatId() + ":ticket:" + ticketId;
        return enqueue(OutboxMessage.toChat(group, key, text, actions, attachments, ticketId, clock.instant()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessage toEmail(String to, String subject, String body, Long ticketId) {
        return enqueue(OutboxMessage.toEmail(to, subject, body, ticketId, clock.instant()));
    }

    /** The delivery of every message about a ticket, oldest first. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> aboutTicket(Long ticketId) {
        return rows.findByTicketIdOrderByIdAsc(ticketId);
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
    public List<OutboxMessage> dead(int limit) {
        return rows.findByStatusOrderByIdDesc(OutboxStatus.DEAD, PageRequest.of(0, limit));
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
    public OutboxMessage retry(Long rowId) {
        OutboxMessage row = rows.findById(rowId).orElseThrow(() -> new NotFoundException("outbox.not-found"));
        row.revive(clock.instant());
        wakeAfterCommit(row);
        return row;
    }

    private OutboxMessage enqueue(OutboxMessage row) {
        OutboxMessage saved = rows.save(row);
        wakeAfterCommit(saved);
        return saved;
    }

    private void wakeAfterCommit(OutboxMessage row) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.wake(row.channel());
                }
            });
        }
    }
}
