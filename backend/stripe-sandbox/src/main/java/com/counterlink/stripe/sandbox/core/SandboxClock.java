package com.counterlink.stripe.sandbox.core;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The account's own time (objects not on a test clock live on it): a base clock plus an offset the management API
 * can move forward, so real-time renewals can be exercised without waiting.
 */
public final class SandboxClock {
    private final Clock base;
    private final AtomicLong offsetSeconds = new AtomicLong();
    private volatile Long fixedAt;

    public SandboxClock(Clock base) { this.base = base; }

    public long nowSeconds() {
        Long fixed = fixedAt;
        return (fixed != null ? fixed : base.instant().getEpochSecond()) + offsetSeconds.get();
    }

    public Instant now() { return Instant.ofEpochSecond(nowSeconds()); }

    public void advance(long seconds) {
        if (seconds < 0) throw new IllegalArgumentException("Time only moves forward");
        offsetSeconds.addAndGet(seconds);
    }

    /** Moves to {@code instant}, only forward: objects' periods and events never run backwards. */
    public void moveTo(Instant instant) {
        long delta = instant.getEpochSecond() - nowSeconds();
        if (delta < 0) throw new IllegalArgumentException("The sandbox clock only moves forward (now " + now() + ")");
        advance(delta);
    }

    /** The wall clock, for what must match real time: webhook signature timestamps, idempotency key expiry. */
    public long wallSeconds() { return base.instant().getEpochSecond(); }
}
