package com.careregistry.core.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval   how often an idle dispatcher looks for due rows (a commit wakes it sooner)
 * @param batchSize      rows claimed per round, at most one per chat
 * @param maxAttempts    tries before a row is dead
 * @param initialBackoff wait after the first failure; doubles each time up to {@code maxBackoff}
 * @param lease          how long a claim holds without renewal: the dispatcher renews the claims of the
 *                       rows it is sending every quarter of it, so a dead instance's rows are free
 *                       within one lease (a restarted instance takes its own back at once)
 * @param workers        run the dispatch threads (off in tests that drive the dispatcher by hand)
 * @param senders        how many messages (each to another chat) a channel has in flight at once
 * @param gather         after a round that was not full, how long a dispatcher lets more messages come
 *                       before it claims again (one round for several messages: fewer round trips)
 * @param receipt        the reaction that tells a customer their message reached staff, and an agent that
 *                       theirs reached the customer (empty: no receipts)
 * @param receiptMarks   how long a delivered receipt's "sent" mark may wait to share a commit with other
 *                       outcomes (0: a commit of its own at once); a crash within it sets the reaction again
 */
@ConfigurationProperties("careregistry.outbox")
public record OutboxSettings(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("2s") Duration initialBackoff,
        @DefaultValue("30m") Duration maxBackoff,
        @DefaultValue("10s") Duration lease,
        @DefaultValue("true") boolean workers,
        @DefaultValue("128") int senders,
        @DefaultValue("3ms") Duration gather,
        @DefaultValue("👌") String receipt,
        @DefaultValue("50ms") Duration receiptMarks) {

    public OutboxSettings {
        senders = Math.max(1, senders);
        receipt = receipt == null ? "" : receipt.strip();
        receiptMarks = receiptMarks == null || receiptMarks.isNegative() ? Duration.ZERO : receiptMarks;
    }

    Duration backoffAfter(int failures) {
        long factor = 1L << Math.min(Math.max(failures - 1, 0), 20);
        Duration wait = initialBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
