package com.counterlink.stripe.sandbox.subscription;

import java.util.Map;

/**
 * One requested change to a subscription's items ({@code items[n]} of an update or a preview).
 *
 * @param existing  the item changed or deleted, or null for a new item
 * @param priceId   the price after the change (null when deleted)
 * @param quantity  the quantity after the change
 * @param metadata  metadata to apply, or null
 */
record ItemChange(SubscriptionItem existing, String priceId, long quantity, boolean deleted, Map<String, String> metadata) {

    boolean changesBilling() {
        if (existing == null || deleted) return true;
        return !existing.priceId().equals(priceId) || existing.quantity() != quantity;
    }
}
