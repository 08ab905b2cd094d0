package com.counterlink.stripe.sandbox.subscription;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A subscription's status and the moves Stripe allows between them; anything else is refused. */
public enum SubscriptionStatus {
    TRIALING("trialing"), ACTIVE("active"), INCOMPLETE("incomplete"), INCOMPLETE_EXPIRED("incomplete_expired"),
    PAST_DUE("past_due"), UNPAID("unpaid"), CANCELED("canceled"), PAUSED("paused");

    private static final Map<SubscriptionStatus, Set<SubscriptionStatus>> ALLOWED = Map.of(
            TRIALING, EnumSet.of(ACTIVE, PAST_DUE, CANCELED, PAUSED),
            ACTIVE, EnumSet.of(PAST_DUE, CANCELED),
            INCOMPLETE, EnumSet.of(ACTIVE, TRIALING, INCOMPLETE_EXPIRED, CANCELED),
            PAST_DUE, EnumSet.of(ACTIVE, UNPAID, CANCELED),
            UNPAID, EnumSet.of(ACTIVE, CANCELED),
            PAUSED, EnumSet.of(ACTIVE, CANCELED),
            INCOMPLETE_EXPIRED, EnumSet.noneOf(SubscriptionStatus.class),
            CANCELED, EnumSet.noneOf(SubscriptionStatus.class));

    private final String wire;

    SubscriptionStatus(String wire) { this.wire = wire; }

    public String wire() { return wire; }

    public boolean canBecome(SubscriptionStatus next) { return ALLOWED.get(this).contains(next); }

    /** Ended for good: no invoices, no changes but metadata. */
    public boolean isTerminal() { return this == CANCELED || this == INCOMPLETE_EXPIRED; }

    /** Renews at period end (a past_due or unpaid subscription keeps being invoiced). */
    public boolean renews() { return this == ACTIVE || this == PAST_DUE || this == UNPAID; }
}
