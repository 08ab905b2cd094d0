package com.counterlink.sync.catalog;

import com.counterlink.bridge.protocol.operations.ReadStock;
import com.counterlink.sync.BridgeOfflineException;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Counterpoint's stock of items at a store's locations and what web orders hold of it: the inputs of a web quantity. */
@Singleton
public class StockLevels {

    private final Counterpoint counterpoint;
    private final Allocations allocations;

    public StockLevels(Counterpoint counterpoint, Allocations allocations) {
        this.counterpoint = counterpoint;
        this.allocations = allocations;
    }

    /** Summed over the locations, per item (cell "") or grid cell, with the cells each gridded item has there. */
    public record Levels(Map<Allocations.StockKey, BigDecimal> available, Map<Allocations.StockKey, BigDecimal> allocated,
                         Map<String, List<String>> cells) {

        public int webQuantity(Allocations.StockKey key, int safetyBuffer) {
            return WebQuantity.of(available.getOrDefault(key, BigDecimal.ZERO), allocated.getOrDefault(key, BigDecimal.ZERO),
                    safetyBuffer);
        }
    }

    public Levels read(UUID tenantId, List<String> locations, List<String> itemNos) throws BridgeOfflineException {
        Map<Allocations.StockKey, BigDecimal> available = new HashMap<>();
        Map<String, Set<String>> cells = new LinkedHashMap<>();
        for (ReadStock.Level level : counterpoint.read(tenantId, new ReadStock(locations, itemNos)).levels()) {
            BigDecimal qty = level.available() == null ? BigDecimal.ZERO : level.available();
            String cell = Cells.of(level.dim1(), level.dim2(), level.dim3());
            available.merge(new Allocations.StockKey(level.itemNo(), cell), qty, BigDecimal::add);
            if (!cell.isEmpty()) {
                cells.computeIfAbsent(level.itemNo(), i -> new LinkedHashSet<>()).add(cell);
            }
        }
        Map<String, List<String>> cellLists = new HashMap<>();
        cells.forEach((itemNo, set) -> cellLists.put(itemNo, List.copyOf(set)));
        return new Levels(available, allocations.allocated(tenantId, itemNos), cellLists);
    }
}
