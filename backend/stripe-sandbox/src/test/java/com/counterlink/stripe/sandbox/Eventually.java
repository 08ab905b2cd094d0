package com.counterlink.stripe.sandbox;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something asynchronous (a test clock advance, a webhook delivery) by polling, with a deadline. */
final class Eventually {
    private Eventually() {}

    static <T> T await(String what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null && !Boolean.FALSE.equals(value)) return value;
            if (System.nanoTime() > deadline) throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what, e);
            }
        }
    }

    static <T> T await(String what, Supplier<T> probe) { return await(what, Duration.ofSeconds(10), probe); }
}
