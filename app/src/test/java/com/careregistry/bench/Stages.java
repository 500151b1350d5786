package com.careregistry.bench;

import com.careregistry.process.RelayLoad.Phase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a phase's relays spent their time, from the service's own timestamps in MariaDB: each customer
 * message's inbox event (stored, and the start of the transaction that handled it), the outbox row of
 * its relay (written, and recorded sent: just after the double had it) and the row of its receipt. The
 * double's own times of each message (held for the bot, its relay noted) frame them. The
 * rows are matched in memory by the phase's marks and the receipts' message ids (three plain scans: a
 * join on the payload's JSON would read the outbox once per event).
 */
final class Stages {

    private static final String[] NAMES = {"held to stored", "stored to handled", "handled to its relay written",
            "relay written to sent", "sent to the double's note", "receipt written to sent"};

    private Stages() {
    }

    /**
     * One line: p50/p99 in ms of each stage of the phase's messages; with {@code slowest} above zero, a
     * line more for each of that many slowest relays (when the double held it, and its stages).
     */
    static String of(String url, String user, String password, Phase phase, int slowest) throws Exception {
        List<double[]> relays = new ArrayList<>();
        String mark = "#P" + phase.number() + "-S";
        Map<String, Timestamp[]> events = new HashMap<>();
        Map<String, Timestamp[]> receipts = new HashMap<>();
        List<List<Double>> stages = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            stages.add(new ArrayList<>());
        }
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT REGEXP_SUBSTR(payload, '#P[0-9]+-S[0-9]+#'), received_at, handled_at "
                    + "FROM inbox_events WHERE payload LIKE '%" + mark + "%'")) {
                while (rs.next()) {
                    events.put(rs.getString(1), new Timestamp[] {rs.getTimestamp(2), rs.getTimestamp(3)});
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT chat_id, react_to, created_at, sent_at FROM outbox_messages WHERE react_to IS NOT NULL")) {
                while (rs.next()) {
                    receipts.put(rs.getString(1) + ":" + rs.getString(2), new Timestamp[] {rs.getTimestamp(3), rs.getTimestamp(4)});
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT REGEXP_SUBSTR(body, '#P[0-9]+-S[0-9]+#'), created_at, sent_at, copy_of_chat, "
                    + "copy_of_message FROM outbox_messages WHERE copy_of_message IS NOT NULL AND body LIKE '%" + mark + "%'")) {
                while (rs.next()) {
                    String found = rs.getString(1);
                    Timestamp[] event = events.get(found);
                    Timestamp written = rs.getTimestamp(2);
                    Timestamp sent = rs.getTimestamp(3);
                    Timestamp[] receipt = receipts.get(rs.getString(4) + ":" + rs.getString(5));
                    int seq = Integer.parseInt(found.substring(found.indexOf("-S") + 2, found.length() - 1));
                    double held = phase.heldAtEpochMillis(seq);
                    double noted = phase.relayedAtEpochMillis(seq);
                    double stored = event == null ? Double.NaN : millis(event[0]);
                    double handled = event == null ? Double.NaN : millis(event[1]);
                    double[] spans = {stored - held, handled - stored, millis(written) - handled, millis(sent) - millis(written),
                            noted - millis(sent), receipt == null ? Double.NaN : millis(receipt[1]) - millis(receipt[0])};
                    for (int i = 0; i < spans.length; i++) {
                        if (!Double.isNaN(spans[i])) {
                            stages.get(i).add(spans[i]);
                        }
                    }
                    double[] relay = new double[NAMES.length + 2];
                    relay[0] = held;
                    relay[1] = noted - held;
                    System.arraycopy(spans, 0, relay, 2, spans.length);
                    relays.add(relay);
                }
            }
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            double[] sorted = stages.get(i).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            parts.add(String.format(Locale.ROOT, "%s %.1f/%.1f", NAMES[i], Phase.percentile(sorted, 50), Phase.percentile(sorted, 99)));
        }
        StringBuilder out = new StringBuilder(String.join(", ", parts));
        relays.sort((a, b) -> Double.compare(b[1], a[1]));
        for (double[] relay : relays.subList(0, Math.min(slowest, relays.size()))) {
            out.append(String.format(Locale.ROOT, "%n      held at %s, relayed in %.1f ms:", java.time.Instant.ofEpochMilli((long) relay[0]), relay[1]));
            for (int i = 0; i < NAMES.length; i++) {
                out.append(String.format(Locale.ROOT, " %s %.1f", NAMES[i], relay[i + 2]));
            }
        }
        return out.toString();
    }

    /** Milliseconds since the epoch, to the microsecond the column keeps; NaN for none (a stage not reached). */
    private static double millis(Timestamp at) {
        return at == null ? Double.NaN : Math.floorDiv(at.getTime(), 1000) * 1000.0 + at.getNanos() / 1e6;
    }
}
