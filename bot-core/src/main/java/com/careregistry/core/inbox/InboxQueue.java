package com.careregistry.core.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * The chats this instance knows to have work, in the order it learnt of them. A chat is taken by
 * one worker at a time; news of a chat that a worker holds is kept until it lets go, so the worker
 * that let go, or the next one, looks again. This is only a hint of where to look: the events
 * themselves, their order and who holds them are in the database.
 */
@Component
public class InboxQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final Set<String> waiting = new LinkedHashSet<>();
    private final Set<String> taken = new HashSet<>();
    private final Set<String> newsWhileTaken = new HashSet<>();

    /** These chats have (or may have) events to handle. */
    public void offer(Collection<String> orderingKeys) {
        if (orderingKeys.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            for (String key : orderingKeys) {
                if (taken.contains(key)) {
                    newsWhileTaken.add(key);
                } else {
                    waiting.add(key);
                }
            }
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The next chat to work on, now held by the caller; null when none came within the timeout. */
    String take(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (waiting.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = ready.awaitNanos(nanos);
            }
            Iterator<String> first = waiting.iterator();
            String key = first.next();
            first.remove();
            taken.add(key);
            return key;
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code max} more chats that are waiting, without waiting for any; now held by the caller. */
    List<String> takeMore(int max) {
        if (max <= 0) {
            return List.of();
        }
        lock.lock();
        try {
            List<String> more = new ArrayList<>(Math.min(max, waiting.size()));
            for (Iterator<String> it = waiting.iterator(); it.hasNext() && more.size() < max; ) {
                String key = it.next();
                it.remove();
                taken.add(key);
                more.add(key);
            }
            return more;
        } finally {
            lock.unlock();
        }
    }

    /** The caller is done with this chat for now. */
    void release(String key) {
        lock.lock();
        try {
            taken.remove(key);
            if (newsWhileTaken.remove(key)) {
                waiting.add(key);
                ready.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Chats waiting for a worker (not those being worked on). */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }
}
