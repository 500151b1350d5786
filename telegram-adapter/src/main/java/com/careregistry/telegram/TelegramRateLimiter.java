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

/**
 * Telegram's limits, kept so that Telegram never has to say 429: at most {@code perSecond} messages
 * from the bot in any second, one a {@code privateChatInterval} to a private chat, {@code
 * groupPerMinute} in any minute to a group. Windows slide (no burst at a window's edge), and each is
 * kept {@code margin} longer than Telegram's, because a message is counted here when it is granted
 * and there when it arrives, a little later.
 *
 * <p>A sender asks for a slot and waits for it here, woken the moment the slot is free (no poll
 * interval); only a wait longer than its patience (a group's minute is spent) is handed back, so the
 * outbox puts the message off and its sender serves other chats meanwhile. Waiters are served in
 * turn (a fair lock).
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
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition slotFreed = lock.newCondition();
    private final Deque<Long> overall = new ArrayDeque<>();
    private final Map<String, Long> lastToPrivateChat = new HashMap<>();
    private final Map<String, Deque<Long>> toGroup = new HashMap<>();
    private long lastSweep;

    TelegramRateLimiter(TelegramSettings settings) {
        this.privateInterval = settings.privateChatInterval().toNanos();
        this.groupPerMinute = settings.groupPerMinute();
        this.perSecond = settings.perSecond();
        this.margin = settings.limitMargin().toNanos();
    }

    /**
     * Takes a slot for one message to {@code chatId}, waiting for it when that takes at most {@code
     * patience}; otherwise takes nothing and says how long the wait would be.
     */
    Optional<Duration> acquire(String chatId, Duration patience) throws InterruptedException {
        long maxWait = patience.toNanos();
        boolean group = chatId.startsWith("-");
        lock.lockInterruptibly();
        try {
            while (true) {
                long now = System.nanoTime();
                sweep(now);
                long wait = Math.max(waitInWindow(overall, perSecond, SECOND + margin, now),
                        group ? waitInWindow(toGroup.computeIfAbsent(chatId, c -> new ArrayDeque<>()), groupPerMinute, MINUTE + margin, now)
                                : waitForPrivate(chatId, now));
                if (wait <= 0) {
                    overall.addLast(now);
                    if (group) {
                        toGroup.get(chatId).addLast(now);
                    } else {
                        lastToPrivateChat.put(chatId, now);
                    }
                    return Optional.empty();
                }
                if (wait > maxWait) {
                    return Optional.of(Duration.ofNanos(wait));
                }
                slotFreed.awaitNanos(wait);
            }
        } finally {
            lock.unlock();
        }
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

    private long waitForPrivate(String chatId, long now) {
        Long last = lastToPrivateChat.get(chatId);
        return last == null || privateInterval <= 0 ? 0 : Math.max(0, last + privateInterval + margin - now);
    }

    private static long waitInWindow(Deque<Long> sent, int limit, long window, long now) {
        while (!sent.isEmpty() && sent.peekFirst() <= now - window) {
            sent.removeFirst();
        }
        return sent.size() < limit ? 0 : sent.peekFirst() + window - now;
    }

    /** Forgets chats not written to for a minute, so the maps stay small. */
    private void sweep(long now) {
        if (now - lastSweep < MINUTE) {
            return;
        }
        lastSweep = now;
        long horizon = now - MINUTE - margin;
        lastToPrivateChat.values().removeIf(last -> last < horizon);
        for (Iterator<Deque<Long>> it = toGroup.values().iterator(); it.hasNext(); ) {
            Deque<Long> sent = it.next();
            if (sent.isEmpty() || sent.peekLast() < horizon) {
                it.remove();
            }
        }
    }
}
