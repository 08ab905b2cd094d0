package com.counterlink.bridge.agent;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    @Test
    void waitsGrowExponentiallyWithJitterUpToTheCapAndResetAfterSuccess() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
        long first = backoff.next().toMillis();
        assertTrue(first >= 500 && first <= 1000, "first " + first);
        long fourth = 0;
        for (int i = 0; i < 3; i++) {
            fourth = backoff.next().toMillis();
        }
        assertTrue(fourth >= 4000 && fourth <= 8000, "fourth " + fourth);
        for (int i = 0; i < 3; i++) {
            backoff.next();
        }
        for (int i = 0; i < 30; i++) {
            long wait = backoff.next().toMillis();
            assertTrue(wait >= 30_000 && wait <= 60_000, "capped " + wait);
        }
        backoff.reset();
        assertTrue(backoff.next().toMillis() <= 1000);
    }
}
