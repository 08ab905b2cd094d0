package com.counterlink.billing;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlanEffectiveFromTest {

    @Test
    void aNewPriceStartsWithNextMonthSoThePeriodUnderWayKeepsItsPrice() {
        assertEquals(Instant.parse("2026-05-01T00:00:00Z"), PlanService.effectiveFrom(true, Instant.parse("2026-04-17T10:00:00Z")));
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), PlanService.effectiveFrom(true, Instant.parse("2026-12-31T23:59:59Z")));
    }

    @Test
    void theFirstPriceEverPricesTheMonthUnderWay() {
        assertEquals(Instant.parse("2026-04-01T00:00:00Z"), PlanService.effectiveFrom(false, Instant.parse("2026-04-17T10:00:00Z")));
    }
}
