package com.careregistry.core.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a channel busy: each {@link #step} records what finished, renews the leases of what is
 * still being sent, and claims as many chats' heads as there are free senders. A send that ends
 * wakes the lane's thread (through {@link OutboxSignal}), so the chat's next row is claimed at
 * once rather than after a poll interval.
 *
 * <p>A delivered receipt (a reaction) is not marked sent in a commit of its own: its mark waits up to
 * {@code careregistry.outbox.receipt-marks} and goes with the next outcomes recorded, or with the
 * other receipts of that window. Setting a reaction again changes nothing, so the longer window in
 * which a crash would send it again costs nothing, and a commit per receipt is saved.
 */
public final class OutboxLane {

    private static final Logger log = LoggerFactory.getLogger(OutboxLane.class);

    private final OutboxDispatcher dispatcher;
    private final MessageSender sender;
    private final Map<Long, OutboundMessage> inFlight = new ConcurrentHashMap<>();
    private final Queue<OutboxDispatcher.Outcome> finished = new ConcurrentLinkedQueue<>();
    /** Delivered receipts whose marks wait to go with other outcomes ({@link OutboxSettings#receiptMarks}). */
    private final Queue<OutboxDispatcher.Outcome> marksLater = new ConcurrentLinkedQueue<>();
    /** Whether a recording of {@link #marksLater} is scheduled; one at a time. */
    private final AtomicBoolean marksDue = new AtomicBoolean();
    /** Whether the next recording must take {@link #marksLater} even with nothing else to record. */
    private final AtomicBoolean marksNow = new AtomicBoolean();
    /** Threads that asked to record since the one recording began (0: nobody is recording). */
    private final AtomicInteger recording = new AtomicInteger();
    /**
     * On a sender thread of this lane: the one send it runs next, after its own (a receipt its record
     * wrote), rather than handing it to another thread.
     */
    private final ThreadLocal<Runnable[]> sendNext = new ThreadLocal<>();
    private final long renewEveryNanos;
    private long renewedAt = System.nanoTime();
    private volatile boolean finishing;

    OutboxLane(OutboxDispatcher dispatcher, MessageSender sender) {
        this.dispatcher = dispatcher;
        this.sender = sender;
        this.renewEveryNanos = Math.max(dispatcher.settings().lease().toNanos() / 4, Duration.ofMillis(100).toNanos());
    }

    /** Records, renews and claims; true when it claimed all it could take (there may be more at once). */
    public boolean step() {
        recordFinished();
        renewLeasesWhenDue();
        int room = Math.min(dispatcher.settings().senders() - inFlight.size(), dispatcher.settings().batchSize());
        if (room <= 0 || !sender.ready()) {
            return false;
        }
        List<OutboundMessage> claimed = dispatcher.claim(sender.channel(), room, inFlight.keySet());
        claimed.forEach(message -> launch(message, null));
        return claimed.size() == room;
    }

    /** Whether rows written now may be claimed for this lane as they are written ({@link DirectSends}). */
    boolean accepting() {
        return !finishing && sender.ready();
    }

    /** A row written claimed for this lane in queue {@code orderingKey}, its transaction committed: sent at once. */
    void sendNow(OutboundMessage message, String orderingKey) {
        if (!finishing) {
            launch(message, orderingKey);
        }
    }

    /**
     * Sends the row on a sender thread, which records the outcome. Then the lane's thread is woken to
     * claim what may follow; for a row written claimed ({@code directQueue}: its queue) only when there
     * may be something: a row this instance knows in its queue, a record that failed (kept for the
     * next try), or senders that were all busy. Else the lane would read the heads only to find none.
     */
    private void launch(OutboundMessage message, String directQueue) {
        inFlight.put(message.id(), message);
        Runnable send = () -> {
            OutboxDispatcher.Outcome outcome = dispatcher.deliver(sender, message);
            if (outcome instanceof OutboxDispatcher.Sent && message.reactTo() != null && !finishing
                    && !dispatcher.settings().receiptMarks().isZero()) {
                markLater(outcome);
            } else {
                finished.add(outcome);
            }
            boolean recorded = true;
            try {
                recordFinished();
            } catch (RuntimeException e) {
                recorded = false;
                log.warn("Could not record a send of {} yet (kept for the next try): {}", sender.channel(), e.toString());
            }
            if (directQueue == null || !recorded || inFlight.size() >= dispatcher.settings().senders() - 1
                    || dispatcher.anyWaiting(sender.channel(), directQueue)) {
                dispatcher.wake(sender.channel());
            }
        };
        Runnable[] next = sendNext.get();
        if (next != null && next[0] == null) {
            next[0] = send;   // a sender of this lane wrote it (a receipt with its copy's record): it sends it next
        } else {
            dispatcher.poolOf(sender.channel()).execute(() -> sendThenNext(send));
        }
    }

    /**
     * Runs a send, then the one send it launched for this thread to run next, and so on: a copy's receipt
     * goes out from the thread that recorded the copy, without a hand-off to another sender (a wake-up
     * of a parked thread per relayed message). Any further sends it launched go to the pool as before.
     */
    private void sendThenNext(Runnable send) {
        Runnable[] next = {null};
        sendNext.set(next);
        try {
            for (Runnable current = send; current != null; current = next[0], next[0] = null) {
                current.run();
            }
        } finally {
            sendNext.remove();
            Runnable left = next[0];   // launched by a send that then failed: another thread sends it
            if (left != null) {
                dispatcher.poolOf(sender.channel()).execute(() -> sendThenNext(left));
            }
        }
    }

    /** Keeps a delivered receipt's mark for later: the next recording takes it, at the latest after the window. */
    private void markLater(OutboxDispatcher.Outcome outcome) {
        marksLater.add(outcome);
        if (marksDue.compareAndSet(false, true)) {
            CompletableFuture.delayedExecutor(dispatcher.settings().receiptMarks().toNanos(), TimeUnit.NANOSECONDS,
                    dispatcher.poolOf(sender.channel())).execute(() -> {
                        marksDue.set(false);   // a receipt delivered from now on asks again
                        marksNow.set(true);
                        try {
                            recordFinished();
                        } catch (RuntimeException e) {
                            log.warn("Could not record the receipts of {} yet (kept for the next try): {}", sender.channel(), e.toString());
                        }
                    });
        }
    }

    /** How long the lane's thread may wait for a wake-up before the next lease renewal is due. */
    public long idleMillis() {
        if (inFlight.isEmpty()) {
            return dispatcher.settings().pollInterval().toMillis();
        }
        long untilRenewal = (renewedAt + renewEveryNanos - System.nanoTime()) / 1_000_000;
        return Math.max(1, Math.min(dispatcher.settings().pollInterval().toMillis(), untilRenewal));
    }

    public int inFlight() {
        return inFlight.size();
    }

    /**
     * Claims nothing more and waits up to {@code patience} for what is in flight, recording it;
     * what is still being sent then stays claimed (a restart takes it back).
     */
    public void finish(Duration patience) {
        finishing = true;
        dispatcher.closed(this, sender.channel());
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
                List<OutboxDispatcher.Outcome> outcomes = new ArrayList<>();
                takeAll(finished, outcomes);
                if (marksNow.getAndSet(false) || finishing || !outcomes.isEmpty()) {
                    takeAll(marksLater, outcomes);
                }
                if (!outcomes.isEmpty()) {
                    try {
                        dispatcher.record(outcomes);
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

    private static void takeAll(Queue<OutboxDispatcher.Outcome> from, List<OutboxDispatcher.Outcome> into) {
        for (OutboxDispatcher.Outcome outcome; (outcome = from.poll()) != null; ) {
            into.add(outcome);
        }
    }

    private void renewLeasesWhenDue() {
        if (inFlight.isEmpty() || System.nanoTime() - renewedAt < renewEveryNanos) {
            return;
        }
        dispatcher.renew(inFlight.keySet());
        renewedAt = System.nanoTime();
    }
}
