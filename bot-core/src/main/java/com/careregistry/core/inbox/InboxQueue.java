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
 *
 * <p>News wakes as few idle workers as can take it: one worker takes a chat and lets more come for
 * the {@code gather} time, up to a batch ({@link #takeBatch}), so the few chats of each poll are
 * handled in one transaction, not one transaction each by workers woken all at once. Another worker
 * is woken only for chats beyond what those gathering will take. News of a whole delivery (a poll's
 * batch, {@link #offerWhole}) is not gathered for: nothing more comes with it, so waiting would only
 * make its events later.
 */
@Component
public class InboxQueue {

    private final ReentrantLock lock = new ReentrantLock();
    /** Idle workers wait here for a chat. */
    private final Condition ready = lock.newCondition();
    /** Workers that took a chat wait here, for the gather time, for more to come. */
    private final Condition more = lock.newCondition();
    private final Set<String> waiting = new LinkedHashSet<>();
    private final Set<String> taken = new HashSet<>();
    private final Set<String> newsWhileTaken = new HashSet<>();
    private final int batch;
    private final long gatherNanos;
    /** How many more chats the workers gathering now will take. */
    private int gatherRoom;
    /** Whether the latest news was a whole delivery, so what is waiting is all that came: nobody gathers for more. */
    private boolean whole;

    public InboxQueue(InboxSettings settings) {
        this.batch = settings.batch();
        this.gatherNanos = settings.gather().toNanos();
    }

    /** These chats have (or may have) events to handle: news that comes one event at a time, so more may follow. */
    public void offer(Collection<String> orderingKeys) {
        offer(orderingKeys, false);
    }

    /**
     * These chats have events of one whole delivery (a poll's batch): all that came with it is here, so
     * a worker takes them at once, and workers gathering stop waiting for more.
     */
    public void offerWhole(Collection<String> orderingKeys) {
        offer(orderingKeys, true);
    }

    private void offer(Collection<String> orderingKeys, boolean wholeDelivery) {
        if (orderingKeys.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            whole = wholeDelivery;
            for (String key : orderingKeys) {
                if (taken.contains(key)) {
                    newsWhileTaken.add(key);
                } else {
                    waiting.add(key);
                }
            }
            wakeFor(waiting.size());
        } finally {
            lock.unlock();
        }
    }

    /** Tells the gathering workers, and wakes one idle worker per batch of chats beyond their room. */
    private void wakeFor(int chats) {
        more.signalAll();
        for (int beyond = chats - gatherRoom; beyond > 0; beyond -= batch) {
            ready.signal();
        }
    }

    /**
     * The next chats to work on, now held by the caller: waits up to {@code timeout} for one, then up
     * to the gather time for more, until a batch has come (not after a whole delivery: all of it is
     * here); none when no chat came within the timeout.
     */
    List<String> takeBatch(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (waiting.size() <= gatherRoom) {   // none, or only what the workers gathering will take
                if (nanos <= 0) {
                    return List.of();
                }
                nanos = ready.awaitNanos(nanos);
            }
            List<String> chats = new ArrayList<>(moveWaiting(1));
            if (gatherNanos > 0 && !whole && waiting.size() < batch - 1) {
                gatherRoom += batch - 1;
                try {
                    for (long left = gatherNanos; !whole && waiting.size() < batch - 1 && left > 0; ) {
                        left = more.awaitNanos(left);
                    }
                } finally {
                    gatherRoom -= batch - 1;
                }
            }
            chats.addAll(moveWaiting(batch - 1));
            if (waiting.size() > gatherRoom) {
                wakeFor(waiting.size());   // more came than this batch holds
            }
            return chats;
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
            return moveWaiting(max);
        } finally {
            lock.unlock();
        }
    }

    private List<String> moveWaiting(int max) {
        List<String> moved = new ArrayList<>(Math.min(max, waiting.size()));
        for (Iterator<String> it = waiting.iterator(); it.hasNext() && moved.size() < max; ) {
            String key = it.next();
            it.remove();
            taken.add(key);
            moved.add(key);
        }
        return moved;
    }

    /** The caller is done with this chat for now. */
    void release(String key) {
        lock.lock();
        try {
            taken.remove(key);
            if (newsWhileTaken.remove(key)) {
                waiting.add(key);
                wakeFor(1);
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
