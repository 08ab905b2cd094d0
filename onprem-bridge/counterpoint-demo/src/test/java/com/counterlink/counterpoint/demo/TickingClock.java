package com.counterlink.counterpoint.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves one second forward every time it is read, so each change gets a later LST_MAINT_DT. */
final class TickingClock extends Clock {
    private Instant next;

    TickingClock(Instant start) {
        this.next = start;
    }

    static TickingClock startingAt(String isoInstant) {
        return new TickingClock(Instant.parse(isoInstant));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized Instant instant() {
        Instant now = next;
        next = next.plus(Duration.ofSeconds(1));
        return now;
    }
}
