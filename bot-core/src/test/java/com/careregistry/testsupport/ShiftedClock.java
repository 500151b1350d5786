package com.careregistry.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The real time, moved forward by as much as a test says: for tests of a whole service (the panel,
 * a chat adapter) where time must keep running (sessions, retries, leases) and a test still needs
 * to be half an hour later to see what is due.
 */
public class ShiftedClock extends Clock {

    private volatile Duration shift = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }

    public void advance(Duration by) {
        shift = shift.plus(by);
    }

    public void reset() {
        shift = Duration.ZERO;
    }
}
