package com.careregistry.core.inbox;

import static com.careregistry.core.common.SqlLists.args;
import static com.careregistry.core.common.SqlLists.marks;
import static com.careregistry.core.common.SqlLists.valuesTable;

import com.careregistry.core.common.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The inbox table as the workers use it: each chat's head (its oldest pending event), its lock
 * ({@code FOR UPDATE SKIP LOCKED}, held until the transaction ends), and what became of an event:
 * handled, tried again later, or set aside as failed.
 */
@Component
class InboxRows {

    private final JdbcTemplate jdbc;

    InboxRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The oldest pending event of each of these chats (chats without one are not in the answer): one
     * index dive per chat, however many events wait behind each head. ({@code MIN(id) ... GROUP BY
     * ordering_key} read every pending event of the chats instead: MariaDB does not skip through the
     * index for it, and under a backlog of thousands a worker's every batch read them all.)
     */
    Map<String, ChatHead> heads(List<String> chats) {
        Map<String, ChatHead> heads = new HashMap<>();
        if (chats.isEmpty()) {
            return heads;
        }
        jdbc.query(valuesTable("c", "ordering_key", chats.size()) + """
                SELECT e.ordering_key, e.id, e.next_attempt_at FROM c
                JOIN inbox_events e ON e.id = (SELECT h.id FROM inbox_events h WHERE h.status = 'PENDING' AND h.ordering_key = c.ordering_key
                                               ORDER BY h.id LIMIT 1)
                """, rs -> {
            heads.put(rs.getString(1), new ChatHead(rs.getLong(2), rs.getObject(3, Instant.class)));
        }, chats.toArray());
        return heads;
    }

    /**
     * Locks those of these events that are still their chat's head (pending, due, none older pending)
     * for the current transaction, oldest first; those held elsewhere are left out. Each comes with
     * its chat's next pending event as the statement saw it, so the caller knows whether the chat
     * has more without reading again (one that arrives later is news to the {@link InboxQueue}).
     * The looks at the rest of the chat are consistent (non-locking) reads, one index dive each
     * however long the chat's backlog ({@code ORDER BY id LIMIT 1}: MariaDB reads all of a chat's
     * pending events for a {@code MIN(id)} or a {@code NOT EXISTS} on an older one): an older event
     * another worker holds still counts, and nothing but the heads is locked.
     */
    List<Locked> lockHeads(List<Long> ids, Instant now) {
        return jdbc.query("""
                SELECT e.id, e.channel, e.external_event_id, e.ordering_key, e.payload, e.attempts, e.received_at,
                       (SELECT n.id FROM inbox_events n WHERE n.status = 'PENDING' AND n.ordering_key = e.ordering_key AND n.id > e.id
                        ORDER BY n.id LIMIT 1) AS following
                FROM inbox_events e
                WHERE e.id IN (%s) AND e.status = 'PENDING' AND e.next_attempt_at <= ?
                  AND e.id = (SELECT h.id FROM inbox_events h WHERE h.status = 'PENDING' AND h.ordering_key = e.ordering_key
                              ORDER BY h.id LIMIT 1)
                ORDER BY e.id FOR UPDATE SKIP LOCKED
                """.formatted(marks(ids)), (rs, row) -> {
                    Long following = rs.getObject("following", Long.class);
                    return new Locked(toEvent(rs, row), following == null ? ChatHead.NONE : ChatHead.due(following));
                }, args(List.of(), ids, now));
    }

    /** A chat's head, locked, and the event that follows it in the chat ({@link ChatHead#NONE}: none yet). */
    record Locked(InboxEvent event, ChatHead following) {
    }

    /** The oldest pending event of a chat, or {@link Head#NONE}. */
    ChatHead head(String orderingKey) {
        List<ChatHead> heads = jdbc.query("""
                SELECT id, next_attempt_at FROM inbox_events
                WHERE status = 'PENDING' AND ordering_key = ? ORDER BY id LIMIT 1
                """, (rs, row) -> new ChatHead(rs.getLong(1), rs.getObject(2, Instant.class)), orderingKey);
        return heads.isEmpty() ? ChatHead.NONE : heads.get(0);
    }

    /** Locks a pending event for the current transaction; null when it is held elsewhere or no longer pending. */
    InboxEvent lock(long id) {
        List<InboxEvent> locked = jdbc.query("""
                SELECT id, channel, external_event_id, ordering_key, payload, attempts, received_at FROM inbox_events
                WHERE id = ? AND status = 'PENDING' FOR UPDATE SKIP LOCKED
                """, InboxRows::toEvent, id);
        return locked.isEmpty() ? null : locked.get(0);
    }

    void markHandled(long id, Instant now) {
        jdbc.update("UPDATE inbox_events SET status = 'HANDLED', handled_at = ? WHERE id = ?", now, id);
    }

    void setAside(long id, int tries, String error) {
        jdbc.update("UPDATE inbox_events SET status = 'FAILED', attempts = ?, last_error = ? WHERE id = ? AND status = 'PENDING'",
                tries, error, id);
    }

    /** Marks these events handled, in one statement. */
    void markAllHandled(List<Long> ids, Instant now) {
        jdbc.update("UPDATE inbox_events SET status = 'HANDLED', handled_at = ? WHERE id IN (" + marks(ids) + ")",
                args(List.of(now), ids));
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
