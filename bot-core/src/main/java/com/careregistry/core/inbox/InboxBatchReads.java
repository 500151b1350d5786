package com.careregistry.core.inbox;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A batch's {@link BatchReads}, and how it forgets what an event loaded once the event is written: every
 * entity but those read ahead for the events still to come, so the next event's queries neither flush
 * nor dirty-check the last one's, and what was read for the next one is still there.
 */
@Component
class InboxBatchReads {

    private final List<BatchReads> reads;
    /** The transaction's persistence context (a shared proxy, bound to the current transaction). */
    @PersistenceContext
    private EntityManager entities;

    InboxBatchReads(ObjectProvider<BatchReads> reads) {
        this.reads = reads.orderedStream().toList();
    }

    void prepare(List<InboxEvent> events) {
        reads.forEach(read -> read.prepare(events));
    }

    /** Detaches every entity of the persistence context but those read ahead for {@code remaining}. */
    void forgetAllBut(List<InboxEvent> remaining) {
        Set<Object> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        if (!remaining.isEmpty()) {
            reads.forEach(read -> kept.addAll(read.keptFor(remaining)));
        }
        if (kept.isEmpty()) {
            entities.clear();
            return;
        }
        SessionImplementor session = entities.unwrap(SessionImplementor.class);
        for (Map.Entry<Object, EntityEntry> entry : session.getPersistenceContextInternal().reentrantSafeEntityEntries()) {
            if (!kept.contains(entry.getKey())) {
                session.detach(entry.getKey());
            }
        }
    }
}
