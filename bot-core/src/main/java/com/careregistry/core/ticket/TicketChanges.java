package com.careregistry.core.ticket;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether any ticket changed: a mark that moves when a ticket is opened or anything happens to one
 * (a message, an assignment, a status), whichever instance did it. Two index reads.
 */
@Service
public class TicketChanges {

    private final JdbcTemplate jdbc;

    TicketChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest ticket and the latest activity of any; equal marks mean nothing changed between them. */
    @Transactional(readOnly = true)
    public String mark() {
        return jdbc.queryForObject("SELECT MAX(id), MAX(last_activity_at) FROM tickets",
                (rs, n) -> rs.getLong(1) + "@" + (rs.getTimestamp(2) == null ? "" : rs.getTimestamp(2).toInstant()));
    }
}
