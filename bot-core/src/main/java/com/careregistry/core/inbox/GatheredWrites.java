package com.careregistry.core.inbox;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a batch of the inbox gathers ({@link BatchWrites}): while a batch gathers, {@link #gathered}
 * keeps a row for {@link #writeTogether}, which the batch calls once all its events are handled, in
 * their transaction; outside a batch, or in another transaction begun inside one, the caller writes
 * the row at once. The rows keep the order they came in.
 *
 * @param <T> what one row is made from
 */
public abstract class GatheredWrites<T> implements BatchWrites {

    private final DataSource dataSource;

    protected GatheredWrites(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The rows a batch gathered, for the transaction (its connection) that gathers them. */
    private record Gathered<T>(Object transaction, List<T> rows) {
    }

    @Override
    public final void gather() {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(this, new Gathered<T>(TransactionSynchronizationManager.getResource(dataSource),
                new ArrayList<>()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(GatheredWrites.this);   // written, or rolled back with the batch
            }
        });
    }

    @Override
    public final void write() {
        Gathered<T> gathered = current();
        if (gathered == null || gathered.rows().isEmpty()) {
            return;
        }
        List<T> rows = List.copyOf(gathered.rows());
        gathered.rows().clear();
        writeTogether(rows);
    }

    /** Whether the current transaction gathers rows: a batch's, and not another transaction begun inside it. */
    protected final boolean gathering() {
        return current() != null;
    }

    /** True when the row is kept for the batch's {@link #writeTogether}; false when the caller must write it now. */
    protected final boolean gathered(T row) {
        Gathered<T> gathered = current();
        if (gathered == null) {
            return false;
        }
        gathered.rows().add(row);
        return true;
    }

    /** Writes what a batch gathered, in the batch's transaction; a failure fails the batch. */
    protected abstract void writeTogether(List<T> rows);

    @SuppressWarnings("unchecked")
    private Gathered<T> current() {
        Gathered<T> gathered = (Gathered<T>) TransactionSynchronizationManager.getResource(this);
        return gathered != null && gathered.transaction() == TransactionSynchronizationManager.getResource(dataSource) ? gathered : null;
    }
}
