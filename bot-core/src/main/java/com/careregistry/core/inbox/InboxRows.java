package com.careregistry.core.inbox;

import static com.careregistry.core.common.SqlLists.args;
import static com.careregistry.core.common.SqlLists.marks;
import static com.careregistry.core.common.SqlLists.valuesTable;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.SeveralStatements;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;

/**
 * The inbox table as the workers use it: each chat's head (its oldest pending event), its lock
 * ({@code FOR UPDATE SKIP LOCKED}, held until the transaction ends), and what became of an event:
 * handled, tried again later, or set aside as failed.
 */
@Component
class InboxRows {

    private final JdbcTemplate jdbc;
    private final SeveralStatements several;

    InboxRows(JdbcTemplate jdbc, SeveralStatements several) {
        this.jdbc = jdbc;
        this.several = several;
    }

    /**
     * Locks the head of each of these chats (its oldest pending event) where it is due, for the
     * current transaction, oldest first; a chat whose head another worker holds, or with none due, is
     * left out. Each comes with its chat's next pending event as the statement saw it, so the caller
     * knows whether the chat has more without reading again (one that arrives later is news to the
     * {@link InboxQueue}). One statement: the heads are found and locked together, one index dive per
     * chat however long its backlog ({@code ORDER BY id LIMIT 1}: MariaDB reads all of a chat's
     * pending events for a {@code MIN(id)} or a {@code NOT EXISTS} on an older one). The dives are
     * consistent (non-locking) reads, so an older event another worker holds is still the head, and
     * nothing but the heads is locked, each found by its primary key. MariaDB is told so (in comments
     * that it reads and H2 skips): on a small table it would rather scan the events, locking every
     * one it reads, and another worker would then skip every chat. The heads are put in order here,
     * not by the statement: an {@code ORDER BY} over rows that carry the payload (a {@code TEXT})
     * made MariaDB sort them in a temporary table on disk, a file created and removed per batch.
     */
    List<Locked> lockHeads(List<String> chats, Instant now) {
        if (chats.isEmpty()) {
            return List.of();
        }
        return jdbc.query(valuesTable("c", "ordering_key", chats.size()) + """
                SELECT /*! STRAIGHT_JOIN */ e.id, e.channel, e.external_event_id, e.ordering_key, e.payload, e.attempts, e.received_at,
                       (SELECT n.id FROM inbox_events n WHERE n.status = 'PENDING' AND n.ordering_key = e.ordering_key AND n.id > e.id
                        ORDER BY n.id LIMIT 1) AS following
                FROM c JOIN inbox_events e /*! FORCE INDEX (PRIMARY) */ ON e.id = (SELECT h.id FROM inbox_events h WHERE h.status = 'PENDING'
                                                      AND h.ordering_key = c.ordering_key ORDER BY h.id LIMIT 1)
                WHERE e.status = 'PENDING' AND e.next_attempt_at <= ?
                FOR UPDATE SKIP LOCKED
                """, (rs, row) -> new Locked(toEvent(rs, row), rs.getObject("following", Long.class)), args(chats, List.of(), now))
                .stream().sorted(Comparator.comparingLong(head -> head.event().id())).toList();
    }

    /** A chat's head, locked, and the id of the event that follows it in the chat (null: none yet). */
    record Locked(InboxEvent event, Long following) {
    }

    /** Locks a pending event for the current transaction; null when it is held elsewhere or no longer pending. */
    InboxEvent lock(long id) {
        List<InboxEvent> locked = jdbc.query("""
                SELECT id, channel, external_event_id, ordering_key, payload, attempts, received_at FROM inbox_events
                WHERE id = ? AND status = 'PENDING' FOR UPDATE SKIP LOCKED
                """, InboxRows::toEvent, id);
        return locked.isEmpty() ? null : locked.get(0);
    }

    void setAside(long id, int tries, String error) {
        jdbc.update("UPDATE inbox_events SET status = 'FAILED', attempts = ?, last_error = ? WHERE id = ? AND status = 'PENDING'",
                tries, error, id);
    }

    /**
     * The current transaction ends with {@link #markAllHandledAndCommit}: the writes of its events that need
     * nothing back before the commit may go in that request too ({@link SeveralStatements#endsWithCommitHere}).
     */
    void writesGoWithTheMark() {
        several.endsWithCommitHere();
    }

    /**
     * Marks these events handled, in one statement, as the last work of their transaction: on MariaDB
     * the mark and the commit go in one request ({@link SeveralStatements#runAndCommit}).
     */
    void markAllHandledAndCommit(TransactionStatus status, List<Long> ids, Instant now) {
        several.runAndCommit(status, List.of(new SeveralStatements.Sql(
                "UPDATE inbox_events SET status = 'HANDLED', handled_at = ? WHERE id IN (" + marks(ids) + ")", args(List.of(now), ids))));
    }

    /** A failed try: the event waits until {@code at} and is tried again. */
    void retryAt(long id, int tries, Instant at, String error) {
        jdbc.update("""
                UPDATE inbox_events SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ? AND status = 'PENDING'
                """, tries, at, error, id);
    }

    /** Chats whose head is due, oldest head first, among these channels. */
    List<String> dueChats(List<Channel> channels, Instant now, int limit) {
        if (channels.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        channels.forEach(channel -> args.add(channel.name()));
        args.add(now);
        args.add(limit);
        return jdbc.queryForList("""
                SELECT e.ordering_key FROM inbox_events e
                JOIN (SELECT MIN(id) AS id FROM inbox_events WHERE status = 'PENDING' GROUP BY ordering_key) h ON h.id = e.id
                WHERE e.channel IN (%s) AND e.next_attempt_at <= ?
                ORDER BY e.id LIMIT ?
                """.formatted(marks(channels)), String.class, args.toArray());
    }

    private static InboxEvent toEvent(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new InboxEvent(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("external_event_id"),
                rs.getString("ordering_key"), rs.getString("payload"), rs.getInt("attempts"), rs.getObject("received_at", Instant.class));
    }
}
