package com.careregistry.core.ticket;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** M6: how the desk is doing, for the admin's dashboard. Days are UTC days. */
@Service
public class DeskStats {

    public record Stats(Map<TicketStatus, Long> byStatus, long unassigned, long openedToday, long openedLast7Days,
                       Optional<Duration> medianFirstResponse, Optional<Double> averageRating,
                       Map<LocalDate, Long> openedPerDay) {
        public long maxPerDay() {
            return openedPerDay.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }

        /**
         * The top of the chart's axis: the smallest of 2, 4, 10, 20, 40, 100, … that holds the busiest
         * day, so its half (the middle line) is a whole number too.
         */
        public long axisMax() {
            return axisTop(maxPerDay());
        }
    }

    /**
     * The top of a chart's axis for a largest value: the smallest of 2, 4, 10, 20, 40, 100, … that
     * holds it, so its half (the middle line) is a whole number too. Every bar chart of the dashboard
     * uses it.
     */
    public static long axisTop(long max) {
        for (long decade = 1; ; decade *= 10) {
            for (long top : new long[] {2 * decade, 4 * decade, 10 * decade}) {
                if (top >= max) {
                    return top;
                }
            }
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DeskStats(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Stats now() {
        Map<TicketStatus, Long> byStatus = new EnumMap<>(TicketStatus.class);
        for (TicketStatus status : TicketStatus.values()) {
            byStatus.put(status, count("SELECT COUNT(*) FROM tickets WHERE status = ?", status.name()));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant startOfToday = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant thirtyDaysAgo = today.minusDays(29).atStartOfDay(ZoneOffset.UTC).toInstant();

        List<Timestamp> opened = jdbc.queryForList("SELECT opened_at FROM tickets WHERE opened_at >= ?", Timestamp.class,
                Timestamp.from(thirtyDaysAgo));
        Map<LocalDate, Long> perDay = new LinkedHashMap<>();
        for (int day = 29; day >= 0; day--) {
            perDay.put(today.minusDays(day), 0L);
        }
        for (Timestamp at : opened) {
            perDay.merge(LocalDate.ofInstant(at.toInstant(), ZoneOffset.UTC), 1L, Long::sum);
        }
        long last7 = perDay.entrySet().stream().filter(e -> !e.getKey().isBefore(today.minusDays(6)))
                .mapToLong(Map.Entry::getValue).sum();

        List<Long> responseSeconds = new ArrayList<>();
        jdbc.query("SELECT opened_at, first_response_at FROM tickets WHERE opened_at >= ? AND first_response_at IS NOT NULL",
                rs -> {
                    responseSeconds.add(ChronoUnit.SECONDS.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()));
                }, Timestamp.from(thirtyDaysAgo));
        responseSeconds.sort(Long::compare);
        Optional<Duration> median = responseSeconds.isEmpty() ? Optional.empty()
                : Optional.of(Duration.ofSeconds(responseSeconds.get(responseSeconds.size() / 2)));
        Double rating = jdbc.queryForObject("SELECT AVG(CAST(rating AS DOUBLE)) FROM tickets WHERE rating IS NOT NULL", Double.class);
        return new Stats(byStatus, byStatus.get(TicketStatus.OPEN),
                count("SELECT COUNT(*) FROM tickets WHERE opened_at >= ?", Timestamp.from(startOfToday)), last7, median,
                Optional.ofNullable(rating), perDay);
    }

    private long count(String sql, Object arg) {
        Long count = jdbc.queryForObject(sql, Long.class, arg);
        return count == null ? 0 : count;
    }
}
