package com.careregistry.core.outbox;

import com.careregistry.core.common.Channel;
import jakarta.annotation.PreDestroy;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends due outbox rows of one channel through its sender.
 *
 * <p>Rows are claimed ({@link OutboxRows}), in a short transaction, as the head of each chat's queue (its oldest pending
 * row) that is due and not leased, with {@code FOR UPDATE SKIP LOCKED} so that several instances
 * share the work without waiting on each other. A claim is a short lease in this instance's name,
 * renewed while the row is being sent; a dead instance's claims are free within one lease, and a
 * restarted one takes its predecessor's back at once. Only a chat's head can be claimed, so the rows
 * of one chat go out in order, one at a time, even across instances, while many chats are in flight
 * at once. Each outcome is recorded as soon as the platform answered: sent (with the platform's id
 * of it), retry later (exponential backoff, or the wait the platform asked for), or dead after the
 * last try.
 *
 * <p>An {@link OutboxLane} keeps one channel busy: up to {@code careregistry.outbox.senders} rows in flight,
 * a new chat's head claimed as soon as a send ends. {@link #dispatchDue} is one round of the same
 * steps, for tests and tools that drive the outbox by hand.
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final OutboxRows rows;
    private final OutboxSettings settings;
    private final OutboxSignal signal;
    private final OutboxMetrics metrics;
    private final DirectSends direct;
    private final OutboxQueues queues;
    /** Per channel, the threads that send its rows (a slow mail server holds up no chat). */
    private final Map<Channel, ExecutorService> pools = new ConcurrentHashMap<>();

    OutboxDispatcher(OutboxRows rows, OutboxSettings settings, OutboxSignal signal, OutboxMetrics metrics, DirectSends direct,
                     OutboxQueues queues) {
        this.rows = rows;
        this.direct = direct;
        this.queues = queues;
        this.settings = settings;
        this.signal = signal;
        this.metrics = metrics;
    }

    ExecutorService poolOf(Channel channel) {
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

    /**
     * The continuous dispatch of one sender's channel, driven by one thread; while it runs, rows of the
     * channel that can go at once are written claimed for it ({@link DirectSends}).
     */
    public OutboxLane lane(MessageSender sender) {
        OutboxLane lane = new OutboxLane(this, sender);
        direct.open(sender.channel(), lane);
        return lane;
    }

    void closed(OutboxLane lane, Channel channel) {
        direct.close(channel, lane);
    }

    /** Whether this queue of the channel may have a row for the lane to claim (as far as this instance knows). */
    boolean anyWaiting(Channel channel, String orderingKey) {
        return queues.knows(channel, orderingKey);
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
    Outcome deliver(MessageSender sender, OutboundMessage message) {
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
     * Frees the rows this instance's predecessor (the same name, before a restart) had claimed and
     * not finished: nobody is sending them any more, and their chats should not wait for the leases.
     */
    public int takeBackClaims() {
        return rows.takeBackClaims();
    }

    List<OutboundMessage> claim(Channel channel, int limit, Collection<Long> excluded) {
        return rows.claim(channel, limit, excluded);
    }

    void record(List<Outcome> outcomes) {
        rows.record(outcomes);
    }

    void renew(Collection<Long> inFlight) {
        rows.renew(inFlight);
    }

    void wake(Channel channel) {
        signal.wake(channel);
    }

    OutboxSettings settings() {
        return settings;
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
