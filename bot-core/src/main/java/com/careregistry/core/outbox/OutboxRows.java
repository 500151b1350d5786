package com.careregistry.core.outbox;

import static com.careregistry.core.common.SqlLists.args;
import static com.careregistry.core.common.SqlLists.marks;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.common.InstanceSettings;
import com.careregistry.core.common.SeveralStatements;
import com.careregistry.core.outbox.OutboxQueues.Head;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox table as the dispatcher uses it: claims (a chat's head, due, not leased, {@code FOR
 * UPDATE SKIP LOCKED}, leased in this instance's name), lease renewals, the outcomes of sends (sent
 * with the platform's id, retried after a backoff or the wait the platform asked for, dead after
 * the last try), and the claims a restarted instance takes back.
 */
@Component
class OutboxRows {

    private static final Logger log = LoggerFactory.getLogger(OutboxRows.class);
    private static final int MAX_ERROR_LENGTH = 2000;
    /** The longest text every platform sends as one message (Discord's 2,000 characters; Telegram's 4,096). */
    private static final int ONE_PART = 2000;
    /** Heads read per claim query at most; a round that finds too few due among them reads on. */
    private static final int HEADS_PER_READ = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final OutboxSettings settings;
    private final Clock clock;
    private final String instance;
    private final OutboxMetrics metrics;
    private final OutboxReceipts receipts;
    private final OutboxQueues queues;
    private final SeveralStatements several;

    OutboxRows(JdbcTemplate jdbc, PlatformTransactionManager transactions, OutboxSettings settings, Clock clock,
               InstanceSettings instance, OutboxMetrics metrics, OutboxReceipts receipts, OutboxQueues queues, SeveralStatements several) {
        this.receipts = receipts;
        this.several = several;
        this.queues = queues;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.settings = settings;
        this.clock = clock;
        this.instance = instance.name();
        this.metrics = metrics;
    }

    /**
     * Frees the rows this instance's predecessor (the same name, before a restart) had claimed and
     * not finished: nobody is sending them any more, and their chats should not wait for the leases.
     */
    int takeBackClaims() {
        Integer freed = tx.execute(status -> jdbc.update("""
                UPDATE outbox_messages SET locked_until = NULL, claimed_by = NULL
                WHERE claimed_by = ? AND status = 'PENDING'
                """, instance));
        if (freed != null && freed > 0) {
            log.info("Took back {} outgoing messages that this instance ({}) had claimed before it stopped", freed, instance);
        }
        return freed == null ? 0 : freed;
    }

    /** Up to {@code limit} rows of the channel, each its chat's head, due, not leased, none of {@code excluded} (still being sent). */
    List<OutboundMessage> claim(Channel channel, int limit, Collection<Long> excluded) {
        if (limit <= 0) {
            return List.of();
        }
        List<OutboundMessage> claimed = tx.execute(status -> {
            Instant now = clock.instant();
            // each queue's head (index only); messages before receipts, so a burst's receipts wait for room
            List<Head> heads = queues.heads(channel);
            List<Head> open = heads.stream().filter(head -> !excluded.contains(head.id())).toList();
            // when all fit in one round, one read; else the messages' heads first, then the receipts'
            List<List<Long>> passes = open.size() <= limit ? List.of(open.stream().map(Head::id).sorted().toList())
                    : List.of(open.stream().filter(head -> !head.receipt()).map(Head::id).sorted().toList(),
                            open.stream().filter(Head::receipt).map(Head::id).sorted().toList());
            List<OutboundMessage> rows = new ArrayList<>();
            for (List<Long> candidates : passes) {
                for (int from = 0; from < candidates.size() && rows.size() < limit; from += HEADS_PER_READ) {
                    rows.addAll(claimAmong(candidates.subList(from, Math.min(candidates.size(), from + HEADS_PER_READ)),
                            limit - rows.size(), now));
                }
            }
            if (!rows.isEmpty()) {
                resolveEdits(rows);
                List<Long> ids = rows.stream().map(OutboundMessage::id).toList();
                jdbc.update("UPDATE outbox_messages SET attempts = attempts + 1, locked_until = ?, claimed_by = ? WHERE id IN (" + marks(ids)
                        + ")", args(List.of(now.plus(settings.lease()), instance), ids));
            }
            return rows;
        });
        return claimed == null ? List.of() : claimed;
    }

    /** Up to {@code limit} of these heads that are due and not leased, oldest first, locked (the rows read in id order: no more are locked). */
    private List<OutboundMessage> claimAmong(List<Long> heads, int limit, Instant now) {
        return jdbc.query("""
                SELECT id, channel, chat_id, thread_id, email_to, subject, body, actions, attachments, ticket_id, attempts, parts_sent,
                       thread_title, react_to, edit_of, copy_of_message, copy_of_channel, copy_of_chat
                FROM outbox_messages
                WHERE id IN (%s) AND status = 'PENDING' AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until <= ?)
                ORDER BY id
                LIMIT ?
                FOR UPDATE SKIP LOCKED
                """.formatted(marks(heads)), OutboxRows::toMessage, args(List.of(), heads, now, now, limit));
    }

    /** The platform's ids of the messages the edits among {@code rows} change (those delivered), in place. */
    private void resolveEdits(List<OutboundMessage> rows) {
        List<Long> originals = rows.stream().map(OutboundMessage::editOf).filter(java.util.Objects::nonNull).toList();
        if (originals.isEmpty()) {
            return;
        }
        // only a message that went out as one part (text within every platform's limit, no file): the
        // platform's id is its last part's, and a longer one is answered with a new message instead
        Map<Long, String> delivered = new java.util.HashMap<>();
        jdbc.query("""
                SELECT id, external_message_id FROM outbox_messages
                WHERE status = 'SENT' AND attachments IS NULL AND CHAR_LENGTH(body) <= %d AND id IN (%s)
                """.formatted(ONE_PART, marks(originals)), rs -> {
                    delivered.put(rs.getLong(1), rs.getString(2));
                }, originals.toArray());
        rows.replaceAll(row -> row.editOf() == null ? row : row.replacing(delivered.get(row.editOf())));
    }

    /** Records what became of these rows: the sent ones in one statement, all in one commit. */
    void record(List<OutboxDispatcher.Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        Map<Long, String> sent = new java.util.LinkedHashMap<>();
        List<OutboxDispatcher.Failed> failed = new ArrayList<>();
        for (OutboxDispatcher.Outcome outcome : outcomes) {
            if (outcome instanceof OutboxDispatcher.Sent s) {
                sent.put(s.message().id(), s.externalId());
            } else if (outcome instanceof OutboxDispatcher.Failed f) {
                failed.add(f);
            }
        }
        List<OutboundMessage> copies = outcomes.stream().filter(o -> o instanceof OutboxDispatcher.Sent s && s.message().receipt())
                .map(OutboxDispatcher.Outcome::message).toList();
        tx.executeWithoutResult(status -> {
            several.endsWithCommitHere();   // the receipts' rows go with the marks and the commit, on MariaDB
            receipts.acknowledge(copies);   // first: the receipts' rows (their ids come back with the commit's request)
            failed.forEach(f -> recordFailure(f.message(), f.failure()));
            markSent(sent, status);   // last, with the commit: one request on MariaDB
        });
    }

    /** Marks these rows sent, with the platform's id of each, in one statement, and commits. */
    private void markSent(Map<Long, String> sent, TransactionStatus status) {
        if (sent.isEmpty()) {
            return;
        }
        StringBuilder externalIds = new StringBuilder("CASE id");
        List<Object> values = new ArrayList<>(List.of(clock.instant()));
        for (Map.Entry<Long, String> row : sent.entrySet()) {
            externalIds.append(" WHEN ? THEN ?");
            values.add(row.getKey());
            values.add(row.getValue() == null || row.getValue().isEmpty() ? null : row.getValue());   // a null: spring.properties
        }
        externalIds.append(" END");
        several.runAndCommit(status, List.of(new SeveralStatements.Sql("""
                UPDATE outbox_messages
                SET status = 'SENT', sent_at = ?, locked_until = NULL, claimed_by = NULL, last_error = NULL, external_message_id = %s
                WHERE id IN (%s)
                """.formatted(externalIds, marks(sent.keySet())), args(values, sent.keySet()))));
    }

    private void recordFailure(OutboundMessage message, DeliveryFailure failure) {
        Instant now = clock.instant();
        String error = truncate(failure.getMessage() == null ? failure.toString() : failure.getMessage());
        if (failure.partsDelivered() > message.partsSent()) {
            jdbc.update("UPDATE outbox_messages SET parts_sent = ? WHERE id = ?", failure.partsDelivered(), message.id());
        }
        if (failure.retryAfter().isPresent()) {
            // the platform (or our limiter) asked us to wait: not a failed try
            metrics.waited(message.channel(), failure.refusedByPlatform());
            jdbc.update("""
                    UPDATE outbox_messages
                    SET attempts = attempts - 1, next_attempt_at = ?, locked_until = NULL, claimed_by = NULL, last_error = ?
                    WHERE id = ?
                    """, now.plus(failure.retryAfter().get()), error, message.id());
            return;
        }
        if (failure.permanent() || message.attempt() >= settings.maxAttempts()) {
            log.warn("Outbox row {} ({}) is dead after {} tries: {}", message.id(), message.channel(), message.attempt(), error);
            metrics.died(message.channel());
            jdbc.update("""
                    UPDATE outbox_messages SET status = 'DEAD', locked_until = NULL, claimed_by = NULL, last_error = ? WHERE id = ?
                    """, error, message.id());
            return;
        }
        Duration wait = settings.backoffAfter(message.attempt());
        log.info("Outbox row {} ({}) failed try {}: {}; next try in {}", message.id(), message.channel(), message.attempt(), error, wait);
        metrics.retried(message.channel());
        jdbc.update("""
                UPDATE outbox_messages SET next_attempt_at = ?, locked_until = NULL, claimed_by = NULL, last_error = ? WHERE id = ?
                """, now.plus(wait), error, message.id());
    }

    /** The claims on these rows, still being sent, hold for another lease. */
    void renew(Collection<Long> inFlight) {
        List<Long> ids = List.copyOf(inFlight);   // read once: the senders take their rows out meanwhile, all of them at times
        if (!ids.isEmpty()) {
            tx.executeWithoutResult(status -> jdbc.update("""
                    UPDATE outbox_messages SET locked_until = ?, claimed_by = ?
                    WHERE id IN (%s) AND status = 'PENDING'
                    """.formatted(marks(ids)), args(List.of(clock.instant().plus(settings.lease()), instance), ids)));
        }
    }

    private static OutboundMessage toMessage(ResultSet rs, int row) throws SQLException {
        Channel channel = Channel.valueOf(rs.getString("channel"));
        String chatId = rs.getString("chat_id");
        ChatAddress chat = chatId == null ? null : new ChatAddress(channel, chatId, rs.getString("thread_id"));
        return new OutboundMessage(rs.getLong("id"), channel, chat, rs.getString("email_to"), rs.getString("subject"),
                rs.getString("body"), new ArrayList<>(MessageAction.decode(rs.getString("actions"))),
                AttachmentCodec.decode(rs.getString("attachments")), rs.getObject("ticket_id", Long.class), rs.getInt("attempts") + 1,
                rs.getInt("parts_sent"), rs.getString("thread_title"), rs.getString("react_to"), rs.getObject("edit_of", Long.class), null,
                MessageRef.of(rs.getString("copy_of_channel"), rs.getString("copy_of_chat"), rs.getString("copy_of_message")));
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
