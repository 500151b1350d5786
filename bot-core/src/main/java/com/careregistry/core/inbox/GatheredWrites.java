package com.careregistry.core.inbox;

import com.careregistry.core.common.TransactionBound;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Rows a batch of the inbox gathers ({@link BatchWrites}): while a batch gathers, {@link #gathered}
 * keeps a row for {@link #writeTogether}, which the batch calls once all its events are handled, in
 * their transaction; outside a batch, or in another transaction begun inside one, the caller writes
 * the row at once. The rows keep the order they came in.
 *
 * @param <T> what one row is made from
 */
public abstract class GatheredWrites<T> implements BatchWrites {

    /** The rows a batch gathered, for the transaction that gathers them. */
    private final TransactionBound<List<T>> batchRows;

    protected GatheredWrites(DataSource dataSource) {
        this.batchRows = new TransactionBound<>(dataSource);
    }

    @Override
    public final void gather() {
        batchRows.bind(ArrayList::new);
    }

    @Override
    public final void write() {
        List<T> rows = batchRows.current();
        if (rows == null || rows.isEmpty()) {
            return;
        }
        List<T> all = List.copyOf(rows);
        rows.clear();
        writeTogether(all);
    }

    /** Whether the current transaction gathers rows: a batch's, and not another transaction begun inside it. */
    protected final boolean gathering() {
        return batchRows.current() != null;
    }

    /** True when the row is kept for the batch's {@link #writeTogether}; false when the caller must write it now. */
    protected final boolean gathered(T row) {
        List<T> rows = batchRows.current();
        if (rows == null) {
            return false;
        }
        rows.add(row);
        return true;
    }

    /** Writes what a batch gathered, in the batch's transaction; a failure fails the batch. */
    protected abstract void writeTogether(List<T> rows);
}
