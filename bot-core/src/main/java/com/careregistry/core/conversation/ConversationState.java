package com.careregistry.core.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The step a user is at in a multi-step chat flow, and what the flow gathered so far. */
@Entity
@Table(name = "conversation_states")
public class ConversationState {

    @EmbeddedId
    private ConversationKey key;

    @Column(nullable = false)
    private String step;

    @Column(columnDefinition = "TEXT")
    private String data;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    /**
     * The number of the ticket the user is talking about ({@code current} in the data), kept as a
     * column of its own so the query that finds who wrote can join that ticket (a prefetch: the data
     * stays what counts).
     */
    @Column(name = "current_ticket")
    private Long currentTicket;

    protected ConversationState() {
    }

    ConversationState(ConversationKey key) {
        this.key = key;
    }

    /**
     * Moves to a step with its data. Staying where one is (the same step and data, the usual case of a
     * customer writing on their ticket) writes nothing unless an hour passed, so the time to live is
     * kept within an hour of the last message without a write per message.
     */
    void moveTo(String step, Map<String, String> data, Instant now, Instant expiresAt) {
        String encoded = encode(data);
        Long ticket = ticketNumber(data == null ? null : data.get("current"));
        if (step.equals(this.step) && java.util.Objects.equals(encoded, this.data) && java.util.Objects.equals(ticket, currentTicket)
                && updatedAt != null
                && updatedAt.plus(KEEP_ALIVE_WRITE).isAfter(now)) {
            return;
        }
        this.step = step;
        this.data = encoded;
        this.currentTicket = ticket;
        this.updatedAt = now;
        this.expiresAt = expiresAt;
    }

    private static final java.time.Duration KEEP_ALIVE_WRITE = java.time.Duration.ofHours(1);

    public ConversationKey key() {
        return key;
    }

    public String step() {
        return step;
    }

    public Map<String, String> data() {
        return decode(data);
    }

    public String get(String name) {
        return data().get(name);
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    private static Long ticketNumber(String current) {
        try {
            return current == null ? null : Long.valueOf(current);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    static String encode(Map<String, String> data) {
        if (data == null || data.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        data.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return out.toString();
    }

    static Map<String, String> decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, String> data = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                data.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Collections.unmodifiableMap(data);
    }
}
