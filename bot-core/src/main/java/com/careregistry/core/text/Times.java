package com.careregistry.core.text;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as people read them everywhere (chat, emails, the panel): UTC, to the minute, saying so. */
public final class Times {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** {@code 2026-03-01 12:00 UTC}; empty for none. */
    public static String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    /** {@code 45 min}, {@code 2 h}, {@code 1 h 30 min}: a span of time to the minute (never negative). */
    public static String span(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes % 60 == 0 ? (minutes / 60) + " h" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }
}
