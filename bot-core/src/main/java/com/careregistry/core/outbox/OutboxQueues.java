package com.careregistry.core.outbox;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.SqlLists;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The heads of a channel's queues (each queue's oldest pending row), read with one index dive per
 * queue this instance knows to have rows pending, instead of by grouping every pending row: MariaDB
 * has no loose index scan for {@code MIN(id) … GROUP BY ordering_key}, so under a backlog (a burst's
 * relays, and their receipts waiting behind them) each claim read every pending row's index entry,
 * 20,000 of them for 20,000 rows waiting.
 *
 * <p>A queue becomes known when this instance commits rows to it ({@link OutboxSignal#wrote}), and
 * from a full read of the heads, made when none is known, at least once per poll interval (rows
 * written by another instance) and while more queues are known than one statement dives into (with
 * that many queues the grouping reads about as much as the dives would); a queue is forgotten when
 * its dive, or a full read, finds nothing pending. A queue written to while a full read ran is told
 * of after the read began, so the next call asks about it.
 */
@Component
class OutboxQueues {

    /** Queues dived into per statement at most. */
    private static final int QUEUES_PER_READ = 200;
    /** Each queue's head, or null when nothing is pending there, after the queues' table ({@link SqlLists#valuesTable}). */
    private static final String EACH_HEAD = """
            SELECT (SELECT o.id FROM outbox_messages o WHERE o.channel = ? AND o.status = 'PENDING' AND o.ordering_key = q.ordering_key
                    ORDER BY o.id LIMIT 1) AS head, q.ordering_key
            FROM q""";

    /** The head of a queue of the outbox; {@code receipt}: a queue of receipts (reactions), served after messages. */
    record Head(long id, String orderingKey) {
        boolean receipt() {
            return orderingKey.endsWith(OutboxReceipts.QUEUE);
        }
    }

    private final JdbcTemplate jdbc;
    private final OutboxSignal signal;
    private final Duration fullReadEvery;
    private final Clock clock;
    private final Map<Channel, Set<String>> known = new EnumMap<>(Channel.class);
    private final Map<Channel, Instant> fullReadAt = new ConcurrentHashMap<>();

    OutboxQueues(JdbcTemplate jdbc, OutboxSignal signal, OutboxSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.signal = signal;
        this.fullReadEvery = settings.pollInterval();
        this.clock = clock;
        for (Channel channel : Channel.values()) {
            known.put(channel, ConcurrentHashMap.newKeySet());
        }
    }

    /** Whether this instance knows the queue to have rows pending, or rows committed to it since it last looked. */
    boolean knows(Channel channel, String orderingKey) {
        return known.get(channel).contains(orderingKey) || signal.written(channel, orderingKey);
    }

    /** The head of each queue of the channel with rows pending, as far as this instance knows them (see above). */
    List<Head> heads(Channel channel) {
        Set<String> queues = known.get(channel);
        queues.addAll(signal.takeWritten(channel));
        Instant now = clock.instant();
        Instant last = fullReadAt.get(channel);
        if (queues.isEmpty() || queues.size() > QUEUES_PER_READ || last == null || now.isBefore(last)
                || !now.isBefore(last.plus(fullReadEvery))) {
            fullReadAt.put(channel, now);
            List<Head> heads = jdbc.query("""
                    SELECT MIN(id), ordering_key FROM outbox_messages
                    WHERE channel = ? AND status = 'PENDING'
                    GROUP BY ordering_key
                    """, (rs, n) -> new Head(rs.getLong(1), rs.getString(2)), channel.name());
            Set<String> found = new HashSet<>();
            heads.forEach(head -> found.add(head.orderingKey()));
            queues.retainAll(found);   // each was committed before the read began: not found, nothing is pending there
            queues.addAll(found);
            return heads;
        }
        List<String> asked = List.copyOf(queues);
        List<Head> heads = headsOf(channel, asked);
        Set<String> empty = new HashSet<>(asked);
        heads.forEach(head -> empty.remove(head.orderingKey()));
        queues.removeAll(empty);   // written to before the dive (the commit came first): nothing pending now
        return heads;
    }

    /**
     * The head of each of these queues of the channel that has a row pending, with one index dive per
     * queue, however many rows wait behind the heads; what this instance knows is left as it is.
     */
    List<Head> headsOf(Channel channel, Collection<String> orderingKeys) {
        List<String> asked = List.copyOf(orderingKeys);
        List<Head> heads = new ArrayList<>(asked.size());
        for (int from = 0; from < asked.size(); from += QUEUES_PER_READ) {
            List<String> some = asked.subList(from, Math.min(asked.size(), from + QUEUES_PER_READ));
            jdbc.query(SqlLists.valuesTable("q", "ordering_key", some.size()) + EACH_HEAD, rs -> {
                long head = rs.getLong(1);
                if (!rs.wasNull()) {
                    heads.add(new Head(head, rs.getString(2)));
                }
            }, SqlLists.args(some, List.of(), channel.name()));
        }
        return heads;
    }
}
