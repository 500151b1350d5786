package com.careregistry.core.outbox;

import com.careregistry.core.common.Channel;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Wakes a channel's dispatcher when a commit put new rows in the outbox, so it need not poll often. */
@Component
public class OutboxSignal {

    private final Map<Channel, Semaphore> permits = new EnumMap<>(Channel.class);

    public OutboxSignal() {
        for (Channel channel : Channel.values()) {
            permits.put(channel, new Semaphore(0));
        }
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
