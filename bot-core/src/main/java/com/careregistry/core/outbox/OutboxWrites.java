package com.careregistry.core.outbox;

import com.careregistry.core.common.SeveralStatements;
import com.careregistry.core.inbox.BatchWrites;
import com.careregistry.core.inbox.GatheredWrites;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How new outbox rows are written: each with one plain insert in the caller's transaction; or,
 * in a batch of the inbox ({@link BatchWrites}), gathered and written together once the batch's
 * events have been handled: those that can go at once written claimed and sent when the batch
 * commits ({@link DirectSends}), the others with one multi-row insert (a relay per customer message:
 * one insert for the batch instead of one per message). Gathered rows keep the order they were
 * enqueued in, so each queue's rows get ascending ids as before. The dispatchers learn of the queues
 * of rows written pending when the transaction commits.
 */
@Component
class OutboxWrites extends GatheredWrites<NewRow> {

    /** Rows per statement: 22 placeholders each, well under the driver's limit. */
    private static final int ROWS_PER_INSERT = 100;

    private final DirectSends direct;
    private final OutboxSignal signal;
    private final SeveralStatements several;

    OutboxWrites(JdbcTemplate jdbc, DirectSends direct, OutboxSignal signal, SeveralStatements several) {
        super(jdbc.getDataSource());
        this.several = several;
        this.direct = direct;
        this.signal = signal;
    }

    @Override
    protected void writeTogether(List<NewRow> rows) {
        insertPending(direct.writeClaimed(rows, true));
    }

    /** Writes the row now; or, in a batch that gathers, adds it to the batch's rows. */
    void insert(NewRow row) {
        if (!gathered(row)) {
            insertPending(List.of(row));
        }
    }

    /** Inserts these rows pending, with one statement per hundred, in the caller's transaction. */
    void insertPending(List<NewRow> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<NewRow> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            // kept for the commit's request where the transaction ends so
            several.write(new SeveralStatements.Sql(NewRow.insertOf(chunk.size()), NewRow.valuesOf(chunk)), -1, null);
        }
        rows.forEach(row -> signal.wroteAfterCommit(row.channel(), row.orderingKey()));
    }
}
