package com.careregistry.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Telegram's limits, kept so that Telegram never has to say 429: at most {@code perSecond} messages
 * from the bot in any second, one a {@code privateChatInterval} to a private chat, {@code
 * groupPerMinute} in any minute to a group. Windows slide (no burst at a window's edge), and each is
 * kept {@code margin} longer than Telegram's, because a message is counted here when it is granted
 * and there when it arrives, a little later.
 *
 * <p>A message counts here from the moment its request was written to the connection, not from its
 * grant ({@link #sent}, told by the HTTP client's event listener on the sending thread): the time
 * between the two is where a busy machine's jitter lies (measured: up to 50 ms on 2 busy cores).
 *
 * <p>A sender asks for a slot and waits for it here, woken the moment the slot is free (no poll
 * interval); only a wait longer than its patience (a group's minute is spent) is handed back, so the
 * outbox puts the message off and its sender serves other chats meanwhile. Waiters are served in
 * turn (a fair lock, and one line for the overall limit).
 *
 * <p>Why not Bucket4j or Resilience4j: Resilience4j's RateLimiter refreshes its permits per fixed
 * period, which lets twice the limit through across a period's edge (Telegram's window slides);
 * a token bucket with a burst of 30 does the same. Neither keeps a sliding window per chat for
 * thousands of chats that come and go. What is needed is three sliding windows and a wait, below.
 */
final class TelegramRateLimiter {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    private final long privateInterval;
    private final int groupPerMinute;
    private final int perSecond;
    private final long margin;
    /** The time, as {@link System#nanoTime}; another only in tests, to say when a request was written. */
    private final LongSupplier nanoTime;
    private final ReentrantLock lock = new ReentrantLock(true);
    /** The senders queued for the bot's overall limit; only the {@link #leader} waits for a slot. */
    private final Condition inLine = lock.newCondition();
    /** Senders waiting out their own chat's limit, each for its own time. */
    private final Condition chatTurn = lock.newCondition();
    private Thread leader;
    private final Deque<Slot> overall = new ArrayDeque<>();
    private final Map<String, Slot> lastToPrivateChat = new HashMap<>();
    private final Map<String, Deque<Slot>> toGroup = new HashMap<>();
    /** The slot this thread was granted last and has not sent on yet. */
    private final ThreadLocal<Slot> unsent = new ThreadLocal<>();

    /**
     * When a granted message counts: from its grant, moved to the moment its request was written to
     * the connection ({@link #sent}), so a sender delayed between the two (descheduled, a GC pause)
     * cannot make two messages arrive closer together than the limits allow.
     */
    private static final class Slot {
        volatile long at;

        Slot(long at) {
            this.at = at;
        }
    }
    private long lastSweep;

    TelegramRateLimiter(TelegramSettings settings) {
        this(settings, System::nanoTime);
    }

    TelegramRateLimiter(TelegramSettings settings, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.privateInterval = settings.privateChatInterval().toNanos();
        this.groupPerMinute = settings.groupPerMinute();
        this.perSecond = settings.perSecond();
        this.margin = settings.limitMargin().toNanos();
    }

    /**
     * Takes a slot for one message to {@code chatId}, waiting for it when that takes at most {@code
     * patience}; otherwise takes nothing and says how long the wait would be.
     *
     * <p>A sender first waits out its own chat's limit on its own; then it queues for the bot's
     * overall limit, where only the first in line waits for the next free slot (timed) and the rest
     * wait their turn: each slot wakes one thread, not every waiting sender, so the one granted goes
     * out without dozens of others competing for the CPU at that moment.
     */
    Optional<Duration> acquire(String chatId, Duration patience) throws InterruptedException {
        long maxWait = patience.toNanos();
        boolean group = chatId.startsWith("-");
        Thread me = Thread.currentThread();
        lock.lockInterruptibly();
        try {
            while (true) {
                long now = nanoTime.getAsLong();
                sweep(now);
                long chatWait = group
                        ? waitInWindow(toGroup.computeIfAbsent(chatId, c -> new ArrayDeque<>()), groupPerMinute, MINUTE + margin, now)
                        : waitForPrivate(chatId, now);
                long overallWait = waitInWindow(overall, perSecond, SECOND + margin, now);
                long wait = Math.max(chatWait, overallWait);
                if (wait > maxWait) {
                    return Optional.of(Duration.ofNanos(wait));
                }
                if (chatWait > 0) {
                    if (leader == me) {
                        passLead();
                    }
                    chatTurn.awaitNanos(chatWait);
                    continue;
                }
                if (leader == null) {
                    leader = me;
                }
                if (leader != me) {
                    inLine.await();
                    continue;
                }
                if (overallWait > 0) {
                    inLine.awaitNanos(overallWait);
                    continue;
                }
                Slot slot = new Slot(now);
                overall.addLast(slot);
                if (group) {
                    toGroup.get(chatId).addLast(slot);
                } else {
                    lastToPrivateChat.put(chatId, slot);
                }
                unsent.set(slot);
                passLead();
                return Optional.empty();
            }
        } finally {
            if (leader == me) {
                passLead();
            }
            lock.unlock();
        }
    }

    /** The first in line is done (or gives up): the next waiting sender becomes first. Lock held. */
    private void passLead() {
        leader = null;
        inLine.signal();
    }

    /** Takes a slot now if one is free (for tests and callers that must not wait). */
    Optional<Duration> tryAcquire(String chatId) {
        try {
            return acquire(chatId, Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(Duration.ofMillis(1));
        }
    }

    /**
     * The request of the slot this thread was granted last was written just now: it counts from now.
     * Called on the sending thread (the client runs each call on its caller's thread); a call without
     * a slot (not a message) changes nothing. A slot only ever moves later, so the windows stay safe.
     */
    void sent() {
        Slot slot = unsent.get();
        if (slot != null) {
            unsent.remove();
            slot.at = Math.max(slot.at, nanoTime.getAsLong());
        }
    }

    private long waitForPrivate(String chatId, long now) {
        Slot last = lastToPrivateChat.get(chatId);
        return last == null || privateInterval <= 0 ? 0 : Math.max(0, last.at + privateInterval + margin - now);
    }

    /**
     * How long until one more fits in the window. Slots sit in grant order; one whose request went
     * out late may count later than the next, and reading the first is then the longer wait (safe).
     */
    private static long waitInWindow(Deque<Slot> sent, int limit, long window, long now) {
        while (!sent.isEmpty() && sent.peekFirst().at <= now - window) {
            sent.removeFirst();
        }
        return sent.size() < limit ? 0 : sent.peekFirst().at + window - now;
    }

    /** Forgets chats not written to for a minute, so the maps stay small. */
    private void sweep(long now) {
        if (now - lastSweep < MINUTE) {
            return;
        }
        lastSweep = now;
        long horizon = now - MINUTE - margin;
        lastToPrivateChat.values().removeIf(last -> last.at < horizon);
        for (Iterator<Deque<Slot>> it = toGroup.values().iterator(); it.hasNext(); ) {
            Deque<Slot> sent = it.next();
            if (sent.isEmpty() || sent.peekLast().at < horizon) {
                it.remove();
            }
        }
    }
}
