package com.careregistry.core.inbox;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles stored events: for each chat its oldest pending one, each event's effect in the
 * transaction that marks it handled; several chats' events in one transaction (a batch) when all
 * goes well, each on its own when one of them is refused or fails.
 *
 * <p>The head of a chat's queue (its oldest pending event) is found and locked in one statement, with
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
    private static final int CONCURRENCY_TRIES = 3;

    private final InboxRows rows;
    private final TransactionTemplate tx;
    private final InboxSettings settings;
    private final Clock clock;
    private final Map<Channel, InboxHandler> handlers = new EnumMap<>(Channel.class);
    private final InboxTroubles troubles;
    /** What a batch's events may write together once all of them are handled (the outbox's relays). */
    private final List<BatchWrites> batchWrites;
    /** What a batch's events read together, and how each handled event's entities are forgotten. */
    private final InboxBatchReads batchReads;

    public InboxProcessor(InboxRows rows, PlatformTransactionManager transactions, InboxSettings settings, Clock clock,
                          List<InboxHandler> handlers, ObjectProvider<BatchWrites> batchWrites, InboxBatchReads batchReads) {
        this.rows = rows;
        this.tx = new TransactionTemplate(transactions);
        this.settings = settings;
        this.clock = clock;
        handlers.forEach(handler -> this.handlers.put(handler.channel(), handler));
        this.troubles = new InboxTroubles(rows, tx, this.handlers, settings, clock);
        this.batchWrites = batchWrites.orderedStream().toList();
        this.batchReads = batchReads;
    }

    /** The channels whose events this instance can handle. */
    List<Channel> channels() {
        return List.copyOf(handlers.keySet());
    }

    /**
     * Handles the heads of several chats (each due event at most once, each chat's oldest pending
     * one) in one transaction: one lock, one mark and one commit for all of them, each event's
     * effect committed with its mark. When any of them fails or is refused, the transaction rolls
     * back whole and each chat's head is handled on its own ({@link #next}), so one event's trouble
     * is its own. Returns what became of each chat, and, where it was handled, whether it has more.
     */
    Map<String, HeadResult> handleBatch(Collection<String> chats) {
        if (chats.size() == 1) {
            String only = chats.iterator().next();
            return Map.of(only, next(only));
        }
        Map<String, HeadResult> results;
        try {
            results = tx.execute(status -> handleTogether(chats, status));
        } catch (RuntimeException e) {
            if (Failures.unreachable(e)) {
                log.warn("Inbox: the database cannot be reached ({}); waiting", e.toString());
                Map<String, HeadResult> waiting = new LinkedHashMap<>();
                chats.forEach(chat -> waiting.put(chat, HeadResult.of(HeadStep.UNREACHABLE)));
                return waiting;
            }
            log.debug("Inbox: a batch of {} chats failed together ({}); each is handled on its own", chats.size(), e.toString());
            results = new LinkedHashMap<>();
            for (String chat : chats) {
                results.put(chat, next(chat));
            }
        }
        return results;
    }

    private Map<String, HeadResult> handleTogether(Collection<String> chats, org.springframework.transaction.TransactionStatus status) {
        Instant now = clock.instant();
        Map<String, HeadResult> results = new LinkedHashMap<>();
        List<InboxRows.Locked> locked = rows.lockHeads(List.copyOf(chats), now);
        if (locked.isEmpty()) {
            chats.forEach(chat -> results.put(chat, HeadResult.of(HeadStep.IDLE)));
            return results;
        }
        rows.writesGoWithTheMark();
        batchWrites.forEach(BatchWrites::gather);
        List<InboxEvent> events = locked.stream().map(InboxRows.Locked::event).toList();
        batchReads.prepare(events);
        Map<String, Boolean> more = new HashMap<>();
        for (int i = 0; i < locked.size(); i++) {
            InboxEvent event = events.get(i);
            InboxHandler handler = handlers.get(event.channel());
            if (handler == null) {
                continue;
            }
            handler.handle(event);   // a refusal or a failure rolls the whole batch back: then each on its own
            more.put(event.orderingKey(), locked.get(i).following() != null);
            // written now, and forgotten (but what was read ahead for the events to come)
            status.flush();
            batchReads.forgetAllBut(events.subList(i + 1, events.size()));
        }
        batchWrites.forEach(BatchWrites::write);   // a write the database refuses fails the batch: then each event on its own
        rows.markAllHandledAndCommit(status, locked.stream().map(head -> head.event().id()).toList(), now);
        for (String chat : chats) {
            Boolean hasMore = more.get(chat);
            results.put(chat, hasMore != null ? new HeadResult(HeadStep.DONE, hasMore)
                    : HeadResult.of(HeadStep.IDLE));   // its head is held by another worker, is not due, or it has none
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
                Set<String> batch = new LinkedHashSet<>(chats.subList(from, Math.min(chats.size(), from + settings.batch())));
                while (!batch.isEmpty()) {
                    Map<String, HeadResult> results = handleBatch(batch);
                    batch.clear();
                    results.forEach((chat, result) -> {
                        if (result.more()) {
                            batch.add(chat);
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

    /** Handles the head of this chat's queue. */
    HeadResult next(String orderingKey) {
        for (int attempt = 1; ; attempt++) {
            try {
                return handleHead(orderingKey);
            } catch (DomainException refusal) {
                return HeadResult.of(troubles.afterRefusal(refusal));
            } catch (InboxTroubles.HandlerFailed failed) {
                if (Failures.unreachable(failed.getCause())) {
                    log.warn("Inbox: the database cannot be reached ({}); waiting", failed.getCause().toString());
                    return HeadResult.of(HeadStep.UNREACHABLE);
                }
                if (Failures.racedWithAnother(failed.getCause()) && attempt < CONCURRENCY_TRIES) {
                    log.debug("Inbox event {} met a concurrent change; trying again", failed.event.id());
                    continue;
                }
                return HeadResult.of(troubles.afterFailure(failed.event, failed.getCause()));
            } catch (RuntimeException e) {
                if (Failures.unreachable(e)) {
                    log.warn("Inbox: the database cannot be reached ({}); waiting", e.toString());
                    return HeadResult.of(HeadStep.UNREACHABLE);
                }
                if (Failures.racedWithAnother(e) && attempt < CONCURRENCY_TRIES) {
                    continue;
                }
                throw e;
            }
        }
    }

    private HeadResult handleHead(String orderingKey) {
        return tx.execute(status -> {
            Instant now = clock.instant();
            List<InboxRows.Locked> locked = rows.lockHeads(List.of(orderingKey), now);
            if (locked.isEmpty()) {
                return HeadResult.of(HeadStep.IDLE);   // another worker holds its head, it is not due, or the chat has none
            }
            InboxEvent event = locked.get(0).event();
            InboxHandler handler = handlers.get(event.channel());
            if (handler == null) {
                return HeadResult.of(HeadStep.IDLE);
            }
            try {
                rows.writesGoWithTheMark();
                batchWrites.forEach(BatchWrites::gather);
                handler.handle(event);
                status.flush();   // a write the database refuses is this event's failure, not the commit's
                batchWrites.forEach(BatchWrites::write);
            } catch (DomainException refusal) {
                throw new InboxTroubles.Refused(event, refusal);
            } catch (RuntimeException failure) {
                throw new InboxTroubles.HandlerFailed(event, failure);
            }
            try {
                rows.markAllHandledAndCommit(status, List.of(event.id()), now);   // with the event's writes, on MariaDB
            } catch (RuntimeException failure) {
                throw new InboxTroubles.HandlerFailed(event, failure);   // a write refused there is the event's failure too
            }
            return new HeadResult(HeadStep.DONE, locked.get(0).following() != null);
        });
    }
}
