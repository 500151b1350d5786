package com.careregistry.core.common;

import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value that belongs to the current transaction: bound to its connection, so that a transaction begun
 * inside it (another connection) does not see it, and let go when it ends, committed or rolled back. What
 * a batch of the inbox gathers to write, or reads ahead, lives in one of these.
 *
 * @param <T> the value
 */
public final class TransactionBound<T> {

    private final DataSource dataSource;

    public TransactionBound(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The value, and the transaction (its connection's holder) it was bound in. */
    private record Bound<T>(Object transaction, T value) {
    }

    /**
     * Binds a value made now to the current transaction; false, and nothing made, outside a transaction or
     * when one is bound already (by this transaction or one it was begun in).
     */
    public boolean bind(Supplier<T> value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || TransactionSynchronizationManager.hasResource(this)) {
            return false;
        }
        TransactionSynchronizationManager.bindResource(this, new Bound<>(TransactionSynchronizationManager.getResource(dataSource),
                value.get()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(TransactionBound.this);
            }
        });
        return true;
    }

    /** The value bound to the current transaction; null when none is (or it was bound in another). */
    @SuppressWarnings("unchecked")
    public T current() {
        Bound<T> bound = (Bound<T>) TransactionSynchronizationManager.getResource(this);
        return bound != null && bound.transaction() == TransactionSynchronizationManager.getResource(dataSource) ? bound.value() : null;
    }
}
