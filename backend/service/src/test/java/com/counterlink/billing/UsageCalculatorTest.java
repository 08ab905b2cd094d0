package com.counterlink.billing;

import com.counterlink.sync.JobType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageCalculatorTest {

    static final Window APRIL = Window.of(YearMonth.of(2026, 4));
    static final Instant AFTER_APRIL = Instant.parse("2026-05-02T00:00:00Z");
    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();

    long ids;

    /**
     * The issue's example, by hand. Price 19.99 per store and month, trial 14 days. On April 1 at 09:00 two
     * stores are linked and switched on: the trial runs to April 15, 09:00. Store B is unlinked on day 10
     * (12:00) and linked again on day 20 (12:00); the month (30 days = 2,592,000 s) ends.
     *   A: charged Apr 15 09:00 -> May 1 00:00 = 15 d 15 h = 1,350,000 s -> 1999 x 1,350,000 / 2,592,000 = 1041.15 -> 1041
     *   B: Apr 1 09:00 -> Apr 10 12:00 lies inside the trial (0 s charged);
     *      Apr 20 12:00 -> May 1 00:00 = 10 d 12 h = 907,200 s -> 1999 x 907,200 / 2,592,000 = 699.65 -> 700
     *   total 1741; store-days: A every day (30), B days 1-10 and 20-30 (21) = 51.
     */
    @Test
    void theIssuesExampleWithATrialTwoStoresAndAnUnlinkedAndRelinkedOne() {
        Instant firstBillable = Instant.parse("2026-04-01T09:00:00Z");
        Window trial = new Window(firstBillable, firstBillable.plus(Duration.ofDays(14)));
        List<StateChange> a = List.of(on(A, "2026-04-01T09:00:00Z", BillingReason.JOB_SWITCHED_ON));
        List<StateChange> b = List.of(on(B, "2026-04-01T09:00:00Z", BillingReason.JOB_SWITCHED_ON),
                off(B, "2026-04-10T12:00:00Z", BillingReason.STORE_REMOVED),
                on(B, "2026-04-20T12:00:00Z", BillingReason.KEYS_SAVED));

        StoreUsage storeA = UsageCalculator.store(A, a, APRIL, AFTER_APRIL, trial, 1999L);
        StoreUsage storeB = UsageCalculator.store(B, b, APRIL, AFTER_APRIL, trial, 1999L);

        assertEquals(1_350_000, storeA.chargedSeconds());
        assertEquals(1041, storeA.amount());
        assertEquals(30, storeA.storeDays());
        assertEquals(907_200, storeB.chargedSeconds());
        assertEquals(700, storeB.amount());
        assertEquals(21, storeB.storeDays());
        assertEquals(1741, storeA.amount() + storeB.amount());

        assertEquals(2, storeB.periods().size());
        BillablePeriod first = storeB.periods().get(0);
        assertEquals(Instant.parse("2026-04-01T09:00:00Z"), first.window().from());
        assertEquals(Instant.parse("2026-04-10T12:00:00Z"), first.window().to());
        assertEquals(BillingReason.STORE_REMOVED, first.endedBy().reason());
        assertFalse(first.continues());
        BillablePeriod second = storeB.periods().get(1);
        assertEquals(BillingReason.KEYS_SAVED, second.startedBy().reason());
        assertEquals(APRIL.to(), second.window().to());
        assertTrue(second.continues(), "still billable when April ended");
        assertNull(second.endedBy());
    }

    @Test
    void aStoreBillableSinceAnEarlierMonthCountsFromThisMonthsStart() {
        List<StateChange> changes = List.of(on(A, "2026-02-11T08:00:00Z", BillingReason.SETTINGS_SAVED),
                off(A, "2026-04-10T00:00:00Z", BillingReason.JOB_SWITCHED_OFF));

        StoreUsage usage = UsageCalculator.store(A, changes, APRIL, AFTER_APRIL, null, 3000L);

        assertEquals(1, usage.periods().size());
        assertEquals(APRIL.from(), usage.periods().get(0).window().from());
        assertEquals(BillingReason.SETTINGS_SAVED, usage.periods().get(0).startedBy().reason(), "why it is billable");
        assertEquals(9 * 86_400, usage.billableSeconds());
        assertEquals(9, usage.storeDays(), "April 1 to 9; ending at midnight does not touch the 10th");
        assertEquals(900, usage.amount());
    }

    @Test
    void aFewSecondsMakeTheDayCountButCostOnlyTheirShare() {
        List<StateChange> changes = List.of(on(A, "2026-04-05T23:59:50Z", BillingReason.JOB_SWITCHED_ON),
                off(A, "2026-04-06T00:00:10Z", BillingReason.JOB_SWITCHED_OFF));

        StoreUsage usage = UsageCalculator.store(A, changes, APRIL, AFTER_APRIL, null, 3000L);

        assertEquals(20, usage.billableSeconds());
        assertEquals(2, usage.storeDays(), "billable at some moment of April 5 and of April 6");
        assertEquals(0, usage.amount(), "3000 x 20 / 2,592,000 = 0.02");
    }

    @Test
    void aBlinkOfBillableTimeIsStillAPeriodAndItsDayCounts() {
        List<StateChange> changes = List.of(on(A, "2026-04-07T10:00:00.200Z", BillingReason.JOB_SWITCHED_ON),
                off(A, "2026-04-07T10:00:00.700Z", BillingReason.JOB_SWITCHED_OFF));

        StoreUsage usage = UsageCalculator.store(A, changes, APRIL, AFTER_APRIL, null, 3000L);

        assertEquals(1, usage.periods().size(), "shown, to explain the day");
        assertEquals(1, usage.storeDays());
        assertEquals(0, usage.billableSeconds(), "the same Unix second");
    }

    @Test
    void theCurrentMonthIsCountedUpToNow() {
        Instant now = Instant.parse("2026-04-16T00:00:00Z");
        List<StateChange> changes = List.of(on(A, "2026-04-01T00:00:00Z", BillingReason.STORE_LINKED));

        StoreUsage usage = UsageCalculator.store(A, changes, APRIL, now, null, 3000L);

        assertEquals(15 * 86_400, usage.billableSeconds());
        assertEquals(1500, usage.amount(), "half the month so far");
        assertEquals(15, usage.storeDays());
        assertTrue(usage.periods().get(0).continues());
        assertEquals(now, usage.periods().get(0).window().to());
    }

    @Test
    void aMonthBeforeOrWithoutBillableTimeHasNoPeriods() {
        List<StateChange> endedInMarch = List.of(on(A, "2026-03-01T00:00:00Z", BillingReason.STORE_LINKED),
                off(A, "2026-03-20T00:00:00Z", BillingReason.STORE_REMOVED));
        assertEquals(List.of(), UsageCalculator.store(A, endedInMarch, APRIL, AFTER_APRIL, null, 3000L).periods());

        List<StateChange> startsLater = List.of(on(A, "2026-04-20T00:00:00Z", BillingReason.STORE_LINKED));
        StoreUsage notYet = UsageCalculator.store(A, startsLater, APRIL, Instant.parse("2026-04-10T00:00:00Z"), null, 3000L);
        assertEquals(List.of(), notYet.periods());
        assertEquals(0, notYet.amount());
    }

    @Test
    void withoutAPriceTheTimeIsCountedAndTheAmountIsUnknown() {
        StoreUsage usage = UsageCalculator.store(A, List.of(on(A, "2026-04-01T00:00:00Z", BillingReason.STORE_LINKED)),
                APRIL, AFTER_APRIL, null, null);

        assertEquals(APRIL.seconds(), usage.chargedSeconds());
        assertNull(usage.amount());
    }

    @Test
    void aTrialThatEndsInsideTheMonthChargesOnlyTheTimeAfterIt() {
        Window trial = new Window(Instant.parse("2026-03-25T00:00:00Z"), Instant.parse("2026-04-08T00:00:00Z"));
        List<StateChange> changes = List.of(on(A, "2026-03-25T00:00:00Z", BillingReason.STORE_LINKED));

        StoreUsage usage = UsageCalculator.store(A, changes, APRIL, AFTER_APRIL, trial, 3000L);

        assertEquals(30 * 86_400, usage.billableSeconds());
        assertEquals(23 * 86_400, usage.chargedSeconds());
        assertEquals(2300, usage.amount());
        assertEquals(30, usage.storeDays(), "store-days count trial days too");
    }

    @Test
    void daysOfAWindowAreTheUtcDaysItTouches() {
        assertEquals(List.of(LocalDate.of(2026, 4, 1)),
                UsageCalculator.daysOf(new Window(Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-04-02T00:00:00Z"))));
        assertEquals(List.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 2)),
                UsageCalculator.daysOf(new Window(Instant.parse("2026-04-01T23:00:00Z"), Instant.parse("2026-04-02T00:00:01Z"))));
        assertEquals(List.of(), UsageCalculator.daysOf(new Window(APRIL.from(), APRIL.from())));
    }

    private StateChange on(UUID site, String at, BillingReason reason) {
        return new StateChange(++ids, site, Instant.parse(at), true, reason,
                new BillableState("ACTIVE", "ACTIVE", true, List.of(JobType.PRODUCTS)));
    }

    private StateChange off(UUID site, String at, BillingReason reason) {
        return new StateChange(++ids, site, Instant.parse(at), false, reason,
                new BillableState("ACTIVE", reason == BillingReason.STORE_REMOVED ? "REMOVED" : "ACTIVE", true,
                        new ArrayList<>()));
    }
}
