package com.careregistry.core.outbox;

import com.careregistry.core.common.Channel;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes a channel's dispatcher when a commit put new rows in the outbox, so it need not poll often,
 * and tells it which queues the rows went to ({@link OutboxQueues}).
 */
@Component
public class OutboxSignal {

    private final Map<Channel, Semaphore> permits = new EnumMap<>(Channel.class);
    /** Per channel, the queues (ordering keys) rows were committed to since the dispatcher last asked. */
    private final Map<Channel, Set<String>> written = new EnumMap<>(Channel.class);

    public OutboxSignal() {
        for (Channel channel : Channel.values()) {
            permits.put(channel, new Semaphore(0));
            written.put(channel, ConcurrentHashMap.newKeySet());
        }
    }

    /** A commit put rows in this queue of the channel: its dispatcher learns of the queue and wakes. */
    void wrote(Channel channel, String orderingKey) {
        written.get(channel).add(orderingKey);
        wake(channel);
    }

    /** As {@link #wrote}, once the current transaction commits (at once when there is none). */
    void wroteAfterCommit(Channel channel, String orderingKey) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wrote(channel, orderingKey);
                }
            });
        } else {
            wrote(channel, orderingKey);
        }
    }

    /** Whether rows were committed to this queue of the channel since the dispatcher last asked. */
    boolean written(Channel channel, String orderingKey) {
        return written.get(channel).contains(orderingKey);
    }

    /** The queues rows were committed to since the last call. */
    Set<String> takeWritten(Channel channel) {
        Set<String> keys = written.get(channel);
        Set<String> taken = new HashSet<>();
        for (var it = keys.iterator(); it.hasNext(); ) {
            taken.add(it.next());
            it.remove();
        }
        return taken;
    }

    void wake(Channel channel) {
        Semaphore semaphore = permits.get(channel);
        if (semaphore.availablePermits() == 0) {
            semaphore.release();
        }
    }

    /** Waits until woken or until the timeout; returns at once if woken since the last wait. */
    void await(Channel channel, long millis) throws InterruptedException {
        Semaphore semaphore = permits.get(channel);
        if (semaphore.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
            semaphore.drainPermits();
        }
    }
}
