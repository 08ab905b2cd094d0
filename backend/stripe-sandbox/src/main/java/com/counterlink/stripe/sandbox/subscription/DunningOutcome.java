package com.counterlink.stripe.sandbox.subscription;

/** What happens to a subscription when every retry of a renewal payment has failed (Stripe's Billing settings). */
public enum DunningOutcome {
    /** Stripe's default: the subscription is canceled. */
    CANCEL,
    /** The subscription becomes {@code unpaid}: later invoices are created but not attempted. */
    UNPAID
}
