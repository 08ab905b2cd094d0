package com.counterlink.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for a condition the system reaches by itself (Awaitility's {@code await().atMost(..).until(..)}, without the dependency). */
public final class Eventually {

    private Eventually() {
    }

    /** Polls every 50 ms; fails with {@code what} when the condition is still false after {@code atMost}. Answers how long it took. */
    public static Duration until(Duration atMost, String what, BooleanSupplier condition) throws InterruptedException {
        Instant start = Instant.now();
        while (!condition.getAsBoolean()) {
            if (Duration.between(start, Instant.now()).compareTo(atMost) > 0) {
                throw new AssertionError("not within " + atMost.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
        return Duration.between(start, Instant.now());
    }
}
