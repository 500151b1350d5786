package com.careregistry.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times as the panel shows them ({@code ${@when.at(...)}} in templates): UTC, to the minute. */
@Component("when")
public class When {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String at(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    public String span(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes < 60 ? minutes + " min" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }
}
