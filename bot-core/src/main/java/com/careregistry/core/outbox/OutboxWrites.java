package com.careregistry.core.outbox;

import com.careregistry.core.inbox.BatchWrites;
import com.careregistry.core.inbox.GatheredWrites;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How new outbox rows are written: each with one plain insert in the caller's transaction; or,
 * in a batch of the inbox ({@link BatchWrites}), gathered and written together with one multi-row
 * insert once the batch's events have been handled (a relay per customer message: one insert for
 * the batch instead of one per message). Gathered rows keep the order they were enqueued in, so
 * each queue's rows get ascending ids as before.
 */
@Component
class OutboxWrites extends GatheredWrites<Object[]> {

    /** The row's values tuple of {@link OutboxMessage#INSERT}, repeated once per further row. */
    private static final String TUPLE = OutboxMessage.INSERT.substring(OutboxMessage.INSERT.indexOf("VALUES") + "VALUES".length()).strip();
    /** Rows per statement: 21 placeholders each, well under the driver's limit. */
    private static final int ROWS_PER_INSERT = 100;

    private final JdbcTemplate jdbc;

    OutboxWrites(JdbcTemplate jdbc) {
        super(jdbc.getDataSource());
        this.jdbc = jdbc;
    }

    @Override
    protected void writeTogether(List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            jdbc.update(OutboxMessage.INSERT + (", " + TUPLE).repeat(chunk.size() - 1), chunk.stream().flatMap(Arrays::stream).toArray());
        }
    }

    /** Writes the row now; or, in a batch that gathers, adds it to the batch's rows. */
    void insert(Object[] values) {
        if (!gathered(values)) {
            jdbc.update(OutboxMessage.INSERT, values);
        }
    }
}
