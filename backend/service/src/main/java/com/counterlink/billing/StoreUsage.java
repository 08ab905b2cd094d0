package com.counterlink.billing;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * One store's usage in a billing period: its billable periods, the days it was billable at any moment
 * (UTC), its billable seconds, the seconds charged (outside the trial) and their prorated amount (null
 * while no price is set for the period).
 */
public record StoreUsage(UUID siteId, List<BillablePeriod> periods, int storeDays, long billableSeconds,
                         long chargedSeconds, @Nullable Long amount) {
}
