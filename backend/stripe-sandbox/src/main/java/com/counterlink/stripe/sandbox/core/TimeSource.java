package com.counterlink.stripe.sandbox.core;

/** The current time of a scope: a test clock's frozen time, or the account's clock when {@code testClockId} is null. */
@FunctionalInterface
public interface TimeSource {
    long now(String testClockId);
}
