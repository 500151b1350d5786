package com.careregistry.core.ticket;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the desk went over time, for the dashboard's charts: how many tickets were still open at the
 * end of each of the last 30 days, how long the tickets opened in those days waited for their first
 * answer, and the average rating of each of the last 12 weeks. Days and weeks (Monday to Sunday)
 * are UTC's, as in {@link DeskStats}. Each is a query or two, whatever the number of days.
 */
@Service
public class DeskTrends {

    public static final int DAYS = 30;
    public static final int WEEKS = 12;

    /** How long a ticket waited for its first answer from an agent. */
    public enum Wait {
        UNDER_15_MINUTES, UNDER_1_HOUR, UNDER_4_HOURS, UNDER_1_DAY, OVER_1_DAY,
        /** not answered and still open or assigned */
        WAITING,
        /** resolved or closed without an agent ever answering */
        NEVER_ANSWERED;

        public String textKey() {
            return "web.dashboard.wait." + name().toLowerCase().replace('_', '-');
        }

        static Wait of(Duration waited) {
            if (waited.compareTo(Duration.ofMinutes(15)) < 0) {
                return UNDER_15_MINUTES;
            }
            if (waited.compareTo(Duration.ofHours(1)) < 0) {
                return UNDER_1_HOUR;
            }
            if (waited.compareTo(Duration.ofHours(4)) < 0) {
                return UNDER_4_HOURS;
            }
            return waited.compareTo(Duration.ofDays(1)) < 0 ? UNDER_1_DAY : OVER_1_DAY;
        }
    }

    /** A week (from its Monday): how many ratings customers gave in it and their average, none when there were none. */
    public record Week(LocalDate monday, long ratings, Optional<Double> average) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DeskTrends(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * For each of the last 30 days, oldest first, how many tickets were open (not resolved, not
     * closed) at its end (today: now). A ticket's resolutions, reopenings and closing come from its
     * history; a ticket older than the history has only its last resolution and its closing.
     */
    @Transactional(readOnly = true)
    public Map<LocalDate, Long> backlogPerDay() {
        LocalDate today = today();
        Timestamp end = Timestamp.from(startOf(today.plusDays(1)));
        Timestamp firstEnd = Timestamp.from(startOf(today.minusDays(DAYS - 2)));
        // the tickets open at some day's end: opened before the last one, not resolved or closed for good before the first
        String openInWindow = "t.opened_at < ? AND (t.resolved_at IS NULL OR t.resolved_at >= ?) AND (t.closed_at IS NULL OR t.closed_at >= ?)";
        Map<Long, Instant> openedAt = new LinkedHashMap<>();
        Map<Long, Instant> endedAt = new HashMap<>();
        jdbc.query("SELECT t.id, t.opened_at, t.resolved_at, t.closed_at FROM tickets t WHERE " + openInWindow, rs -> {
            long id = rs.getLong(1);
            openedAt.put(id, rs.getTimestamp(2).toInstant());
            Timestamp resolved = rs.getTimestamp(3);
            Timestamp closed = rs.getTimestamp(4);
            Timestamp ended = resolved == null ? closed : closed == null || resolved.before(closed) ? resolved : closed;
            if (ended != null) {
                endedAt.put(id, ended.toInstant());
            }
        }, end, firstEnd, firstEnd);
        Map<Long, List<Change>> changes = new HashMap<>();
        jdbc.query("SELECT h.ticket_id, h.at, h.kind FROM ticket_history h JOIN tickets t ON t.id = h.ticket_id "
                + "WHERE h.kind IN ('RESOLVED', 'REOPENED', 'CLOSED') AND " + openInWindow + " ORDER BY h.ticket_id, h.at, h.id", rs -> {
            changes.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                    .add(new Change(rs.getTimestamp(2).toInstant(), "REOPENED".equals(rs.getString(3))));
        }, end, firstEnd, firstEnd);

        Map<LocalDate, Long> perDay = new LinkedHashMap<>();
        for (int back = DAYS - 1; back >= 0; back--) {
            LocalDate day = today.minusDays(back);
            Instant dayEnd = startOf(day.plusDays(1));
            long open = 0;
            for (Map.Entry<Long, Instant> ticket : openedAt.entrySet()) {
                if (ticket.getValue().isBefore(dayEnd) && openAt(dayEnd, changes.get(ticket.getKey()), endedAt.get(ticket.getKey()))) {
                    open++;
                }
            }
            perDay.put(day, open);
        }
        return perDay;
    }

    /** A ticket became open (reopened) or stopped being open (resolved, closed) at a time. */
    private record Change(Instant at, boolean open) {
    }

    private static boolean openAt(Instant moment, List<Change> history, Instant ended) {
        if (history == null) {
            return ended == null || !ended.isBefore(moment);
        }
        boolean open = true;
        for (Change change : history) {
            if (!change.at().isBefore(moment)) {
                break;
            }
            open = change.open();
        }
        return open;
    }

    /**
     * The tickets opened in the last 30 days by how long they waited for their first answer, every
     * kind of wait present (zero when none), shortest first.
     */
    @Transactional(readOnly = true)
    public Map<Wait, Long> firstResponses() {
        Map<Wait, Long> waits = new EnumMap<>(Wait.class);
        for (Wait wait : Wait.values()) {
            waits.put(wait, 0L);
        }
        jdbc.query("SELECT opened_at, first_response_at, status FROM tickets WHERE opened_at >= ?", rs -> {
            Timestamp answered = rs.getTimestamp(2);
            Wait wait;
            if (answered != null) {
                wait = Wait.of(Duration.between(rs.getTimestamp(1).toInstant(), answered.toInstant()));
            } else {
                TicketStatus status = TicketStatus.valueOf(rs.getString(3));
                wait = status.inProgress() ? Wait.WAITING : Wait.NEVER_ANSWERED;
            }
            waits.merge(wait, 1L, Long::sum);
        }, Timestamp.from(startOf(today().minusDays(DAYS - 1))));
        return waits;
    }

    /** The last 12 weeks, oldest first, this one last: the ratings given in each and their average. */
    @Transactional(readOnly = true)
    public List<Week> satisfactionPerWeek() {
        LocalDate thisMonday = today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstMonday = thisMonday.minusWeeks(WEEKS - 1);
        Map<LocalDate, long[]> countAndSum = new LinkedHashMap<>();
        for (int week = 0; week < WEEKS; week++) {
            countAndSum.put(firstMonday.plusWeeks(week), new long[2]);
        }
        jdbc.query("SELECT rated_at, rating FROM tickets WHERE rating IS NOT NULL AND rated_at >= ?", rs -> {
            LocalDate monday = LocalDate.ofInstant(rs.getTimestamp(1).toInstant(), ZoneOffset.UTC)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            long[] week = countAndSum.get(monday);
            if (week != null) {
                week[0]++;
                week[1] += rs.getInt(2);
            }
        }, Timestamp.from(startOf(firstMonday)));
        List<Week> weeks = new ArrayList<>();
        countAndSum.forEach((monday, week) -> weeks.add(new Week(monday, week[0],
                week[0] == 0 ? Optional.empty() : Optional.of((double) week[1] / week[0]))));
        return weeks;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
