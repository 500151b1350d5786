package com.careregistry.core.outbox;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.InstanceSettings;
import com.careregistry.core.common.SeveralStatements;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows sent as soon as the transaction that writes them commits, without waiting for a claim: a row
 * that is its queue's head from the start (nothing pending in its queue) is inserted already claimed in
 * this instance's name (its first try, leased as a claim would lease it) and handed to its channel's
 * {@link OutboxLane} once the transaction commits. That spares the claim round (the lane woken, its
 * gather time, a transaction that reads the heads, locks and leases them) which was most of the time
 * between a customer's message being handled and its relay reaching staff.
 *
 * <p>Only while a lane of the row's channel runs in this instance and its sender is ready. An edit (the
 * id of the message it changes is read when it is claimed) is written pending, as is every row behind
 * another in its queue: the row before it (in the database, or earlier in the same write) goes first,
 * and the lane claims the next once it is sent. If the process dies before the send, the row stays
 * claimed until its lease runs out (at once when this instance restarts: it takes its claims back), and
 * is then claimed like any other: nothing is lost, and a send that reached the platform but was not
 * recorded is sent again, as with any claim.
 */
@Component
class DirectSends {

    private final JdbcTemplate jdbc;
    private final OutboxQueues queues;
    private final OutboxSettings settings;
    private final Clock clock;
    private final String instance;
    private final SeveralStatements several;
    private final Map<Channel, OutboxLane> lanes = new ConcurrentHashMap<>();
    private volatile Long autoIncrement;

    DirectSends(JdbcTemplate jdbc, OutboxQueues queues, OutboxSettings settings, Clock clock, InstanceSettings instance,
                SeveralStatements several) {
        this.jdbc = jdbc;
        this.several = several;
        this.queues = queues;
        this.settings = settings;
        this.clock = clock;
        this.instance = instance.name();
    }

    /** The lane that sends the channel's rows in this instance (one per channel). */
    void open(Channel channel, OutboxLane lane) {
        lanes.put(channel, lane);
    }

    /** The lane stops: the channel's rows are written pending again. */
    void close(Channel channel, OutboxLane lane) {
        lanes.remove(channel, lane);
    }

    /**
     * Inserts those of {@code rows} that can be sent at once, claimed, in the caller's transaction, and
     * hands them to their lanes when it commits; returns the others, in their order, for the caller to
     * insert pending. {@code inOrder}: rows of a queue go one after another (messages), so a row is taken
     * only as the first of its queue among {@code rows}, and only when nothing is pending in its queue;
     * otherwise (receipts: reactions, in no order among them) every row whose lane takes rows now.
     */
    List<NewRow> writeClaimed(List<NewRow> rows, boolean inOrder) {
        if (lanes.isEmpty() || rows.isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return rows;
        }
        Set<NewRow> candidates = Collections.newSetFromMap(new IdentityHashMap<>());
        rows.stream().filter(this::takes).forEach(candidates::add);
        if (candidates.isEmpty()) {
            return rows;
        }
        Set<String> pending = inOrder ? pendingQueues(candidates) : Set.of();
        Set<String> seen = new HashSet<>();
        Instant until = clock.instant().plus(settings.lease());
        List<NewRow> claimed = new ArrayList<>();
        List<NewRow> rest = new ArrayList<>();
        for (NewRow row : rows) {
            boolean first = seen.add(queue(row));   // a later row of the same queue waits for this one
            if (candidates.contains(row) && (!inOrder || first && !pending.contains(queue(row)))) {
                claimed.add(row.claimed(instance, until));
            } else {
                rest.add(row);
            }
        }
        if (!claimed.isEmpty()) {
            Supplier<List<OutboundMessage>> inserted = insert(claimed);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    List<OutboundMessage> toSend = inserted.get();
                    for (int i = 0; i < toSend.size(); i++) {
                        OutboxLane lane = lanes.get(toSend.get(i).channel());
                        if (lane != null) {
                            lane.sendNow(toSend.get(i), claimed.get(i).orderingKey());   // else it waits for its lease, or a restart
                        }
                    }
                }
            });
        }
        return rest;
    }

    /** Whether the row's channel has a lane here that takes rows now (an edit is claimed the usual way). */
    private boolean takes(NewRow row) {
        OutboxLane lane = lanes.get(row.channel());
        return lane != null && row.editOf() == null && lane.accepting();
    }

    /** The queues of these rows that have a row pending (as {@link #queue} names them). */
    private Set<String> pendingQueues(Collection<NewRow> rows) {
        Map<Channel, Set<String>> keys = new LinkedHashMap<>();
        rows.forEach(row -> keys.computeIfAbsent(row.channel(), c -> new HashSet<>()).add(row.orderingKey()));
        Set<String> pending = new HashSet<>();
        // a dive per queue: a DISTINCT over the queues read every row pending in them, 400 a statement
        // under a burst's backlog, and half of all the rows MariaDB read (docs/benchmarks.md, stop 35)
        keys.forEach((channel, some) -> queues.headsOf(channel, some)
                .forEach(head -> pending.add(channel.name() + " " + head.orderingKey())));
        return pending;
    }

    private static String queue(NewRow row) {
        return row.channel().name() + " " + row.orderingKey();
    }

    /**
     * Inserts the rows with one statement; what it returns gives them as they will be sent, once the
     * transaction has committed. The insert goes with the transaction's last request where it ends so
     * ({@link SeveralStatements#defer}), which tells the first row's id; else it is made now. The driver
     * reports the first row's id only (H2 reports each): a multi-row insert of known length gets
     * consecutive ids from InnoDB, one auto-increment step apart, in any of its lock modes.
     */
    private Supplier<List<OutboundMessage>> insert(List<NewRow> rows) {
        long[] first = {0};
        if (several.defer(new SeveralStatements.Sql(NewRow.insertOf(rows.size()), NewRow.valuesOf(rows)), -1, null, id -> first[0] = id)) {
            long step = increment();   // kept on MariaDB only: H2 reports each id and has no such variable
            return () -> toSend(rows, consecutive(first[0], rows.size(), step));
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(NewRow.insertOf(rows.size()), Statement.RETURN_GENERATED_KEYS);
            new ArgumentPreparedStatementSetter(NewRow.valuesOf(rows)).setValues(statement);
            return statement;
        }, keys);
        List<Long> ids = keys.getKeyList().stream().map(key -> ((Number) key.values().iterator().next()).longValue()).toList();
        List<OutboundMessage> messages = toSend(rows, ids.size() == 1 && rows.size() > 1 ? consecutive(ids.get(0), rows.size(), increment()) : ids);
        return () -> messages;
    }

    private static List<Long> consecutive(long first, int rows, long step) {
        return java.util.stream.LongStream.range(0, rows).mapToObj(i -> first + i * step).toList();
    }

    private static List<OutboundMessage> toSend(List<NewRow> rows, List<Long> ids) {
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("the database reported " + ids.size() + " ids for " + rows.size() + " new outbox rows");
        }
        List<OutboundMessage> messages = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            messages.add(rows.get(i).toSend(ids.get(i)));
        }
        return messages;
    }

    /** The database's auto-increment step (1 unless set otherwise), read once. */
    private long increment() {
        Long step = autoIncrement;
        if (step == null) {
            step = jdbc.queryForObject("SELECT @@auto_increment_increment", Long.class);
            autoIncrement = step;
        }
        return step;
    }
}
