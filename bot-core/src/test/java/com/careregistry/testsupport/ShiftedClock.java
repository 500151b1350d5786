package com.careregistry.testsupport;

import java.time.Duration;
import java.time.Instant;

/**
 * The real time, moved forward by as much as a test says: for tests of a whole service (the panel,
 * a chat adapter) where time must keep running (sessions, retries, leases) and a test still needs
 * to be half an hour later to see what is due.
 */
public class ShiftedClock extends UtcTestClock {

    private volatile Duration shift = Duration.ZERO;

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
