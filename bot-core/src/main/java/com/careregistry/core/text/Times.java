package com.careregistry.core.text;

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
}
