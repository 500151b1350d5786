package com.careregistry.core.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Breaches for the admin's dashboard: of the tickets opened in the last 30 days, how many had their
 * first answer, and how many their resolution, after the due time (or have none yet and it has
 * passed); and how many tickets are past a due time they still wait on now.
 */
@Service
public class SlaStats {

    public record Stats(long firstResponsesLate, long resolutionsLate, long overdueNow) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SlaStats(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Stats now() {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp since = Timestamp.from(clock.instant().minus(Duration.ofDays(30)));
        long firstResponses = count("""
                SELECT COUNT(*) FROM ticket_service_levels s JOIN tickets t ON t.id = s.ticket_id
                WHERE t.opened_at >= ? AND s.first_response_due_at < COALESCE(t.first_response_at, t.resolved_at, t.closed_at, ?)
                """, since, now);
        long resolutions = count("""
                SELECT COUNT(*) FROM ticket_service_levels s JOIN tickets t ON t.id = s.ticket_id
                WHERE t.opened_at >= ? AND s.resolution_due_at < COALESCE(t.resolved_at, t.closed_at, ?)
                """, since, now);
        long overdue = count("SELECT COUNT(*) FROM ticket_service_levels WHERE next_due_at < ?", now);
        return new Stats(firstResponses, resolutions, overdue);
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

}
