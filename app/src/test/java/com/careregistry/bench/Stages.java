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
 * rows are matched in memory by the phase's marks and the receipts' message ids (three plain scans: a
 * join on the payload's JSON would read the outbox once per event).
 */
final class Stages {

    private static final String[] NAMES = {"stored to handled", "handled to its relay written", "relay written to sent",
            "receipt written to sent"};

    private Stages() {
    }

    /** One line: p50/p99 in ms of each stage of the phase's messages. */
    static String of(String url, String user, String password, Phase phase) throws Exception {
        String mark = "#P" + phase.number() + "-S";
        Map<String, Timestamp[]> events = new HashMap<>();
        Map<String, Timestamp[]> receipts = new HashMap<>();
        List<List<Double>> stages = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
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
                    Timestamp[] event = events.get(rs.getString(1));
                    Timestamp written = rs.getTimestamp(2);
                    Timestamp sent = rs.getTimestamp(3);
                    Timestamp[] receipt = receipts.get(rs.getString(4) + ":" + rs.getString(5));
                    add(stages.get(0), event == null ? null : event[0], event == null ? null : event[1]);
                    add(stages.get(1), event == null ? null : event[1], written);
                    add(stages.get(2), written, sent);
                    add(stages.get(3), receipt == null ? null : receipt[0], receipt == null ? null : receipt[1]);
                }
            }
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            double[] sorted = stages.get(i).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            parts.add(String.format(Locale.ROOT, "%s %.1f/%.1f", NAMES[i], Phase.percentile(sorted, 50), Phase.percentile(sorted, 99)));
        }
        return String.join(", ", parts);
    }

    private static void add(List<Double> stage, Timestamp from, Timestamp to) {
        if (from != null && to != null) {
            stage.add((to.getTime() - from.getTime()) + (to.getNanos() % 1_000_000 - from.getNanos() % 1_000_000) / 1e6);
        }
    }
}
