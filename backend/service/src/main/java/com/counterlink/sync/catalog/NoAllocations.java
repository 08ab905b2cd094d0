package com.counterlink.sync.catalog;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Until web orders are allocated, nothing is: any other {@link Allocations} bean replaces this one. */
@Singleton
@Secondary
public class NoAllocations implements Allocations {

    @Override
    public Map<StockKey, BigDecimal> allocated(UUID tenantId, Collection<String> itemNos) {
        return Map.of();
    }
}
