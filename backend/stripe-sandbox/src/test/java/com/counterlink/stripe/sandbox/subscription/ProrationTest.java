package com.counterlink.stripe.sandbox.subscription;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The arithmetic of reference section 5, on its own. */
class ProrationTest {
    private static final long MARCH_1 = Instant.parse("2026-03-01T00:00:00Z").getEpochSecond();
    private static final long APRIL_1 = Instant.parse("2026-04-01T00:00:00Z").getEpochSecond();

    @Test
    void halfThePeriodLeftIsHalfTheAmount() {
        long mid = Instant.parse("2026-03-16T12:00:00Z").getEpochSecond();
        assertEquals(2250, Proration.remaining(1500, 3, mid, MARCH_1, APRIL_1));
        assertEquals(3750, Proration.remaining(1500, 5, mid, MARCH_1, APRIL_1));
    }

    @Test
    void eachLineIsRoundedToTheCentHalfUp() {
        // 1,006,200 s of 2,678,400 left: 4500 × 0.37567... = 1690.52 → 1691; 7500 × ... = 2817.54 → 2818
        long t = Instant.parse("2026-03-20T08:30:00Z").getEpochSecond();
        assertEquals(1691, Proration.remaining(1500, 3, t, MARCH_1, APRIL_1));
        assertEquals(2818, Proration.remaining(1500, 5, t, MARCH_1, APRIL_1));
        // exactly half a cent rounds up: 1 × 1 cent over half of a 2-second period
        assertEquals(1, Proration.remaining(1, 1, 1, 0, 2));
        assertEquals(0, Proration.remaining(1, 1, 3, 0, 4), "a quarter of a cent rounds down");
    }

    @Test
    void nothingIsLeftAtOrAfterThePeriodsEnd() {
        assertEquals(0, Proration.remaining(1500, 3, APRIL_1, MARCH_1, APRIL_1));
        assertEquals(4500, Proration.remaining(1500, 3, MARCH_1, MARCH_1, APRIL_1), "the whole period left is the whole amount");
    }
}
