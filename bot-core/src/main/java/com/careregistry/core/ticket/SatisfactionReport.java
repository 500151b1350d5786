package com.careregistry.core.ticket;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What customers thought of the help they got: their ratings (1–5 stars) and comments, by agent, by
 * category and by week (weeks start on Monday, UTC), over the last weeks; for the whole desk or one
 * agent's own tickets.
 */
@Service
public class SatisfactionReport {

    /** Ratings of one agent or one category: how many, and their average. */
    public record Group(String name, long ratings, double average) {
    }

    /** Ratings given in the week that starts on {@code starts}; the average is 0 when there were none. */
    public record Week(LocalDate starts, long ratings, double average) {
    }

    /** A rating with its comment. */
    public record Comment(TicketNumber ticket, int stars, String comment, String agent, Instant ratedAt) {
    }

    public record Report(long ratings, double average, List<Group> byAgent, List<Group> byCategory, List<Week> byWeek,
                         List<Comment> comments) {
    }

    /** The latest comments a report shows. */
    static final int COMMENTS = 20;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SatisfactionReport(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Rated(long number, int stars, String comment, Instant ratedAt, String agent, String category) {
    }

    /** The last {@code weeks} weeks (this one included), for one agent ({@code agentId}) or for everyone ({@code null}). */
    @Transactional(readOnly = true)
    public Report of(Long agentId, int weeks) {
        LocalDate thisWeek = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = thisWeek.minusWeeks(weeks - 1L);
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        String sql = """
                SELECT t.number, t.rating, t.rating_comment, t.rated_at, a.first_name, a.last_name, c.name
                FROM tickets t LEFT JOIN agents a ON a.id = t.agent_id LEFT JOIN categories c ON c.id = t.category_id
                WHERE t.rating IS NOT NULL AND t.rated_at >= ?""" + (agentId == null ? "" : " AND t.agent_id = ?");
        Object[] args = agentId == null ? new Object[] {Timestamp.from(from)} : new Object[] {Timestamp.from(from), agentId};
        List<Rated> rated = jdbc.query(sql, (rs, row) -> new Rated(rs.getLong(1), rs.getInt(2), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getString(5) == null ? "" : (rs.getString(5) + " "
                + (rs.getString(6) == null ? "" : rs.getString(6))).strip(), rs.getString(7) == null ? "" : rs.getString(7)), args);

        List<Week> byWeek = new ArrayList<>();
        Map<LocalDate, List<Rated>> inWeek = rated.stream().collect(Collectors.groupingBy(
                r -> LocalDate.ofInstant(r.ratedAt(), ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))));
        for (LocalDate week = first; !week.isAfter(thisWeek); week = week.plusWeeks(1)) {
            List<Rated> those = inWeek.getOrDefault(week, List.of());
            byWeek.add(new Week(week, those.size(), average(those)));
        }
        List<Comment> comments = rated.stream().filter(r -> r.comment() != null && !r.comment().isBlank())
                .sorted(Comparator.comparing(Rated::ratedAt).reversed()).limit(COMMENTS)
                .map(r -> new Comment(new TicketNumber(r.number()), r.stars(), r.comment(), r.agent(), r.ratedAt())).toList();
        return new Report(rated.size(), average(rated), groups(rated, Rated::agent), groups(rated, Rated::category), byWeek, comments);
    }

    private static List<Group> groups(List<Rated> rated, Function<Rated, String> by) {
        Map<String, List<Rated>> grouped = rated.stream().collect(Collectors.groupingBy(by, LinkedHashMap::new, Collectors.toList()));
        return grouped.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue().size(), average(e.getValue())))
                .sorted(Comparator.comparingDouble(Group::average).reversed().thenComparing(Group::name)).toList();
    }

    private static double average(List<Rated> rated) {
        return rated.stream().mapToInt(Rated::stars).average().orElse(0);
    }
}
