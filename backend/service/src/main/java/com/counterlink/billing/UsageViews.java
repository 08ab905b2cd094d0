package com.counterlink.billing;

import com.counterlink.sync.JobType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What {@code GET /api/tenants/{t}/billing/usage} answers; amounts in the currency's minor unit. */
public final class UsageViews {

    private UsageViews() {
    }

    /**
     * A company's month: counted from {@code from} until {@code countedUntil} (now, in the current month),
     * priced by {@code price} (null: no price set for the month). {@code billableStoresNow} is today's count.
     */
    @Serdeable
    public record MonthUsage(String month, Instant from, Instant to, Instant countedUntil, @Nullable Price price,
                             @Nullable Trial trial, int storeDays, @Nullable Long amount, int billableStoresNow,
                             List<StoreMonth> stores) {
    }

    @Serdeable
    public record Price(String currency, long unitAmount, int trialDays, int graceDays, Instant effectiveFrom) {

        static Price of(Plan plan) {
            return new Price(plan.currency(), plan.unitAmount(), plan.trialDays(), plan.graceDays(), plan.effectiveFrom());
        }
    }

    /** From the first moment any store of the company was billable; time inside it is charged nothing. */
    @Serdeable
    public record Trial(Instant from, Instant to) {
    }

    /** {@code chargedSeconds} = billable seconds outside the trial; {@code amount} = their share of the month's price. */
    @Serdeable
    public record StoreMonth(UUID siteId, String name, String status, int storeDays, long billableSeconds,
                             long chargedSeconds, @Nullable Long amount, List<Period> periods) {
    }

    /** Billable from {@code from} to {@code to}; {@code continues} when it had not ended by then. */
    @Serdeable
    public record Period(Instant from, Instant to, boolean continues, Change startedBy, @Nullable Change endedBy) {

        static Period of(BillablePeriod period) {
            return new Period(period.window().from(), period.window().to(), period.continues(), Change.of(period.startedBy()),
                    period.endedBy() == null ? null : Change.of(period.endedBy()));
        }
    }

    /** A history row: when, what happened, and the state it left the store in ({@code why}, the jobs on). */
    @Serdeable
    public record Change(Instant at, BillingReason reason, String why, List<JobType> jobsOn) {

        static Change of(StateChange change) {
            return new Change(change.changedAt(), change.reason(), change.state().explain(), change.state().jobsOn());
        }
    }
}
