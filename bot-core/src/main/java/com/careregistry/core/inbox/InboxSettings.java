package com.careregistry.core.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param threads        how many workers handle events on this instance (each a batch of chats at a time)
 * @param batch          how many chats' next events a worker handles in one transaction (one lock, one
 *                       mark, one commit for all; one that fails makes each be handled on its own)
 * @param pollInterval   how often idle workers look for events stored by another instance or due again
 *                       (an append by this instance wakes them at once)
 * @param maxAttempts    tries of an event whose handling fails (for another reason than a refusal)
 *                       before it is set aside as failed and its chat moves on
 * @param initialBackoff wait after the first failed try; doubles each time up to {@code maxBackoff}
 * @param maxBackoff     longest wait between tries
 * @param gather         how long a worker that took one chat lets more come before it handles them together
 *                       (one transaction for several messages: fewer round trips, a few milliseconds later)
 * @param workers        run the worker threads (off in tests that drive the inbox by hand)
 */
@ConfigurationProperties("careregistry.inbox")
public record InboxSettings(
        @DefaultValue("4") int threads,
        @DefaultValue("16") int batch,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("1m") Duration maxBackoff,
        @DefaultValue("2ms") Duration gather,
        @DefaultValue("true") boolean workers) {

    public InboxSettings {
        threads = Math.max(1, threads);
        batch = Math.max(1, batch);
        maxAttempts = Math.max(1, maxAttempts);
    }

    Duration backoffAfter(int failures) {
        long factor = 1L << Math.min(Math.max(failures - 1, 0), 20);
        Duration wait = initialBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
