package com.careregistry.testsupport;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock of the tests' own, in UTC like the service's, whatever zone it is asked for. */
public abstract class UtcTestClock extends Clock {

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
