package com.careregistry.core.inbox;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.NotFoundException;
import com.careregistry.core.common.SeveralStatements;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox: where every inbound platform event is stored before anything else happens to it.
 * An adapter appends what the platform sent (a whole Telegram {@code getUpdates} batch in one
 * statement and one commit) and only then moves its offset, answers the webhook or acknowledges
 * the interaction; the workers handle the stored events afterwards. An event the inbox already
 * holds (a redelivery) is not stored again.
 */
@Service
public class Inbox {

    /** A statement carries at most this many events (MariaDB allows 65,535 parameters). */
    private static final int ROWS_PER_STATEMENT = 500;
    private static final int COLUMNS = 6;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final InboxQueue queue;
    private final Clock clock;
    private final SeveralStatements several;

    public Inbox(JdbcTemplate jdbc, PlatformTransactionManager transactions, InboxQueue queue, Clock clock, SeveralStatements several) {
        this.jdbc = jdbc;
        this.several = several;
        this.tx = new TransactionTemplate(transactions);
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * Stores these events, one whole delivery of the platform (a {@code getUpdates} batch), in one
     * transaction; returns how many were new. When this returns, they are durable: the caller may
     * confirm them to the platform. Throws when they could not be stored. Nothing more comes with
     * them, so a worker takes their chats at once ({@link InboxQueue#offerWhole}).
     */
    public int append(List<InboundEvent> events) {
        return append(events, true);
    }

    /**
     * Stores this one event as it came (a webhook update, a gateway event, an interaction); more may
     * follow, so a worker lets more come for the gather time before it handles them together.
     */
    public int append(InboundEvent event) {
        return append(List.of(event), false);
    }

    private int append(List<InboundEvent> events, boolean wholeDelivery) {
        if (events.isEmpty()) {
            return 0;
        }
        Integer stored = tx.execute(status -> {
            Instant now = clock.instant();
            List<SeveralStatements.Sql> inserts = new ArrayList<>();
            for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
                inserts.add(insert(events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT)), now));
            }
            Set<String> keys = new LinkedHashSet<>();
            events.forEach(event -> keys.add(event.orderingKey()));
            afterCommit(wholeDelivery ? () -> queue.offerWhole(keys) : () -> queue.offer(keys));
            return IntStream.of(several.runAndCommit(status, inserts)).sum();   // the insert and the commit: one request on MariaDB
        });
        return stored == null ? 0 : stored;
    }

    private static SeveralStatements.Sql insert(List<InboundEvent> chunk, Instant now) {
        StringBuilder sql = new StringBuilder("INSERT IGNORE INTO inbox_events "
                + "(channel, external_event_id, ordering_key, payload, status, next_attempt_at, received_at) VALUES ");
        Object[] args = new Object[chunk.size() * COLUMNS];
        int i = 0;
        for (InboundEvent event : chunk) {
            sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, 'PENDING', ?, ?)");
            args[i++] = event.channel().name();
            args[i++] = event.externalEventId();
            args[i++] = event.orderingKey();
            args[i++] = event.payload();
            args[i++] = now;
            args[i++] = now;
        }
        return new SeveralStatements.Sql(sql.toString(), args);
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /**
     * The newest stored event of each chat of {@code channel}, received since {@code since}, whose
     * payload holds {@code marker} (an adapter's mark of one kind of its events), newest chats first,
     * at most {@code limit}: where an adapter that was away looks again for what was written meanwhile.
     */
    public List<String> newestPayloads(Channel channel, String marker, Instant since, int limit) {
        return jdbc.queryForList("""
                SELECT e.payload FROM inbox_events e JOIN (
                    SELECT MAX(id) AS id FROM inbox_events WHERE channel = ? AND received_at >= ? AND payload LIKE ?
                    GROUP BY ordering_key) newest ON e.id = newest.id
                ORDER BY e.id DESC LIMIT ?""", String.class, channel.name(), since, "%" + marker + "%", limit);
    }

    /** Whether the inbox holds this event (in any state). */
    public boolean holds(Channel channel, String externalEventId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM inbox_events WHERE channel = ? AND external_event_id = ?",
                Integer.class, channel.name(), externalEventId);
        return count != null && count > 0;
    }

    /** An event set aside after its last failed try, as the panel lists it. */
    public record FailedEvent(long id, Channel channel, String externalEventId, String orderingKey, int attempts,
                              String lastError, Instant receivedAt, String payloadStart) {
    }

    /** Events set aside as failed, newest first. */
    public List<FailedEvent> failed(int limit) {
        return jdbc.query("""
                SELECT id, channel, external_event_id, ordering_key, attempts, last_error, received_at, SUBSTRING(payload, 1, 300) AS start
                FROM inbox_events WHERE status = 'FAILED' ORDER BY id DESC LIMIT ?
                """, (rs, row) -> new FailedEvent(rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
                rs.getString("external_event_id"), rs.getString("ordering_key"), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getObject("received_at", Instant.class), rs.getString("start")), limit);
    }

    public long countFailed() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM inbox_events WHERE status = 'FAILED'", Long.class);
        return count == null ? 0 : count;
    }

    /** Events stored and not handled yet (for the dashboard and tests). */
    public long countPending() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM inbox_events WHERE status = 'PENDING'", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * An admin tries a failed event again, once its cause is gone: it is handled as if new, before the
     * events its chat received since (it came first).
     */
    public void retry(long id) {
        String key = failedKey(id);
        tx.executeWithoutResult(status -> {
            jdbc.update("UPDATE inbox_events SET status = 'PENDING', attempts = 0, next_attempt_at = ? WHERE id = ? AND status = 'FAILED'",
                    clock.instant(), id);
            afterCommit(() -> queue.offer(List.of(key)));
        });
    }

    /** An admin gives up on a failed event: it stays recorded (so a redelivery is still a no-op) and is no longer listed. */
    public void discard(long id) {
        failedKey(id);
        tx.executeWithoutResult(status -> jdbc.update(
                "UPDATE inbox_events SET status = 'DISCARDED', handled_at = ? WHERE id = ? AND status = 'FAILED'",
                clock.instant(), id));
    }

    private String failedKey(long id) {
        List<String> keys = jdbc.queryForList("SELECT ordering_key FROM inbox_events WHERE id = ? AND status = 'FAILED'",
                String.class, id);
        if (keys.isEmpty()) {
            throw new NotFoundException("inbox.not-found");
        }
        return keys.get(0);
    }
}
