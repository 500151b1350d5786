package com.careregistry.core.ticket;

import com.careregistry.core.ticket.TicketEvents.AgentAssigned;
import com.careregistry.core.ticket.TicketEvents.TicketClosed;
import com.careregistry.core.ticket.TicketEvents.TicketOpened;
import com.careregistry.core.ticket.TicketEvents.TicketRated;
import com.careregistry.core.ticket.TicketEvents.TicketReopened;
import com.careregistry.core.ticket.TicketEvents.TicketResolved;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ticket's history besides its messages (opened, assigned, resolved, reopened, closed, rated), one
 * row per event in the transaction of the change, so the panel can show them between the messages.
 */
@Component
public class TicketHistory {

    /** What happened. */
    public enum Kind {
        OPENED, ASSIGNED, RESOLVED, REOPENED, CLOSED, RATED
    }

    /**
     * One event as the panel shows it: when, what, the agent it concerns (assigned to, resolved by;
     * none for others), and a detail (who closed it, how many stars).
     */
    public record Entry(Instant at, Kind kind, Long agentId, String detail) {
        public String textKey() {
            return "web.history." + kind.name().toLowerCase() + (kind == Kind.CLOSED && detail != null ? "." + detail.toLowerCase() : "");
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TicketHistory(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(TicketOpened event) {
        record(event.ticket(), Kind.OPENED, null, null);
    }

    @EventListener
    void on(AgentAssigned event) {
        record(event.ticket(), Kind.ASSIGNED, event.agentId(), null);
    }

    @EventListener
    void on(TicketResolved event) {
        record(event.ticket(), Kind.RESOLVED, event.byAgentId(), null);
    }

    @EventListener
    void on(TicketReopened event) {
        record(event.ticket(), Kind.REOPENED, null, null);
    }

    @EventListener
    void on(TicketClosed event) {
        record(event.ticket(), Kind.CLOSED, null, event.by().name());
    }

    /** A ticket is rated once; the comment that may follow is not an event of its own. */
    @EventListener
    void on(TicketRated event) {
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = ? AND kind = 'RATED'",
                Integer.class, event.ticket().id());
        if (before == null || before == 0) {
            record(event.ticket(), Kind.RATED, null, String.valueOf(event.stars()));
        }
    }

    /** A ticket's history, oldest first. */
    @Transactional(readOnly = true)
    public List<Entry> of(Long ticketId) {
        return jdbc.query("SELECT at, kind, agent_id, detail FROM ticket_history WHERE ticket_id = ? ORDER BY id",
                (rs, n) -> new Entry(rs.getTimestamp(1).toInstant(), Kind.valueOf(rs.getString(2)),
                        rs.getObject(3) == null ? null : rs.getLong(3), rs.getString(4)), ticketId);
    }

    private void record(Ticket ticket, Kind kind, Long agentId, String detail) {
        jdbc.update("INSERT INTO ticket_history (ticket_id, at, kind, agent_id, detail) VALUES (?, ?, ?, ?, ?)",
                ticket.id(), Timestamp.from(clock.instant()), kind.name(), agentId, detail);
    }
}
