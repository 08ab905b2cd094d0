package com.counterlink.stripe.sandbox.subscription;

import java.util.List;

/**
 * A validated subscription update.
 *
 * @param prorationBehavior create_prorations | none | always_invoice
 * @param prorationDate     the second the change is prorated at (default: now)
 * @param trialEnd          null = unchanged, 0 = {@code now}, else a new trial end
 * @param cancelAtPeriodEnd null = unchanged
 * @param metadata          the metadata after the update, or null when not sent
 * @param defaultPaymentMethod null = unchanged, "" = unset
 */
record UpdateRequest(List<ItemChange> items, String prorationBehavior, Long prorationDate, String paymentBehavior, Long trialEnd,
                     Boolean cancelAtPeriodEnd, java.util.Map<String, String> metadata, String description, String defaultPaymentMethod,
                     String cancellationComment, String cancellationFeedback) {}
