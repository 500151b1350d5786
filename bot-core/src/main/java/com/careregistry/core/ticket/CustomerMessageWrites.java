package com.careregistry.core.ticket;

import com.careregistry.core.common.SeveralStatements;
import com.careregistry.core.common.SqlLists;
import com.careregistry.core.inbox.BatchWrites;
import com.careregistry.core.inbox.GatheredWrites;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A customer's messages in a batch of the inbox ({@link BatchWrites}), on tickets they leave open or
 * assigned: each message's row and its ticket's last activity are gathered, then written once the
 * batch's events are handled, with one insert for all the messages and one update for their tickets,
 * instead of an insert and a versioned update of the ticket per message.
 *
 * <p>The update moves each ticket's version on, as a change of its row through the persistence
 * context does, so whoever changed the ticket from what they read fails and tries again; and it
 * changes only tickets still open or assigned. When a ticket was resolved or closed meanwhile
 * (an agent's event of the same moment), the batch fails, and its events are then handled one by
 * one: the message then reopens the ticket, or is refused, as it would have been.
 */
@Component
class CustomerMessageWrites extends GatheredWrites<TicketMessage> {

    private static final String INSERT = """
            INSERT INTO ticket_messages (ticket_id, author_type, agent_id, body, channel, external_message_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String TUPLE = ", (?, ?, ?, ?, ?, ?, ?)";
    private static final int ROWS_PER_STATEMENT = 100;
    private static final String TICKETS_CHANGED =
            "some of the batch's tickets were resolved or closed meanwhile; its events are handled one by one";

    private final SeveralStatements several;

    CustomerMessageWrites(JdbcTemplate jdbc, SeveralStatements several) {
        super(jdbc.getDataSource());
        this.several = several;
    }

    /** Whether the current transaction is a batch's, whose messages are kept ({@link #keep}) for its one write. */
    boolean batching() {
        return gathering();
    }

    /** Keeps the message, of an open or assigned ticket, for the batch's write. */
    void keep(TicketMessage message) {
        if (!gathered(message)) {
            throw new IllegalStateException("a message is kept for a batch's write only in a batch");
        }
    }

    @Override
    protected void writeTogether(List<TicketMessage> messages) {
        for (int from = 0; from < messages.size(); from += ROWS_PER_STATEMENT) {
            List<TicketMessage> chunk = messages.subList(from, Math.min(messages.size(), from + ROWS_PER_STATEMENT));
            SeveralStatements.Sql insert = new SeveralStatements.Sql(INSERT + TUPLE.repeat(chunk.size() - 1),
                    chunk.stream().flatMap(m -> Arrays.stream(row(m))).toArray());
            Map<Long, Instant> latest = new LinkedHashMap<>();
            chunk.forEach(m -> latest.merge(m.ticketId(), m.createdAt(), (a, b) -> a.isAfter(b) ? a : b));
            several.write(insert, -1, null);   // on MariaDB with the batch's commit, where the database checks the update
            several.write(touch(latest), latest.size(), TICKETS_CHANGED);
        }
    }

    private static Object[] row(TicketMessage m) {
        return new Object[] {m.ticketId(), m.authorType().name(), m.agentId(), m.body(), m.channel() == null ? null : m.channel().name(),
                m.externalMessageId(), m.createdAt()};
    }

    /** Each ticket's last activity ({@code latest}: its latest message's time), if it is still open or assigned. */
    private static SeveralStatements.Sql touch(Map<Long, Instant> latest) {
        StringBuilder sql = new StringBuilder("UPDATE tickets SET version = version + 1, last_activity_at = CASE id");
        Object[] values = new Object[latest.size() * 3];
        int i = 0;
        for (Map.Entry<Long, Instant> ticket : latest.entrySet()) {
            sql.append(" WHEN ? THEN ?");
            values[i++] = ticket.getKey();
            values[i++] = ticket.getValue();
        }
        sql.append(" END WHERE status IN ('OPEN', 'ASSIGNED') AND id IN (").append(SqlLists.marks(latest.size())).append(')');
        for (Long id : latest.keySet()) {
            values[i++] = id;
        }
        return new SeveralStatements.Sql(sql.toString(), values);
    }
}
