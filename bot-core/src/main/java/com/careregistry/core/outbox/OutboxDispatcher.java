package com.careregistry.core.outbox;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.common.InstanceSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox rows of one channel through its sender.
 *
 * <p>Rows are claimed, in a short transaction, as the head of each chat's queue (its oldest pending
 * row) that is due and not leased, with {@code FOR UPDATE SKIP LOCKED} so that several instances
 * share the work without waiting on each other. A claim is a short lease in this instance's name,
 * renewed while the row is being sent; a dead instance's claims are free within one lease, and a
 * restarted one takes its predecessor's back at once. Only a chat's head can be claimed, so the rows
 * of one chat go out in order, one at a time, even across instances, while many chats are in flight
 * at once. Each outcome is recorded as soon as the platform answered: sent (with the platform's id
 * of it), retry later (exponential backoff, or the wait the platform asked for), or dead after the
 * last try.
 *
 * <p>A {@link Lane} keeps one channel busy: up to {@code careregistry.outbox.senders} rows in flight,
 * a new chat's head claimed as soon as a send ends. {@link #dispatchDue} is one round of the same
 * steps, for tests and tools that drive the outbox by hand.
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int MAX_ERROR_LENGTH = 2000;
    /** Heads read per claim query at most; a round that finds too few due among them reads on. */
    private static final int HEADS_PER_READ = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final OutboxSettings settings;
    private final Clock clock;
    private final String instance;
    private final OutboxSignal signal;
    private final OutboxMetrics metrics;
    /** Per channel, the threads that send its rows (a slow mail server holds up no chat). */
    private final Map<Channel, ExecutorService> pools = new ConcurrentHashMap<>();

    public OutboxDispatcher(JdbcTemplate jdbc, PlatformTransactionManager transactions, OutboxSettings settings, Clock clock,
                            InstanceSettings instance, OutboxSignal signal, OutboxMetrics metrics) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.settings = settings;
        this.clock = clock;
        this.instance = instance.name();
        this.signal = signal;
        this.metrics = metrics;
    }

    private ExecutorService poolOf(Channel channel) {
        return pools.computeIfAbsent(channel, c -> {
            AtomicInteger threads = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(settings.senders(), settings.senders(), 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), task -> {
                        Thread thread = new Thread(task, "outbox-" + c.name().toLowerCase() + "-send-" + threads.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        });
    }

    @PreDestroy
    void shutdown() {
        pools.values().forEach(ExecutorService::shutdown);
    }

    /**
     * Frees the rows this instance's predecessor (the same name, before a restart) had claimed and
     * not finished: nobody is sending them any more, and their chats should not wait for the leases.
     */
    public int takeBackClaims() {
        Integer freed = tx.execute(status -> jdbc.update("""
                UPDATE outbox_messages SET locked_until = NULL, claimed_by = NULL
                WHERE claimed_by = ? AND status = 'PENDING'
                """, instance));
        if (freed != null && freed > 0) {
            log.info("Took back {} outgoing messages that this instance ({}) had claimed before it stopped", freed, instance);
        }
        return freed == null ? 0 : freed;
    }

    /**
     * One round for the sender's channel; returns how many rows it tried. The claimed rows are each
     * the head of another chat, so they are sent at once; the round ends when all were tried and
     * their outcomes recorded.
     */
    public int dispatchDue(MessageSender sender) {
        List<OutboundMessage> claimed = claim(sender.channel(), settings.batchSize(), Set.of());
        Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        if (claimed.size() == 1 || settings.senders() == 1) {
            claimed.forEach(message -> outcomes.add(deliver(sender, message)));
        } else {
            ExecutorService pool = poolOf(sender.channel());
            CompletableFuture.allOf(claimed.stream()
                    .map(message -> CompletableFuture.runAsync(() -> outcomes.add(deliver(sender, message)), pool))
                    .toArray(CompletableFuture[]::new)).join();
        }
        record(new ArrayList<>(outcomes));
        return claimed.size();
    }

    /** The continuous dispatch of one sender's channel, driven by one thread. */
    public Lane lane(MessageSender sender) {
        return new Lane(sender);
    }

    /**
     * Keeps a channel busy: each {@link #step} records what finished, renews the leases of what is
     * still being sent, and claims as many chats' heads as there are free senders. A send that ends
     * wakes the lane's thread (through {@link OutboxSignal}), so the chat's next row is claimed at
     * once rather than after a poll interval.
     */
    public final class Lane {

        private final MessageSender sender;
        private final Map<Long, OutboundMessage> inFlight = new ConcurrentHashMap<>();
        private final Queue<Outcome> finished = new ConcurrentLinkedQueue<>();
        /** Threads that asked to record since the one recording began (0: nobody is recording). */
        private final AtomicInteger recording = new AtomicInteger();
        private final long renewEveryNanos;
        private long renewedAt = System.nanoTime();

        private Lane(MessageSender sender) {
            this.sender = sender;
            this.renewEveryNanos = Math.max(settings.lease().toNanos() / 4, Duration.ofMillis(100).toNanos());
        }

        /** Records, renews and claims; true when it claimed all it could take (there may be more at once). */
        public boolean step() {
            recordFinished();
            renewLeasesWhenDue();
            int room = Math.min(settings.senders() - inFlight.size(), settings.batchSize());
            if (room <= 0 || !sender.ready()) {
                return false;
            }
            List<OutboundMessage> claimed = claim(sender.channel(), room, inFlight.keySet());
            ExecutorService pool = poolOf(sender.channel());
            for (OutboundMessage message : claimed) {
                inFlight.put(message.id(), message);
                pool.execute(() -> {
                    finished.add(deliver(sender, message));
                    try {
                        recordFinished();
                    } catch (RuntimeException e) {
                        log.warn("Could not record a send of {} yet (kept for the next try): {}", sender.channel(), e.toString());
                    }
                    signal.wake(sender.channel());
                });
            }
            return claimed.size() == room;
        }

        /** How long the lane's thread may wait for a wake-up before the next lease renewal is due. */
        public long idleMillis() {
            if (inFlight.isEmpty()) {
                return settings.pollInterval().toMillis();
            }
            long untilRenewal = (renewedAt + renewEveryNanos - System.nanoTime()) / 1_000_000;
            return Math.max(1, Math.min(settings.pollInterval().toMillis(), untilRenewal));
        }

        public int inFlight() {
            return inFlight.size();
        }

        /**
         * Claims nothing more and waits up to {@code patience} for what is in flight, recording it;
         * what is still being sent then stays claimed (a restart takes it back).
         */
        public void finish(Duration patience) {
            long deadline = System.nanoTime() + patience.toNanos();
            while (true) {
                try {
                    recordFinished();
                } catch (RuntimeException e) {
                    log.warn("Could not record the last sends of {}: {}", sender.channel(), e.toString());
                    return;
                }
                if (inFlight.isEmpty() || System.nanoTime() > deadline) {
                    return;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        /**
         * Records the outcomes that came in, at once: the sender whose call just returned writes them
         * (with whatever else finished meanwhile, in one statement), unless another thread is writing,
         * which then takes this one too before it stops. The window in which a message has reached the
         * platform but is not marked sent (and a crash would send it again) is one commit long. If the
         * database cannot take them they are kept for the next try (the lane's next step).
         */
        private void recordFinished() {
            if (recording.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            try {
                do {
                    List<Outcome> outcomes = new ArrayList<>();
                    for (Outcome outcome; (outcome = finished.poll()) != null; ) {
                        outcomes.add(outcome);
                    }
                    if (!outcomes.isEmpty()) {
                        try {
                            record(outcomes);
                        } catch (RuntimeException e) {
                            finished.addAll(outcomes);
                            throw e;
                        }
                        outcomes.forEach(outcome -> inFlight.remove(outcome.message().id()));
                    }
                    missed = recording.addAndGet(-missed);
                } while (missed != 0);
            } catch (RuntimeException e) {
                recording.set(0);
                throw e;
            }
        }

        private void renewLeasesWhenDue() {
            if (inFlight.isEmpty() || System.nanoTime() - renewedAt < renewEveryNanos) {
                return;
            }
            String ids = ids(inFlight.keySet());
            tx.executeWithoutResult(status -> jdbc.update("""
                    UPDATE outbox_messages SET locked_until = ?, claimed_by = ?
                    WHERE id IN (%s) AND status = 'PENDING'
                    """.formatted(ids), Timestamp.from(clock.instant().plus(settings.lease())), instance));
            renewedAt = System.nanoTime();
        }
    }

    /** What became of one claimed row. */
    sealed interface Outcome {
        OutboundMessage message();
    }

    record Sent(OutboundMessage message, String externalId) implements Outcome {
    }

    record Failed(OutboundMessage message, DeliveryFailure failure) implements Outcome {
    }

    /** Sends one row and says what became of it. */
    private Outcome deliver(MessageSender sender, OutboundMessage message) {
        long started = System.nanoTime();
        try {
            Delivery delivery = sender.send(message);
            metrics.sent(message.channel(), System.nanoTime() - started);
            return new Sent(message, delivery == null ? null : delivery.externalMessageId());
        } catch (DeliveryFailure failure) {
            return new Failed(message, failure);
        } catch (RuntimeException unexpected) {
            log.warn("Sender {} failed on outbox row {}", sender.channel(), message.id(), unexpected);
            return new Failed(message, DeliveryFailure.transientFailure(describe(unexpected), unexpected));
        }
    }

    /**
     * Claims up to {@code limit} rows of the channel, each the head of its chat's queue, due and
     * not leased, none of {@code excluded} (rows this instance is still sending).
     */
    List<OutboundMessage> claim(Channel channel, int limit, Collection<Long> excluded) {
        if (limit <= 0) {
            return List.of();
        }
        List<OutboundMessage> claimed = tx.execute(status -> {
            Instant now = clock.instant();
            List<Long> heads = jdbc.queryForList("""
                    SELECT MIN(id) FROM outbox_messages
                    WHERE channel = ? AND status = 'PENDING'
                    GROUP BY ordering_key
                    """, Long.class, channel.name());
            List<Long> candidates = heads.stream().filter(id -> !excluded.contains(id)).sorted().toList();
            List<OutboundMessage> rows = new ArrayList<>();
            for (int from = 0; from < candidates.size() && rows.size() < limit; from += HEADS_PER_READ) {
                List<Long> page = candidates.subList(from, Math.min(candidates.size(), from + HEADS_PER_READ));
                rows.addAll(jdbc.query("""
                        SELECT id, channel, chat_id, thread_id, email_to, subject, body, actions, attachments, ticket_id, attempts, parts_sent, thread_title
                        FROM outbox_messages
                        WHERE id IN (%s) AND status = 'PENDING' AND next_attempt_at <= ?
                          AND (locked_until IS NULL OR locked_until <= ?)
                        ORDER BY id
                        LIMIT ?
                        FOR UPDATE SKIP LOCKED
                        """.formatted(ids(page)), OutboxDispatcher::toMessage, Timestamp.from(now), Timestamp.from(now),
                        limit - rows.size()));
            }
            if (!rows.isEmpty()) {
                jdbc.update("UPDATE outbox_messages SET attempts = attempts + 1, locked_until = ?, claimed_by = ? WHERE id IN ("
                        + ids(rows.stream().map(OutboundMessage::id).toList()) + ")", Timestamp.from(now.plus(settings.lease())), instance);
            }
            return rows;
        });
        return claimed == null ? List.of() : claimed;
    }

    /** Records what became of these rows: the sent ones in one statement, all in one commit. */
    void record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        Map<Long, String> sent = new java.util.LinkedHashMap<>();
        List<Failed> failed = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Sent s) {
                sent.put(s.message().id(), s.externalId());
            } else if (outcome instanceof Failed f) {
                failed.add(f);
            }
        }
        tx.executeWithoutResult(status -> {
            markSent(sent);
            failed.forEach(f -> recordFailure(f.message(), f.failure()));
        });
    }

    /** Marks these rows sent, with the platform's id of each, in one statement. */
    private void markSent(Map<Long, String> sent) {
        if (sent.isEmpty()) {
            return;
        }
        StringBuilder externalIds = new StringBuilder("CASE id");
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(clock.instant()));
        for (Map.Entry<Long, String> row : sent.entrySet()) {
            externalIds.append(" WHEN ").append(row.getKey()).append(" THEN ?");
            args.add(row.getValue() == null || row.getValue().isEmpty() ? null : row.getValue());
        }
        externalIds.append(" END");
        jdbc.update("""
                UPDATE outbox_messages
                SET status = 'SENT', sent_at = ?, locked_until = NULL, claimed_by = NULL, last_error = NULL, external_message_id = %s
                WHERE id IN (%s)
                """.formatted(externalIds, ids(sent.keySet())), args.toArray());
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
                    """, Timestamp.from(now.plus(failure.retryAfter().get())), error, message.id());
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
                """, Timestamp.from(now.plus(wait)), error, message.id());
    }

    private static String ids(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
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
