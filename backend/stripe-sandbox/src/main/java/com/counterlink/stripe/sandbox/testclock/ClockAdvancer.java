package com.counterlink.stripe.sandbox.testclock;

import java.util.function.LongConsumer;

/** Runs what falls due on a test clock (renewals, trial ends, payment retries) while its time moves forward. */
public interface ClockAdvancer {
    /**
     * Runs everything due up to {@code target} in time order, calling {@code moveTo} with each due time before running
     * it, so objects and events are stamped with the clock's time at that moment. Called under the state lock.
     */
    void advance(String clockId, long target, LongConsumer moveTo);

    /** The latest time the clock may be advanced to: two intervals of its shortest subscription (2 years without one). */
    long latestAllowed(String clockId, long frozenTime);
}
