package com.careregistry.core.ticket;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds tickets by the words of their subject, their description and their messages, and shows
 * where a word was found. On MariaDB the words are looked up in FULLTEXT indexes (V19; every word of
 * three letters or more must be in the subject and description, or in one message; a word matches
 * as a prefix: "parc" finds "parcel"); on the embedded H2, and for shorter words, the text is looked
 * for as it was typed ({@code LIKE}, any case).
 */
@Component
public class TicketSearch {

    /** Where the text was found: the words around it, the match itself, and what follows. */
    public record Snippet(String before, String hit, String after) {
    }

    /** InnoDB's default {@code innodb_ft_min_token_size}: shorter words are not in the index. */
    static final int MIN_WORD = 3;
    private static final int AROUND = 40;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final JdbcTemplate jdbc;
    private volatile Boolean fullText;

    TicketSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the condition that the ticket {@code t} contains {@code text}, with its arguments. */
    void where(StringBuilder sql, List<Object> args, String text) {
        List<String> words = words(text);
        if (fullText() && !words.isEmpty() && words.stream().allMatch(w -> w.length() >= MIN_WORD)) {
            String query = String.join(" ", words.stream().map(w -> "+" + w + "*").toList());
            sql.append(" AND (MATCH(t.subject, t.description) AGAINST (? IN BOOLEAN MODE)")
                    .append(" OR t.id IN (SELECT m.ticket_id FROM ticket_messages m WHERE MATCH(m.body) AGAINST (? IN BOOLEAN MODE)))");
            args.add(query);
            args.add(query);
        } else {
            String like = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (LOWER(t.subject) LIKE ? OR LOWER(t.description) LIKE ?")
                    .append(" OR EXISTS (SELECT 1 FROM ticket_messages m WHERE m.ticket_id = t.id AND LOWER(m.body) LIKE ?))");
            args.add(like);
            args.add(like);
            args.add(like);
        }
    }

    /** For each of these tickets, where the first word of {@code text} was found: subject, description, or a message. */
    Map<Long, Snippet> snippets(List<Long> ticketIds, String text) {
        List<String> words = words(text);
        if (ticketIds.isEmpty() || words.isEmpty()) {
            return Map.of();
        }
        String in = String.join(",", ticketIds.stream().map(String::valueOf).toList());
        Map<Long, List<String>> texts = new HashMap<>();
        jdbc.query("SELECT id, subject, description FROM tickets WHERE id IN (" + in + ")", rs -> {
            texts.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).addAll(List.of(rs.getString(2), rs.getString(3)));
        });
        jdbc.query("SELECT ticket_id, body FROM ticket_messages WHERE ticket_id IN (" + in + ") AND body IS NOT NULL ORDER BY id", rs -> {
            texts.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
        });
        Pattern first = Pattern.compile(Pattern.quote(words.get(0)), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Map<Long, Snippet> found = new HashMap<>();
        texts.forEach((id, candidates) -> candidates.stream().map(candidate -> snippet(candidate, first))
                .filter(java.util.Objects::nonNull).findFirst().ifPresent(snippet -> found.put(id, snippet)));
        return found;
    }

    private static Snippet snippet(String text, Pattern word) {
        Matcher m = word.matcher(text);
        if (!m.find()) {
            return null;
        }
        int from = Math.max(0, m.start() - AROUND);
        int to = Math.min(text.length(), m.end() + AROUND);
        return new Snippet((from > 0 ? "…" : "") + text.substring(from, m.start()), m.group(),
                text.substring(m.end(), to) + (to < text.length() ? "…" : ""));
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private boolean fullText() {
        Boolean known = fullText;
        if (known == null) {
            String product = jdbc.execute((ConnectionCallback<String>) (Connection c) -> c.getMetaData().getDatabaseProductName());
            known = product != null && (product.toLowerCase(Locale.ROOT).contains("mariadb") || product.toLowerCase(Locale.ROOT).contains("mysql"));
            fullText = known;
        }
        return known;
    }
}
