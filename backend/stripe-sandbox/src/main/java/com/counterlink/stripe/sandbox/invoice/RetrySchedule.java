package com.counterlink.stripe.sandbox.invoice;

import java.time.Duration;
import java.util.List;

/**
 * When a failed renewal payment is tried again: each delay counts from the previous attempt (Stripe's "custom retry
 * schedule"). After the last one fails, the subscription's dunning outcome applies.
 */
public record RetrySchedule(List<Duration> delays) {
    public static RetrySchedule defaults() { return new RetrySchedule(List.of(Duration.ofDays(3), Duration.ofDays(5), Duration.ofDays(7))); }

    public RetrySchedule {
        delays = List.copyOf(delays);
    }

    /** The time of the next automatic attempt after failed attempt number {@code attempt} (1-based), or null when none is left. */
    Long nextAttempt(int attempt, long failedAt) {
        return attempt <= delays.size() ? failedAt + delays.get(attempt - 1).toSeconds() : null;
    }
}
