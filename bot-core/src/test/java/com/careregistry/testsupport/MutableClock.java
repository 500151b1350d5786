package com.careregistry.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A clock tests can move forward, to see what expires. Starts at the real time. */
public class MutableClock extends UtcTestClock {

    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Override
    public Instant instant() {
        return now;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    public void reset() {
        now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
