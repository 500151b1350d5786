package com.careregistry.process;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the database holds of the marked messages a load driver had customers write: how many times
 * each mark was stored as a customer message, and how many were stored after a later one of the same
 * ticket. A mark is matched by a pattern whose first group names the series (a phase, a customer)
 * and whose second is the message's sequence number within it.
 *
 * @param timesStored the times each stored mark ("series-seq") was stored
 * @param outOfOrder  messages stored after a later message of their ticket
 * @param unhandled   inbound events not handled (waiting, or set aside as failed)
 */
public record StoredMarks(Map<String, Integer> timesStored, int outOfOrder, int unhandled) {

    public static StoredMarks read(Connection connection, Pattern mark, Predicate<String> series) throws SQLException {
        Map<String, Integer> stored = new HashMap<>();
        Map<Long, Integer> lastSeqOfTicket = new HashMap<>();
        int outOfOrder = 0;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT ticket_id, body FROM ticket_messages WHERE author_type = 'CUSTOMER' ORDER BY id")) {
            while (rs.next()) {
                Matcher found = mark.matcher(rs.getString(2) == null ? "" : rs.getString(2));
                if (found.find() && series.test(found.group(1))) {
                    int seq = Integer.parseInt(found.group(2));
                    stored.merge(found.group(1) + "-" + seq, 1, Integer::sum);
                    Integer last = lastSeqOfTicket.put(rs.getLong(1), seq);
                    if (last != null && last > seq) {
                        outOfOrder++;
                    }
                }
            }
        }
        try (Statement s = connection.createStatement();
             ResultSet left = s.executeQuery("SELECT COUNT(*) FROM inbox_events WHERE status <> 'HANDLED'")) {
            left.next();
            return new StoredMarks(stored, outOfOrder, left.getInt(1));
        }
    }

    /** Marks stored more than once. */
    public long doubled() {
        return timesStored.values().stream().filter(times -> times > 1).count();
    }
}
