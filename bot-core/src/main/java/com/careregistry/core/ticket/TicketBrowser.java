package com.careregistry.core.ticket;

import com.careregistry.core.common.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * M2: every ticket in the system, filtered, searched and sorted on the server, a page at a time.
 * Pages are found by the position of the last row seen (keyset pagination), not by an offset,
 * so the thousandth page costs what the first does even with a million tickets.
 */
@Service
public class TicketBrowser {

    public static final int PAGE_SIZE = 25;

    public enum Sort {
        NEWEST("t.opened_at", false),
        OLDEST("t.opened_at", true),
        ACTIVITY("t.last_activity_at", false),
        /** The due time each ticket waits on, soonest (most overdue) first; tickets waiting on none are left out. */
        DUE("s.next_due_at", true);

        final String column;
        final boolean ascending;

        Sort(String column, boolean ascending) {
            this.column = column;
            this.ascending = ascending;
        }
    }

    /** Tickets by how soon the due time they wait on comes: already past it, or within an hour or a day. */
    public enum Due {
        OVERDUE(Duration.ZERO),
        HOUR(Duration.ofHours(1)),
        DAY(Duration.ofDays(1));

        final Duration within;

        Due(Duration within) {
            this.within = within;
        }
    }

    /** What to show; every part may be empty. {@code text} is a ticket number, or words of the subject, the description or a message. */
    public record Filter(TicketStatus status, Long categoryId, Long agentId, Channel channel, String text, Sort sort, Due due) {
        public Filter {
            sort = sort == null ? Sort.NEWEST : sort;
            text = text == null || text.isBlank() ? null : text.strip();
        }

        public static Filter unassigned() {
            return new Filter(TicketStatus.OPEN, null, null, null, null, Sort.OLDEST, null);
        }

        /** An agent's own tickets, most recently active first unless they sort or filter by due. */
        public static Filter assignedTo(Long agentId, Sort sort, Due due) {
            return new Filter(null, null, agentId, null, null, sort == null ? Sort.ACTIVITY : sort, due);
        }

        boolean byDue() {
            return sort == Sort.DUE || due != null;
        }
    }

    /** A ticket as a line of the panel's list. */
    public record Row(long id, long number, String subject, TicketStatus status, long categoryId, String categoryName,
                      String agentFirstName,
                      String customerName, Channel channel, Instant openedAt, Instant lastActivityAt, Instant nextDueAt) {
        public String displayNumber() {
            return "#" + number;
        }

        Instant sortedAt(Sort sort) {
            return switch (sort) {
                case ACTIVITY -> lastActivityAt;
                case DUE -> nextDueAt;
                default -> openedAt;
            };
        }
    }

    /**
     * One page; {@code next} is the cursor of the page after it, empty on the last page; with a search,
     * where each ticket's text was found.
     */
    public record Page(List<Row> rows, Optional<String> next, Map<Long, TicketSearch.Snippet> matches) {
        public TicketSearch.Snippet match(long ticketId) {
            return matches.get(ticketId);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TicketSearch search;

    public TicketBrowser(JdbcTemplate jdbc, Clock clock, TicketSearch search) {
        this.search = search;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page page(Filter filter, String cursor) {
        // first the page's ticket ids from the tickets table alone, so that the index of the sort
        // order drives the query; then what the rows show, for those ids only
        StringBuilder sql = new StringBuilder("SELECT t.id FROM tickets t");
        List<Object> args = new ArrayList<>();
        if (filter.byDue()) {
            sql.append(" JOIN ticket_service_levels s ON s.ticket_id = t.id AND s.next_due_at IS NOT NULL");
        }
        sql.append(" WHERE 1 = 1");
        if (filter.due() != null) {
            sql.append(" AND s.next_due_at < ?");
            args.add(Timestamp.from(clock.instant().plus(filter.due().within)));
        }
        if (filter.status() != null) {
            sql.append(" AND t.status = ?");
            args.add(filter.status().name());
        }
        if (filter.categoryId() != null) {
            sql.append(" AND t.category_id = ?");
            args.add(filter.categoryId());
        }
        if (filter.agentId() != null) {
            sql.append(" AND t.agent_id = ?");
            args.add(filter.agentId());
        }
        if (filter.channel() != null) {
            sql.append(" AND t.channel = ?");
            args.add(filter.channel().name());
        }
        if (filter.text() != null) {
            Optional<Long> number = asNumber(filter.text());
            if (number.isPresent()) {
                sql.append(" AND t.number = ?");
                args.add(number.get());
            } else {
                search.where(sql, args, filter.text());
            }
        }
        Sort sort = filter.sort();
        Optional<Cursor> after = Cursor.parse(cursor);
        if (after.isPresent()) {
            String op = sort.ascending ? ">" : "<";
            sql.append(" AND (").append(sort.column).append(' ').append(op).append(" ? OR (").append(sort.column)
                    .append(" = ? AND t.id ").append(op).append(" ?))");
            Timestamp at = Timestamp.from(after.get().at());
            args.add(at);
            args.add(at);
            args.add(after.get().id());
        }
        String direction = sort.ascending ? " ASC" : " DESC";
        sql.append(" ORDER BY ").append(sort.column).append(direction).append(", t.id").append(direction);
        sql.append(" LIMIT ").append(PAGE_SIZE + 1);

        List<Long> ids = jdbc.queryForList(sql.toString(), Long.class, args.toArray());
        List<Row> rows = rowsOf(ids);
        Optional<String> next = Optional.empty();
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            Row last = rows.get(PAGE_SIZE - 1);
            next = Optional.of(new Cursor(last.sortedAt(sort), last.id()).toString());
        }
        Map<Long, TicketSearch.Snippet> matches = filter.text() == null || asNumber(filter.text()).isPresent() ? Map.of()
                : search.snippets(rows.stream().map(Row::id).toList(), filter.text());
        return new Page(List.copyOf(rows), next, matches);
    }

    private List<Row> rowsOf(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", ids.stream().map(String::valueOf).toList());
        Map<Long, Row> byId = new HashMap<>();
        jdbc.query("""
                SELECT t.id, t.number, t.subject, t.status, t.category_id, c.name AS category, a.first_name AS agent, cu.display_name AS customer,
                       t.channel, t.opened_at, t.last_activity_at, s.next_due_at
                FROM tickets t
                JOIN categories c ON c.id = t.category_id
                JOIN customers cu ON cu.id = t.customer_id
                LEFT JOIN agents a ON a.id = t.agent_id
                LEFT JOIN ticket_service_levels s ON s.ticket_id = t.id
                WHERE t.id IN (%s)
                """.formatted(in), rs -> {
            Row row = row(rs, 0);
            byId.put(row.id(), row);
        });
        List<Row> rows = new ArrayList<>(ids.size());
        for (Long id : ids) {
            rows.add(byId.get(id));
        }
        return rows;
    }

    private static Optional<Long> asNumber(String text) {
        String digits = text.startsWith("#") ? text.substring(1) : text;
        if (!digits.isEmpty() && digits.length() <= 18 && digits.chars().allMatch(Character::isDigit)) {
            return Optional.of(Long.parseLong(digits));
        }
        return Optional.empty();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("number"), rs.getString("subject"), TicketStatus.valueOf(rs.getString("status")),
                rs.getLong("category_id"), rs.getString("category"), rs.getString("agent"), rs.getString("customer"), Channel.valueOf(rs.getString("channel")),
                rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("last_activity_at").toInstant(),
                rs.getTimestamp("next_due_at") == null ? null : rs.getTimestamp("next_due_at").toInstant());
    }

    /** Where a page starts: the sort time and id of the last row of the page before (opaque to the browser). */
    private record Cursor(Instant at, long id) {
        static Optional<Cursor> parse(String text) {
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            String[] parts = text.split("_");
            try {
                return Optional.of(new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                        Long.parseLong(parts[2])));
            } catch (RuntimeException bad) {
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            return at.getEpochSecond() + "_" + at.getNano() + "_" + id;
        }
    }
}
