package com.counterlink.sync.catalog;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Quantities promised to web orders (of every store on this Counterpoint) that Counterpoint's own
 * quantities do not show yet. The orders work provides the real implementation.
 */
public interface Allocations {

    /** Allocated quantity per {@link StockKey} of the given items; absent keys are 0. */
    Map<StockKey, BigDecimal> allocated(UUID tenantId, Collection<String> itemNos);

    /**
     * Web orders hold more of {@code key} than Counterpoint has at the store's locations: two stores sold
     * the same last unit inside WooCommerce's own window. The orders work flags this store's orders among
     * those that came last (each store is judged by its own locations).
     */
    default void oversold(UUID tenantId, UUID siteId, String storeName, StockKey key, BigDecimal available) {
    }

    /** An item (cell "") or one grid cell ("DIM1|DIM2|DIM3"). */
    record StockKey(String itemNo, String cell) {
    }
}
