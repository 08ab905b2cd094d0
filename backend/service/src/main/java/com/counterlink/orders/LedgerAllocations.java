package com.counterlink.orders;

import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.sync.catalog.Allocations;
import com.counterlink.sync.catalog.Cells;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The inventory formula's "allocated" term from the order ledger: what open web orders of every
 * store hold, per item and grid cell, until Counterpoint posts them. Replaces {@code NoAllocations}.
 */
@Singleton
public class LedgerAllocations implements Allocations {

    private final TenantTransactions transactions;
    private final OrderLedger ledger;

    public LedgerAllocations(TenantTransactions transactions, OrderLedger ledger) {
        this.transactions = transactions;
        this.ledger = ledger;
    }

    @Override
    public Map<StockKey, BigDecimal> allocated(UUID tenantId, Collection<String> itemNos) {
        if (itemNos.isEmpty()) {
            return Map.of();
        }
        return transactions.inTenant(tenantId, null, () -> {
            Map<StockKey, BigDecimal> allocated = new HashMap<>();
            for (OrderViews.ItemAllocation open : ledger.openAllocations(tenantId, List.copyOf(itemNos))) {
                // the ledger names a simple item's cell "*|*|*"; the catalog names it ""
                List<String> dims = Cells.dimensions(open.cell());
                String cell = dims.size() == 3 ? Cells.of(dims.get(0), dims.get(1), dims.get(2)) : open.cell();
                allocated.merge(new StockKey(open.itemNo(), cell), open.allocated(), BigDecimal::add);
            }
            return allocated;
        });
    }

    @Override
    public void oversold(UUID tenantId, UUID siteId, String storeName, StockKey key, BigDecimal available) {
        transactions.inTenant(tenantId, null, () -> {
            ledger.flagOversold(siteId, storeName, key.itemNo(), cellOf(key), available);
            return null;
        });
    }

    /** The catalog names a simple item's cell ""; the ledger "*|*|*". Grid cells are named alike. */
    private static String cellOf(StockKey key) {
        return key.cell().isEmpty() ? "*|*|*" : key.cell();
    }
}
