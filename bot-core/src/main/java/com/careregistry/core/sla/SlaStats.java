package com.careregistry.core.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Breaches for the admin's dashboard: of the tickets opened in the last 30 days, how many had their
 * first answer, and how many their resolution, after the due time (or have none yet and it has
 * passed); how many tickets are past a due time they still wait on now; and the breaches of each
 * of the last 30 days, for the dashboard's chart.
 */
@Service
public class SlaStats {

    public record Stats(long firstResponsesLate, long resolutionsLate, long overdueNow) {
    }

    /** The due times of a day that passed before the first answer, and those that passed before the resolution. */
    public record Day(long firstResponsesLate, long resolutionsLate) {
        public long total() {
            return firstResponsesLate + resolutionsLate;
        }
    }

    static final int DAYS = 30;

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

    /**
     * For each of the last 30 UTC days, oldest first, the breaches by the day they happened: the
     * first-answer due times of that day that passed with no answer, and the resolution due times
     * that passed with the ticket unresolved (whether the answer or resolution came later or not yet).
     */
    @Transactional(readOnly = true)
    public Map<LocalDate, Day> perDay() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1);
        Timestamp since = Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant());
        Map<LocalDate, long[]> counts = new LinkedHashMap<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            counts.put(day, new long[2]);
        }
        String[] late = {
            "SELECT s.first_response_due_at FROM ticket_service_levels s JOIN tickets t ON t.id = s.ticket_id WHERE s.first_response_due_at >= ?"
                    + " AND s.first_response_due_at < COALESCE(t.first_response_at, t.resolved_at, t.closed_at, ?)",
            "SELECT s.resolution_due_at FROM ticket_service_levels s JOIN tickets t ON t.id = s.ticket_id WHERE s.resolution_due_at >= ?"
                    + " AND s.resolution_due_at < COALESCE(t.resolved_at, t.closed_at, ?)"};
        for (int kind = 0; kind < late.length; kind++) {
            int index = kind;
            for (Timestamp due : jdbc.queryForList(late[kind], Timestamp.class, since, Timestamp.from(now))) {
                long[] day = counts.get(LocalDate.ofInstant(due.toInstant(), ZoneOffset.UTC));
                if (day != null) {
                    day[index]++;
                }
            }
        }
        Map<LocalDate, Day> perDay = new LinkedHashMap<>();
        counts.forEach((day, count) -> perDay.put(day, new Day(count[0], count[1])));
        return perDay;
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

}
