package com.counterlink.woo.sandbox.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The store's notion of "now". Controllable so tests can reproduce date filters and OAuth timestamp windows. */
public final class SandboxClock {
    private final Clock system;
    private volatile Instant fixed;
    private volatile Duration offset = Duration.ZERO;

    public SandboxClock(Clock system) { this.system = system; }

    /** WordPress stores post dates with one-second resolution; so do we. */
    public Instant now() {
        Instant base = fixed != null ? fixed : system.instant();
        return base.plus(offset).truncatedTo(ChronoUnit.SECONDS);
    }

    public void fixAt(Instant instant) {
        this.fixed = instant;
        this.offset = Duration.ZERO;
    }

    public void advance(Duration d) { this.offset = this.offset.plus(d); }

    public void useSystemTime() {
        this.fixed = null;
        this.offset = Duration.ZERO;
    }
}
