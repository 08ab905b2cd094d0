package com.counterlink.billing;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/** Rebuilds a store's usage in a period from its billable-state history. Pure: no clock, no database. */
public final class UsageCalculator {

    private UsageCalculator() {
    }

    /**
     * @param changes    the store's history rows in order: every row inside the period and the last one before it
     * @param period     the billing period; its length is what the price is for
     * @param now        time not yet lived is not counted: a period in progress is counted up to now
     * @param trial      time charged nothing (null: no trial)
     * @param unitAmount the price per store for the period in minor units (null: no price set)
     */
    public static StoreUsage store(UUID siteId, List<StateChange> changes, Window period, Instant now,
                                   @Nullable Window trial, @Nullable Long unitAmount) {
        List<BillablePeriod> periods = periods(changes, counted(period, now));
        long billable = 0;
        long charged = 0;
        SortedSet<LocalDate> days = new TreeSet<>();
        for (BillablePeriod p : periods) {
            billable += p.window().seconds();
            charged += p.window().seconds() - (trial == null ? 0 : p.window().overlapSeconds(trial));
            days.addAll(daysOf(p.window()));
        }
        Long amount = unitAmount == null ? null : Proration.amount(unitAmount, charged, period.seconds());
        return new StoreUsage(siteId, periods, days.size(), billable, charged, amount);
    }

    /** The part of the period lived by {@code now}: all of it once over, none of it before it starts. */
    public static Window counted(Window period, Instant now) {
        return period.within(new Window(period.from(), now.isAfter(period.from()) ? now : period.from()));
    }

    /** From each change to billable until the next change away from it, cut to {@code counted}. */
    static List<BillablePeriod> periods(List<StateChange> changes, Window counted) {
        List<BillablePeriod> periods = new ArrayList<>();
        StateChange start = null;
        for (StateChange change : changes) {
            if (change.billable() && start == null) {
                start = change;
            } else if (!change.billable() && start != null) {
                add(periods, start, change, counted);
                start = null;
            }
        }
        if (start != null) {
            add(periods, start, null, counted);
        }
        return periods;
    }

    private static void add(List<BillablePeriod> periods, StateChange start, @Nullable StateChange end, Window counted) {
        Instant to = end == null || end.changedAt().isAfter(counted.to()) ? counted.to() : end.changedAt();
        Instant from = start.changedAt().isAfter(to) ? to : start.changedAt();
        Window cut = new Window(from, to).within(counted);
        if (cut.isEmpty()) {
            return;
        }
        boolean endsInside = end != null && !end.changedAt().isAfter(counted.to());
        periods.add(new BillablePeriod(cut, !endsInside, start, endsInside ? end : null));
    }

    /** The UTC days a window touches: billable at any moment of a day makes the day count. */
    static List<LocalDate> daysOf(Window window) {
        if (window.isEmpty()) {
            return List.of();
        }
        LocalDate first = LocalDate.ofInstant(window.from(), ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(window.to().minusNanos(1), ZoneOffset.UTC);
        return first.datesUntil(last.plusDays(1)).toList();
    }
}
