package com.careregistry.core.outbox;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.annotation.PreDestroy;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox rows of one channel through its sender.
 *
 * <p>A round claims, in a short transaction, the head row of each chat's queue (the oldest
 * pending one) that is due and not leased, with {@code FOR UPDATE SKIP LOCKED} so that several
 * instances share the work without waiting on each other, and leases them. It then sends them
 * outside any transaction and records each outcome: sent, retry later (exponential backoff, or
 * the wait the platform asked for), or dead after the last try. Only a chat's head can be
 * claimed, so the rows of one chat go out in order, one at a time, even across instances.
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final OutboxSettings settings;
    private final Clock clock;
    /** Per channel, the threads that send a round's messages at once (a slow mail server holds up no chat). */
    private final Map<Channel, ExecutorService> pools = new ConcurrentHashMap<>();

    public OutboxDispatcher(JdbcTemplate jdbc, PlatformTransactionManager transactions, OutboxSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.settings = settings;
        this.clock = clock;
    }

    private ExecutorService poolOf(Channel channel) {
        return pools.computeIfAbsent(channel, c -> {
            AtomicInteger threads = new AtomicInteger();
            return Executors.newFixedThreadPool(settings.senders(), task -> {
                Thread thread = new Thread(task, "outbox-" + c.name().toLowerCase() + "-send-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        });
    }

    @PreDestroy
    void shutdown() {
        pools.values().forEach(ExecutorService::shutdown);
    }

    /**
     * One round for the sender's channel; returns how many rows it tried. The claimed rows are each
     * the head of another chat, so they are sent at once ({@code careregistry.outbox.senders} at a
     * time) without a chat's order being at stake; the round ends when all were tried, and the rows
     * that went out are marked sent together, with the platform's ids of them.
     */
    public int dispatchDue(MessageSender sender) {
        List<OutboundMessage> claimed = claim(sender.channel());
        Map<Long, String> sent = new ConcurrentHashMap<>();
        if (claimed.size() == 1 || settings.senders() == 1) {
            claimed.forEach(message -> deliver(sender, message, sent));
        } else {
            ExecutorService pool = poolOf(sender.channel());
            List<CompletableFuture<Void>> sending = new ArrayList<>(claimed.size());
            for (OutboundMessage message : claimed) {
                sending.add(CompletableFuture.runAsync(() -> deliver(sender, message, sent), pool));
            }
            CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).join();
        }
        markSent(sent);
        return claimed.size();
    }

    /** Sends one row; a row that went out is noted in {@code sent} (its platform id, or "" without one). */
    private void deliver(MessageSender sender, OutboundMessage message, Map<Long, String> sent) {
        try {
            Delivery delivery = sender.send(message);
            sent.put(message.id(), delivery == null || delivery.externalMessageId() == null ? "" : delivery.externalMessageId());
        } catch (DeliveryFailure failure) {
            reschedule(message, failure);
        } catch (RuntimeException unexpected) {
            log.warn("Sender {} failed on outbox row {}", sender.channel(), message.id(), unexpected);
            reschedule(message, DeliveryFailure.transientFailure(describe(unexpected), unexpected));
        }
    }

    List<OutboundMessage> claim(Channel channel) {
        List<OutboundMessage> claimed = tx.execute(status -> {
            Instant now = clock.instant();
            List<Long> heads = jdbc.queryForList("""
                    SELECT MIN(id) FROM outbox_messages
                    WHERE channel = ? AND status = 'PENDING'
                    GROUP BY ordering_key
                    """, Long.class, channel.name());
            if (heads.isEmpty()) {
                return List.<OutboundMessage>of();
            }
            List<Long> candidates = heads.stream().sorted().limit(Math.max(settings.batchSize() * 4L, 200)).toList();
            String in = candidates.stream().map(String::valueOf).collect(Collectors.joining(","));
            List<OutboundMessage> rows = jdbc.query("""
                    SELECT id, channel, chat_id, thread_id, email_to, subject, body, actions, attachments, ticket_id, attempts, parts_sent, thread_title
                    FROM outbox_messages
                    WHERE id IN (%s) AND status = 'PENDING' AND next_attempt_at <= ?
                      AND (locked_until IS NULL OR locked_until <= ?)
                    ORDER BY id
                    LIMIT ?
                    FOR UPDATE SKIP LOCKED
                    """.formatted(in), OutboxDispatcher::toMessage, Timestamp.from(now), Timestamp.from(now), settings.batchSize());
            if (rows.isEmpty()) {
                return rows;
            }
            String ids = rows.stream().map(m -> String.valueOf(m.id())).collect(Collectors.joining(","));
            jdbc.update("UPDATE outbox_messages SET attempts = attempts + 1, locked_until = ? WHERE id IN (" + ids + ")",
                    Timestamp.from(now.plus(settings.lease())));
            return rows;
        });
        return claimed == null ? Collections.emptyList() : claimed;
    }

    /** Marks these rows sent, with the platform's id of each, in one statement and one commit. */
    private void markSent(Map<Long, String> sent) {
        if (sent.isEmpty()) {
            return;
        }
        StringBuilder ids = new StringBuilder();
        StringBuilder externalIds = new StringBuilder("CASE id");
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(clock.instant()));
        for (Map.Entry<Long, String> row : sent.entrySet()) {
            externalIds.append(" WHEN ").append(row.getKey()).append(" THEN ?");
            args.add(row.getValue().isEmpty() ? null : row.getValue());
            ids.append(ids.length() == 0 ? "" : ",").append(row.getKey());
        }
        externalIds.append(" END");
        tx.executeWithoutResult(status -> jdbc.update("""
                UPDATE outbox_messages
                SET status = 'SENT', sent_at = ?, locked_until = NULL, last_error = NULL, external_message_id = %s
                WHERE id IN (%s)
                """.formatted(externalIds, ids), args.toArray()));
    }

    private void reschedule(OutboundMessage message, DeliveryFailure failure) {
        tx.executeWithoutResult(status -> recordFailure(message, failure));
    }

    private void recordFailure(OutboundMessage message, DeliveryFailure failure) {
        Instant now = clock.instant();
        String error = truncate(failure.getMessage() == null ? failure.toString() : failure.getMessage());
        if (failure.partsDelivered() > message.partsSent()) {
            jdbc.update("UPDATE outbox_messages SET parts_sent = ? WHERE id = ?", failure.partsDelivered(), message.id());
        }
        if (failure.retryAfter().isPresent()) {
            // the platform asked us to wait: not a failed try
            jdbc.update("""
                    UPDATE outbox_messages
                    SET attempts = attempts - 1, next_attempt_at = ?, locked_until = NULL, last_error = ?
                    WHERE id = ?
                    """, Timestamp.from(now.plus(failure.retryAfter().get())), error, message.id());
            return;
        }
        if (failure.permanent() || message.attempt() >= settings.maxAttempts()) {
            log.warn("Outbox row {} ({}) is dead after {} tries: {}", message.id(), message.channel(), message.attempt(), error);
            jdbc.update("""
                    UPDATE outbox_messages SET status = 'DEAD', locked_until = NULL, last_error = ? WHERE id = ?
                    """, error, message.id());
            return;
        }
        Duration wait = settings.backoffAfter(message.attempt());
        log.info("Outbox row {} ({}) failed try {}: {}; next try in {}", message.id(), message.channel(), message.attempt(), error, wait);
        jdbc.update("""
                UPDATE outbox_messages SET next_attempt_at = ?, locked_until = NULL, last_error = ? WHERE id = ?
                """, Timestamp.from(now.plus(wait)), error, message.id());
    }

    private static OutboundMessage toMessage(ResultSet rs, int row) throws SQLException {
        Channel channel = Channel.valueOf(rs.getString("channel"));
        String chatId = rs.getString("chat_id");
        ChatAddress chat = chatId == null ? null : new ChatAddress(channel, chatId, rs.getString("thread_id"));
        Long ticketId = rs.getObject("ticket_id", Long.class);
        return new OutboundMessage(rs.getLong("id"), channel, chat, rs.getString("email_to"), rs.getString("subject"),
                rs.getString("body"), new ArrayList<>(MessageAction.decode(rs.getString("actions"))),
                AttachmentCodec.decode(rs.getString("attachments")), ticketId, rs.getInt("attempts") + 1,
                rs.getInt("parts_sent"), rs.getString("thread_title"));
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
