package com.counterlink.billing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A new price per connected store per month ({@code unitAmount} in the currency's minor unit, e.g. cents)
 * and currency (ISO 4217); trial and grace period in days, kept as they are when left out.
 */
@Serdeable
public record PlanCommand(@Nullable Long unitAmount, @Nullable String currency, @Nullable Integer trialDays,
                          @Nullable Integer graceDays) {
}
