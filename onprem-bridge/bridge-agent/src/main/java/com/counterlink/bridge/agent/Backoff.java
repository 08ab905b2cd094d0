package com.counterlink.bridge.agent;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: the n-th wait is random in [m/2, m], m = min(cap, base * 2^n),
 * so thousands of bridges coming back after an outage do not all reconnect in the same second,
 * and none hammers the cloud with near-zero waits.
 */
final class Backoff {

    private final Duration base;
    private final Duration cap;
    private int failures;

    Backoff(Duration base, Duration cap) {
        this.base = base;
        this.cap = cap;
    }

    Duration next() {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(failures, 20));
        failures++;
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    void reset() {
        failures = 0;
    }
}
