package com.counterlink.platform.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TokenBuckets buckets = new TokenBuckets(now::get);

    @Test
    void aBurstUpToTheMinutesAllowancePassesAndTheNextWaitsForOneToken() {
        for (int i = 0; i < 6; i++) {
            assertEquals(0, buckets.take("a", 6), "request " + i);
        }
        assertEquals(10, buckets.take("a", 6), "6 a minute: one token every 10 s");
        assertEquals(0, buckets.take("b", 6), "another caller has its own bucket");
    }

    @Test
    void tokensComeBackWithTime() {
        for (int i = 0; i < 60; i++) {
            buckets.take("a", 60);
        }
        assertTrue(buckets.take("a", 60) > 0);
        advance(2);
        assertEquals(0, buckets.take("a", 60));
        assertEquals(0, buckets.take("a", 60));
        assertTrue(buckets.take("a", 60) > 0);
    }

    @Test
    void callersQuietForAMinuteAreForgotten() {
        buckets.take("a", 60);
        buckets.take("b", 60);
        assertEquals(2, buckets.size());
        advance(61);
        buckets.take("c", 60);
        assertEquals(1, buckets.size());
    }

    private void advance(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }
}
