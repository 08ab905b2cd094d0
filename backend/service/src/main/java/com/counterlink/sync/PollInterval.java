package com.counterlink.sync;

import java.time.Duration;

/**
 * How long a light poll waits before its next look at a store: the base interval after it found work,
 * 1.5 times longer per idle look up to {@code idleMax}, twice as long per failed look up to
 * {@code failingMax}, so a quiet store costs few requests and a store that is down fewer still.
 */
public record PollInterval(Duration base, Duration idleMax, Duration failingMax) {

    static final double IDLE_FACTOR = 1.5;
    static final double FAILING_FACTOR = 2.0;

    public PollInterval {
        if (base == null || base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("the light poll's interval must be positive, got " + base);
        }
        if (idleMax == null || idleMax.compareTo(base) < 0) {
            throw new IllegalArgumentException("the light poll's idle-max-interval (" + idleMax
                    + ") must be at least its interval (" + base + ")");
        }
        if (failingMax == null || failingMax.compareTo(idleMax) < 0) {
            throw new IllegalArgumentException("the light poll's failing-max-interval (" + failingMax
                    + ") must be at least its idle-max-interval (" + idleMax + ")");
        }
    }

    /** The look found work: back to the base interval. */
    public Duration afterActivity() {
        return base;
    }

    /** The look found nothing new: a little longer, never beyond {@code idleMax} (also coming down from a failing store's longer wait). */
    public Duration afterIdle(Duration current) {
        return min(times(atLeastBase(current), IDLE_FACTOR), idleMax);
    }

    /** The store did not answer: longer still, up to {@code failingMax}. */
    public Duration afterFailure(Duration current) {
        return min(times(atLeastBase(current), FAILING_FACTOR), failingMax);
    }

    private Duration atLeastBase(Duration current) {
        return current == null || current.compareTo(base) < 0 ? base : current;
    }

    private static Duration times(Duration duration, double factor) {
        return Duration.ofMillis(Math.round(duration.toMillis() * factor));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
