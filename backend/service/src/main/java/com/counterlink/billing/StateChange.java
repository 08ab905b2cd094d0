package com.counterlink.billing;

import java.time.Instant;
import java.util.UUID;

/** One row of a store's billable-state history: from {@code changedAt} on, the store was (not) billable. */
public record StateChange(long id, UUID siteId, Instant changedAt, boolean billable, BillingReason reason,
                          BillableState state) {
}
