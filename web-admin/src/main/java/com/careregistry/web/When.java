package com.careregistry.web;

import com.careregistry.core.text.Times;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Times as the panel shows them ({@code ${@when.at(...)}} in templates): UTC, to the minute. */
@Component("when")
public class When {

    public String at(Instant instant) {
        return Times.minute(instant);
    }

    public String span(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes < 60 ? minutes + " min" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }
}
