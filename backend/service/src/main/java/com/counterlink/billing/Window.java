package com.counterlink.billing;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** A half-open stretch of time [from, to). */
public record Window(Instant from, Instant to) {

    public Window {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a window ends before it starts: " + from + " .. " + to);
        }
    }

    /** A calendar month in UTC: the billing period. */
    public static Window of(YearMonth month) {
        return new Window(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** Whole seconds between the two Unix timestamps, as Stripe counts (so the parts of a window add up to it). */
    public long seconds() {
        return to.getEpochSecond() - from.getEpochSecond();
    }

    public boolean isEmpty() {
        return !to.isAfter(from);
    }

    /** The part of this window inside {@code other}; empty (zero length at a bound) when they do not meet. */
    public Window within(Window other) {
        Instant start = from.isAfter(other.from) ? from : other.from;
        Instant end = to.isBefore(other.to) ? to : other.to;
        return end.isAfter(start) ? new Window(start, end) : new Window(start, start);
    }

    public long overlapSeconds(Window other) {
        return within(other).seconds();
    }
}
