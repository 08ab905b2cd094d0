package com.counterlink.stripe.sandbox.catalog;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A recurring price's billing interval. Periods are counted from the billing cycle anchor in UTC calendar units, the
 * day clamped to the month's length, as Stripe does: an anchor on Jan 31 bills Feb 28 (29), Mar 31, Apr 30...
 */
public record Recurring(String interval, long intervalCount, String usageType, Long trialPeriodDays) {

    /** The end of the {@code n}-th period after {@code anchor} (n = 1 is the end of the first period). */
    public long periodEnd(long anchor, long n) {
        ZonedDateTime start = ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(anchor), ZoneOffset.UTC);
        long units = n * intervalCount;
        ZonedDateTime end = switch (interval) {
            case "day" -> start.plusDays(units);
            case "week" -> start.plusWeeks(units);
            case "month" -> start.plusMonths(units);
            case "year" -> start.plusYears(units);
            default -> throw new IllegalStateException("interval " + interval);
        };
        return end.toEpochSecond();
    }

    /** The end of the period that contains {@code t}, for a cycle anchored at {@code anchor} (t ≥ anchor). */
    public long periodEndAfter(long anchor, long t) {
        long n = 1;
        while (periodEnd(anchor, n) <= t) n++;
        return periodEnd(anchor, n);
    }
}
