package com.counterlink.billing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * The terms in force from {@code effectiveFrom} (the start of a month, UTC) until a later plan takes over:
 * the price per connected store per month ({@code unitAmount} in the currency's minor unit, as Stripe's
 * {@code unit_amount}), the trial and the grace period for failed payments. Never changed once recorded.
 */
@Serdeable
public record Plan(long id, Instant effectiveFrom, String currency, long unitAmount, int trialDays, int graceDays,
                   Instant createdAt, String createdBy, @Nullable String createdByEmail) {

    /** Until an admin sets a trial length. */
    public static final int DEFAULT_TRIAL_DAYS = 14;
    /** Until an admin sets a grace period. */
    public static final int DEFAULT_GRACE_DAYS = 7;
}
