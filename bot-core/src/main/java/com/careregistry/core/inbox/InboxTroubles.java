package com.careregistry.core.inbox;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to an event whose effect did not go through: a refusal is answered and the event is
 * handled, together; a failure is tried again after a backoff, and after the last try the event is
 * set aside as failed and its writer told. The database out of reach is no failure of the event.
 */
final class InboxTroubles {

    private static final Logger log = LoggerFactory.getLogger(InboxTroubles.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final InboxRows rows;
    private final TransactionTemplate tx;
    private final Map<Channel, InboxHandler> handlers;
    private final InboxSettings settings;
    private final Clock clock;

    InboxTroubles(InboxRows rows, TransactionTemplate tx, Map<Channel, InboxHandler> handlers, InboxSettings settings, Clock clock) {
        this.rows = rows;
        this.tx = tx;
        this.handlers = handlers;
        this.settings = settings;
        this.clock = clock;
    }

    /** A handler's refusal, carrying the event it refused. */
    static final class Refused extends DomainException {
        final transient InboxEvent event;
        final DomainException refusal;

        Refused(InboxEvent event, DomainException refusal) {
            super(refusal.textKey(), refusal.args());
            this.event = event;
            this.refusal = refusal;
        }
    }

    /** A handler's failure (not a refusal), carrying the event it failed on. */
    static final class HandlerFailed extends RuntimeException {
        final transient InboxEvent event;

        HandlerFailed(InboxEvent event, RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.event = event;
        }
    }

    /** The effect was refused and rolled back: the refusal is answered and the event is handled, together. */
    HeadStep afterRefusal(DomainException thrown) {
        if (!(thrown instanceof Refused refused)) {
            throw thrown;
        }
        try {
            tx.executeWithoutResult(status -> {
                InboxEvent event = rows.lock(refused.event.id());
                if (event != null) {
                    handlers.get(event.channel()).refused(event, refused.refusal);
                    rows.markAllHandledAndCommit(status, List.of(event.id()), clock.instant());
                }
            });
            return HeadStep.DONE;
        } catch (RuntimeException e) {
            if (Failures.unreachable(e)) {
                return HeadStep.UNREACHABLE;
            }
            return afterFailure(refused.event, e);
        }
    }

    /** A try failed: later again, or, after the last try, set aside with the writer told. */
    HeadStep afterFailure(InboxEvent event, Throwable failure) {
        int tries = event.attempts() + 1;
        String error = describe(failure);
        if (tries < settings.maxAttempts()) {
            Duration wait = settings.backoffAfter(tries);
            log.warn("Inbox event {} ({} {}) failed try {}: {}; next try in {}", event.id(), event.channel(),
                    event.externalEventId(), tries, error, wait);
            tx.executeWithoutResult(status -> rows.retryAt(event.id(), tries, clock.instant().plus(wait), error));
            return HeadStep.LATER;
        }
        log.error("Inbox event {} ({} {}) failed {} times and is set aside: {}", event.id(), event.channel(),
                event.externalEventId(), tries, error, failure);
        try {
            tx.executeWithoutResult(status -> {
                if (rows.lock(event.id()) != null) {
                    rows.setAside(event.id(), tries, error);
                    handlers.get(event.channel()).failed(event);
                }
            });
        } catch (RuntimeException apologyFailed) {
            if (Failures.unreachable(apologyFailed)) {
                return HeadStep.UNREACHABLE;
            }
            log.warn("Inbox event {}: the writer could not be told ({})", event.id(), describe(apologyFailed));
            tx.executeWithoutResult(status -> rows.setAside(event.id(), tries, error));
        }
        return HeadStep.DONE;
    }

    private static String describe(Throwable t) {
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
