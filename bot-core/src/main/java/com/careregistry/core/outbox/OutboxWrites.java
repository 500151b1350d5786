package com.careregistry.core.outbox;

import com.careregistry.core.inbox.BatchWrites;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How new outbox rows are written: each with one plain insert in the caller's transaction; or,
 * in a batch of the inbox ({@link BatchWrites}), gathered and written together with one multi-row
 * insert once the batch's events have been handled (a relay per customer message: one insert for
 * the batch instead of one per message). Gathered rows keep the order they were enqueued in, so
 * each queue's rows get ascending ids as before.
 */
@Component
class OutboxWrites implements BatchWrites {

    /** The row's values tuple of {@link OutboxMessage#INSERT}, repeated once per further row. */
    private static final String TUPLE = OutboxMessage.INSERT.substring(OutboxMessage.INSERT.indexOf("VALUES") + "VALUES".length()).strip();
    /** Rows per statement: 21 placeholders each, well under the driver's limit. */
    private static final int ROWS_PER_INSERT = 100;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    OutboxWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
    }

    /** The rows a batch gathered, for the transaction (its connection) that gathers them. */
    private record Gathered(Object transaction, List<Object[]> rows) {
    }

    @Override
    public void gather() {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(this, new Gathered(TransactionSynchronizationManager.getResource(dataSource),
                new ArrayList<>()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(OutboxWrites.this);   // written, or rolled back with the batch
            }
        });
    }

    @Override
    public void write() {
        Gathered gathered = gathered();
        if (gathered == null) {
            return;
        }
        List<Object[]> rows = gathered.rows();
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            jdbc.update(OutboxMessage.INSERT + (", " + TUPLE).repeat(chunk.size() - 1), chunk.stream().flatMap(Arrays::stream).toArray());
        }
        rows.clear();
    }

    /** Writes the row now; or, in a batch that gathers, adds it to the batch's rows. */
    void insert(Object[] values) {
        Gathered gathered = gathered();
        if (gathered != null) {
            gathered.rows().add(values);
        } else {
            jdbc.update(OutboxMessage.INSERT, values);
        }
    }

    /** What the current transaction gathers; none outside a batch, or in another transaction begun inside one. */
    private Gathered gathered() {
        Gathered gathered = (Gathered) TransactionSynchronizationManager.getResource(this);
        return gathered != null && gathered.transaction() == TransactionSynchronizationManager.getResource(dataSource) ? gathered : null;
    }
}
