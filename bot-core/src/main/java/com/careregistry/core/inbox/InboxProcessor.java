package com.careregistry.core.inbox;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles stored events: for each chat its oldest pending one, each event's effect in the
 * transaction that marks it handled; several chats' events in one transaction (a batch) when all
 * goes well, each on its own when one of them is refused or fails.
 *
 * <p>The head of a chat's queue (its oldest pending event) is read, then locked with
 * {@code FOR UPDATE SKIP LOCKED}; the lock is held while the handler runs and until the event is
 * marked handled in the same commit. A worker of another instance that holds the head makes this
 * one skip the chat, so one chat is handled by one worker at a time, in order, and a process that
 * dies mid-way holds nothing: its transaction rolls back and its lock goes with its connection.
 *
 * <p>A domain refusal is answered and the event is handled. A failure for any other reason is
 * tried again after a backoff (the chat waits, others go on), and after the last try the event
 * is set aside as failed, the writer is told, and the chat moves on. An unreachable database is
 * no failure of the event: the worker waits and tries again, and no try is counted.
 */
@Component
public class InboxProcessor {

    private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);
    private static final int MAX_ERROR_LENGTH = 2000;
    private static final int CONCURRENCY_TRIES = 3;

    /** What became of a chat's head. */
    enum Step {
        /** handled (or refused and answered, or set aside as failed): look at the next one */
        DONE,
        /** failed and will be tried again later: the chat waits */
        LATER,
        /** nothing due in this chat, or another worker holds it */
        IDLE,
        /** the database cannot be reached: wait before working on */
        UNREACHABLE
    }

    private final InboxRows rows;
    private final TransactionTemplate tx;
    private final InboxSettings settings;
    private final Clock clock;
    private final Map<Channel, InboxHandler> handlers = new EnumMap<>(Channel.class);
    /** The transaction's persistence context (a shared proxy, bound to the current transaction). */
    @PersistenceContext
    private EntityManager entities;

    public InboxProcessor(InboxRows rows, PlatformTransactionManager transactions, InboxSettings settings, Clock clock,
                          List<InboxHandler> handlers) {
        this.rows = rows;
        this.tx = new TransactionTemplate(transactions);
        this.settings = settings;
        this.clock = clock;
        handlers.forEach(handler -> this.handlers.put(handler.channel(), handler));
    }

    /** The channels whose events this instance can handle. */
    List<Channel> channels() {
        return List.copyOf(handlers.keySet());
    }

    /**
     * What became of a chat's head, and, when it was handled, the chat's next pending event as the
     * same transaction saw it ({@link Head#NONE} when there was none; null when not looked at).
     */
    record Result(Step step, Head following) {
        static Result of(Step step) {
            return new Result(step, null);
        }
    }

    /**
     * Handles the heads of several chats (each due event at most once, each chat's oldest pending
     * one) in one transaction: one lock, one mark and one commit for all of them, each event's
     * effect committed with its mark. When any of them fails or is refused, the transaction rolls
     * back whole and each chat's head is handled on its own ({@link #next}), so one event's trouble
     * is its own. Returns what became of each chat, with its next head where it was handled.
     */
    Map<String, Result> handleBatch(Map<String, Head> chats) {
        if (chats.size() == 1) {
            Map.Entry<String, Head> only = chats.entrySet().iterator().next();
            return Map.of(only.getKey(), next(only.getKey(), only.getValue()));
        }
        Map<String, Result> results;
        try {
            results = tx.execute(status -> handleTogether(chats, status));
        } catch (RuntimeException e) {
            if (Failures.unreachable(e)) {
                log.warn("Inbox: the database cannot be reached ({}); waiting", e.toString());
                Map<String, Result> waiting = new LinkedHashMap<>();
                chats.keySet().forEach(chat -> waiting.put(chat, Result.of(Step.UNREACHABLE)));
                return waiting;
            }
            log.debug("Inbox: a batch of {} chats failed together ({}); each is handled on its own", chats.size(), e.toString());
            results = new LinkedHashMap<>();
            for (Map.Entry<String, Head> chat : chats.entrySet()) {
                results.put(chat.getKey(), next(chat.getKey(), null));
            }
        }
        return results;
    }

    private Map<String, Result> handleTogether(Map<String, Head> chats, org.springframework.transaction.TransactionStatus status) {
        Instant now = clock.instant();
        Map<String, Result> results = new LinkedHashMap<>();
        Map<String, Head> heads = new LinkedHashMap<>(chats);
        List<String> unknown = heads.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
        if (!unknown.isEmpty()) {
            Map<String, Head> read = rows.heads(unknown);
            unknown.forEach(chat -> heads.put(chat, read.getOrDefault(chat, Head.NONE)));
        }
        List<Long> due = new ArrayList<>();
        heads.forEach((chat, head) -> {
            if (head == Head.NONE || head.nextAttemptAt().isAfter(now)) {
                results.put(chat, Result.of(Step.IDLE));
            } else {
                due.add(head.id());
            }
        });
        if (due.isEmpty()) {
            return results;
        }
        List<InboxEvent> events = rows.lockAll(due);
        List<String> handled = new ArrayList<>();
        for (InboxEvent event : events) {
            InboxHandler handler = handlers.get(event.channel());
            if (handler == null) {
                continue;
            }
            handler.handle(event);   // a refusal or a failure rolls the whole batch back: then each on its own
            handled.add(event.orderingKey());
            // written now, and forgotten: the next event's queries neither flush nor dirty-check this one's entities
            status.flush();
            entities.clear();
        }
        if (!events.isEmpty()) {
            rows.markAllHandled(events.stream().map(InboxEvent::id).toList(), now);
        }
        Map<String, Head> following = handled.isEmpty() ? Map.of() : rows.heads(handled);
        for (String chat : heads.keySet()) {
            if (!results.containsKey(chat)) {
                results.put(chat, handled.contains(chat) ? new Result(Step.DONE, following.getOrDefault(chat, Head.NONE))
                        : Result.of(Step.IDLE));   // its head is held by another worker, or was just handled
            }
        }
        return results;
    }

    /** Handles every due event of every chat, in the caller's thread, in batches as the workers do (for tests and tools). */
    public int drainAll() {
        int rounds = 0;
        while (true) {
            List<String> chats = dueChats(1000);
            if (chats.isEmpty() || rounds++ > 10_000) {
                return rounds;
            }
            for (int from = 0; from < chats.size(); from += settings.batch()) {
                Map<String, Head> batch = new LinkedHashMap<>();
                chats.subList(from, Math.min(chats.size(), from + settings.batch())).forEach(chat -> batch.put(chat, null));
                while (!batch.isEmpty()) {
                    Map<String, Result> results = handleBatch(batch);
                    batch.clear();
                    results.forEach((chat, result) -> {
                        if (result.step() == Step.DONE && result.following() != Head.NONE) {
                            batch.put(chat, result.following());
                        }
                    });
                }
            }
        }
    }

    /** Chats whose head is due, oldest head first, among the channels this instance handles. */
    List<String> dueChats(int limit) {
        return rows.dueChats(channels(), clock.instant(), limit);
    }

    /** Handles the head of this chat's queue ({@code head} when known from the last transaction, else read now). */
    Result next(String orderingKey, Head head) {
        for (int attempt = 1; ; attempt++) {
            try {
                return handleHead(orderingKey, attempt == 1 ? head : null);
            } catch (DomainException refusal) {
                return Result.of(afterRefusal(refusal));
            } catch (HandlerFailed failed) {
                if (Failures.unreachable(failed.getCause())) {
                    log.warn("Inbox: the database cannot be reached ({}); waiting", failed.getCause().toString());
                    return Result.of(Step.UNREACHABLE);
                }
                if (Failures.racedWithAnother(failed.getCause()) && attempt < CONCURRENCY_TRIES) {
                    log.debug("Inbox event {} met a concurrent change; trying again", failed.event.id());
                    continue;
                }
                return Result.of(afterFailure(failed.event, failed.getCause()));
            } catch (RuntimeException e) {
                if (Failures.unreachable(e)) {
                    log.warn("Inbox: the database cannot be reached ({}); waiting", e.toString());
                    return Result.of(Step.UNREACHABLE);
                }
                if (Failures.racedWithAnother(e) && attempt < CONCURRENCY_TRIES) {
                    continue;
                }
                throw e;
            }
        }
    }

    /** A handler's refusal, carrying the event it refused. */
    private static final class Refused extends DomainException {
        final transient InboxEvent event;
        final DomainException refusal;

        Refused(InboxEvent event, DomainException refusal) {
            super(refusal.textKey(), refusal.args());
            this.event = event;
            this.refusal = refusal;
        }
    }

    /** A handler's failure (not a refusal), carrying the event it failed on. */
    private static final class HandlerFailed extends RuntimeException {
        final transient InboxEvent event;

        HandlerFailed(InboxEvent event, RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.event = event;
        }
    }

    private Result handleHead(String orderingKey, Head known) {
        return tx.execute(status -> {
            Instant now = clock.instant();
            Head head = known != null ? known : rows.head(orderingKey);
            if (head == Head.NONE || head.nextAttemptAt().isAfter(now)) {
                return Result.of(Step.IDLE);
            }
            InboxEvent event = rows.lock(head.id());
            if (event == null) {
                return Result.of(Step.IDLE);   // another worker holds it, or just handled it
            }
            InboxHandler handler = handlers.get(event.channel());
            if (handler == null) {
                return Result.of(Step.IDLE);
            }
            try {
                handler.handle(event);
                status.flush();   // a write the database refuses is this event's failure, not the commit's
            } catch (DomainException refusal) {
                throw new Refused(event, refusal);
            } catch (RuntimeException failure) {
                throw new HandlerFailed(event, failure);
            }
            rows.markHandled(event.id(), now);
            return new Result(Step.DONE, rows.head(orderingKey));
        });
    }

    record Head(long id, Instant nextAttemptAt) {
        static final Head NONE = new Head(0, Instant.MAX);
    }

    /** The effect was refused and rolled back: the refusal is answered and the event is handled, together. */
    private Step afterRefusal(DomainException thrown) {
        if (!(thrown instanceof Refused refused)) {
            throw thrown;
        }
        try {
            tx.executeWithoutResult(status -> {
                InboxEvent event = rows.lock(refused.event.id());
                if (event != null) {
                    handlers.get(event.channel()).refused(event, refused.refusal);
                    rows.markHandled(event.id(), clock.instant());
                }
            });
            return Step.DONE;
        } catch (RuntimeException e) {
            if (Failures.unreachable(e)) {
                return Step.UNREACHABLE;
            }
            return afterFailure(refused.event, e);
        }
    }

    /** A try failed: later again, or, after the last try, set aside with the writer told. */
    private Step afterFailure(InboxEvent event, Throwable failure) {
        int tries = event.attempts() + 1;
        String error = describe(failure);
        if (tries < settings.maxAttempts()) {
            Duration wait = settings.backoffAfter(tries);
            log.warn("Inbox event {} ({} {}) failed try {}: {}; next try in {}", event.id(), event.channel(),
                    event.externalEventId(), tries, error, wait);
            tx.executeWithoutResult(status -> rows.retryAt(event.id(), tries, clock.instant().plus(wait), error));
            return Step.LATER;
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
                return Step.UNREACHABLE;
            }
            log.warn("Inbox event {}: the writer could not be told ({})", event.id(), describe(apologyFailed));
            tx.executeWithoutResult(status -> rows.setAside(event.id(), tries, error));
        }
        return Step.DONE;
    }

    private static String describe(Throwable t) {
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    /** A failure of the database's reachability, not of the event. */
    static boolean unreachable(Throwable failure) {
        return Failures.unreachable(failure);
    }
}
