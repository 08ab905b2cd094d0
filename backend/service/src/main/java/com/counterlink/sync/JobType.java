package com.counterlink.sync;

import java.time.Duration;

/** The four jobs every store has, each on its own interval. */
public enum JobType {
    PRODUCTS(Duration.ofMinutes(15)),
    INVENTORY(Duration.ofMinutes(1)),
    PRICING(Duration.ofMinutes(15)),
    ORDERS(Duration.ofMinutes(1));

    private final Duration defaultInterval;

    JobType(Duration defaultInterval) {
        this.defaultInterval = defaultInterval;
    }

    public Duration defaultInterval() {
        return defaultInterval;
    }
}
