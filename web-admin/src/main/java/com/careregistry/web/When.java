package com.careregistry.web;

import com.careregistry.core.text.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Times as the panel shows them ({@code ${@when.at(...)}} in templates): UTC, to the minute. */
@Component("when")
public class When {

    private final Clock clock;

    public When(Clock clock) {
        this.clock = clock;
    }

    public String at(Instant instant) {
        return Times.minute(instant);
    }

    public String span(Duration duration) {
        return Times.span(duration);
    }

    /** Whether a due time has passed. */
    public boolean past(Instant due) {
        return due.isBefore(clock.instant());
    }

    /**
     * How far a due time is from now, either way, to the minute: {@code 1 h 20 min}. Time left is
     * rounded up (4 min 50 s left is "in 5 min"), time overdue down (so neither says 0 too early).
     */
    public String from(Instant due) {
        Duration left = Duration.between(clock.instant(), due);
        if (left.isNegative()) {
            return Times.span(left.negated());
        }
        return Times.span(left.plusMinutes(1).minusNanos(1));
    }
}
