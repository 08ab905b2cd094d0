package com.counterlink.stores;

import java.util.UUID;

/**
 * Published (Micronaut application event) after a store's link changed and the change is committed:
 * WooCommerce handed over its keys, keys were entered by hand, or the store was removed. Whoever
 * follows a store's state (billing) listens; this package knows nothing of them.
 */
public record StoreChanged(UUID tenantId, UUID siteId, Change change) {

    public enum Change {
        LINKED, KEYS_SAVED, REMOVED
    }
}
