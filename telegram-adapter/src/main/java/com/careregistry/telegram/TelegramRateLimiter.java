package com.careregistry.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Telegram's limits, kept before Telegram has to say 429: about 30 messages a second from the
 * bot, one a second to a private chat, 20 a minute to a group. It never blocks: it says how long
 * to wait, and the outbox tries the message again then.
 */
final class TelegramRateLimiter {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    private final long privateInterval;
    private final int groupPerMinute;
    private final int perSecond;
    private final Deque<Long> overall = new ArrayDeque<>();
    private final Map<String, Long> lastToPrivateChat = new HashMap<>();
    private final Map<String, Deque<Long>> toGroup = new HashMap<>();
    private long lastSweep;

    TelegramRateLimiter(TelegramSettings settings) {
        this.privateInterval = settings.privateChatInterval().toNanos();
        this.groupPerMinute = settings.groupPerMinute();
        this.perSecond = settings.perSecond();
    }

    /** Takes a slot for one message to {@code chatId} now, or says how long to wait for one. */
    synchronized Optional<Duration> acquire(String chatId) {
        long now = System.nanoTime();
        sweep(now);
        boolean group = chatId.startsWith("-");
        long wait = Math.max(waitInWindow(overall, perSecond, SECOND, now),
                group ? waitInWindow(toGroup.computeIfAbsent(chatId, c -> new ArrayDeque<>()), groupPerMinute, MINUTE, now)
                        : waitForPrivate(chatId, now));
        if (wait > 0) {
            return Optional.of(Duration.ofNanos(wait).plusMillis(5));
        }
        overall.addLast(now);
        if (group) {
            toGroup.get(chatId).addLast(now);
        } else {
            lastToPrivateChat.put(chatId, now);
        }
        return Optional.empty();
    }

    private long waitForPrivate(String chatId, long now) {
        Long last = lastToPrivateChat.get(chatId);
        return last == null ? 0 : Math.max(0, last + privateInterval - now);
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
        lastToPrivateChat.values().removeIf(last -> last < now - MINUTE);
        for (Iterator<Deque<Long>> it = toGroup.values().iterator(); it.hasNext(); ) {
            Deque<Long> sent = it.next();
            if (sent.isEmpty() || sent.peekLast() < now - MINUTE) {
                it.remove();
            }
        }
    }
}
