package com.careregistry.core.inbox;

import com.careregistry.core.common.DomainException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox: every inbound platform event has its effect exactly once. The event is recorded by
 * {@code (channel, external event id)} in the same transaction as its effect, so a redelivered
 * event (a webhook retried, a poll repeated after a crash) finds its record and does nothing.
 */
@Service
public class Intake {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);
    private static final int MAX_TRIES = 3;

    public enum Outcome {
        /** the effect ran and is committed */
        HANDLED,
        /** the event was seen before; nothing ran */
        DUPLICATE,
        /** a domain rule refused the effect; nothing of it stays, and the refusal was answered */
        REFUSED
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Intake(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Runs {@code effect} once for this event. When the effect is refused by a domain rule, its
     * transaction rolls back whole; the event is then recorded in a second transaction together
     * with what {@code onRefusal} writes (usually the reply that explains the refusal), so a
     * redelivery does not answer twice either.
     */
    public Outcome once(InboundEvent event, Runnable effect, Consumer<DomainException> onRefusal) {
        for (int attempt = 1; ; attempt++) {
            try {
                return run(event, effect, onRefusal);
            } catch (ConcurrencyFailureException | DataIntegrityViolationException race) {
                if (attempt >= MAX_TRIES) {
                    throw race;
                }
                log.debug("Event {} met a concurrent change, trying again ({})", event, race.getMessage());
            }
        }
    }

    private Outcome run(InboundEvent event, Runnable effect, Consumer<DomainException> onRefusal) {
        try {
            return tx.execute(status -> {
                if (!record(event)) {
                    return Outcome.DUPLICATE;
                }
                effect.run();
                return Outcome.HANDLED;
            });
        } catch (DomainException refusal) {
            return tx.execute(status -> {
                if (!record(event)) {
                    return Outcome.DUPLICATE;
                }
                onRefusal.accept(refusal);
                return Outcome.REFUSED;
            });
        }
    }

    /** True the first time this event is recorded; false if it already was (or is being, elsewhere). */
    private boolean record(InboundEvent event) {
        int inserted = jdbc.update("INSERT IGNORE INTO inbound_events (channel, external_event_id, received_at) VALUES (?, ?, ?)",
                event.channel().name(), event.externalEventId(), Timestamp.from(clock.instant()));
        return inserted == 1;
    }

    /** Whether this event was handled already (for diagnostics and tests). */
    public boolean seen(InboundEvent event) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM inbound_events WHERE channel = ? AND external_event_id = ?",
                Integer.class, event.channel().name(), event.externalEventId());
        return count != null && count > 0;
    }
}
