package com.counterlink.sync.catalog;

import com.counterlink.bridge.protocol.operations.ReadStock;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.sync.BridgeOfflineException;
import com.counterlink.sync.ItemOutcome;
import com.counterlink.sync.JobType;
import com.counterlink.sync.SyncContext;
import com.counterlink.sync.SyncJob;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Stock to every mapped product and variation: the web quantity from the store's locations, sent
 * only where it differs from what WooCommerce last accepted; stock management is switched on at
 * the first push.
 */
@Singleton
public class InventoryJob implements SyncJob {

    static final int ITEMS_PER_READ = 500;

    private final CatalogTarget targets;
    private final TenantTransactions transactions;
    private final CatalogLinks links;
    private final Counterpoint counterpoint;
    private final Allocations allocations;
    private final WooPusher pusher;
    private final WooActuals actuals;

    public InventoryJob(CatalogTarget targets, TenantTransactions transactions, CatalogLinks links, Counterpoint counterpoint,
                        Allocations allocations, WooPusher pusher,
                        WooActuals actuals) {
        this.targets = targets;
        this.transactions = transactions;
        this.links = links;
        this.counterpoint = counterpoint;
        this.allocations = allocations;
        this.pusher = pusher;
        this.actuals = actuals;
    }

    @Override
    public JobType type() {
        return JobType.INVENTORY;
    }

    @Override
    public void run(SyncContext context) throws BridgeOfflineException {
        CatalogTarget.Target target = targets.open(context.tenantId(), context.siteId());
        CatalogSettings settings = target.settings();
        if (settings.locations().isEmpty()) {
            throw new IllegalStateException("Choose the Counterpoint locations whose stock this store sells (sync settings)");
        }
        List<CatalogLink> mapped = transactions.inTenant(context.tenantId(), null, () -> links.forSite(context.siteId()))
                .stream().filter(CatalogLink::sellable).toList();
        // a reconcile compares with what WooCommerce shows for every product; otherwise only with hinted ones
        Map<String, WooActuals.Refreshed> refreshed = actuals.refresh(context.tenantId(), context.siteId(), target.woo(), mapped,
                context.full());
        List<CatalogLink> sellable = WooActuals.apply(mapped, refreshed);
        List<String> itemNos = List.copyOf(new LinkedHashSet<>(sellable.stream().map(CatalogLink::itemNo).toList()));
        Map<Allocations.StockKey, BigDecimal> available = new HashMap<>();
        Map<Allocations.StockKey, BigDecimal> allocated = new HashMap<>();
        for (int from = 0; from < itemNos.size(); from += ITEMS_PER_READ) {
            List<String> chunk = itemNos.subList(from, Math.min(itemNos.size(), from + ITEMS_PER_READ));
            ReadStock.Result stock = counterpoint.read(context.tenantId(), new ReadStock(settings.locations(), chunk));
            for (ReadStock.Level level : stock.levels()) {
                BigDecimal qty = level.available() == null ? BigDecimal.ZERO : level.available();
                available.merge(new Allocations.StockKey(level.itemNo(), Cells.of(level.dim1(), level.dim2(), level.dim3())),
                        qty, BigDecimal::add);
            }
            allocated.putAll(allocations.allocated(context.tenantId(), chunk));
        }
        context.log().expect(sellable.size());
        context.log().read(sellable.size());
        List<WooPusher.Change> changes = new ArrayList<>();
        for (CatalogLink link : sellable) {
            Allocations.StockKey key = new Allocations.StockKey(link.itemNo(), link.cell());
            int qty = WebQuantity.of(available.getOrDefault(key, BigDecimal.ZERO), allocated.getOrDefault(key, BigDecimal.ZERO),
                    settings.safetyBuffer());
            if (link.stockManaged() && link.sentQty() != null && link.sentQty() == qty) {
                context.log().outcome(link.key(), ItemOutcome.UNCHANGED);
                continue;
            }
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("id", link.wooId()).put("stock_quantity", qty);
            if (!link.stockManaged()) {
                body.put("manage_stock", true);
            }
            WooActuals.Refreshed drift = refreshed.get(link.key());
            changes.add(new WooPusher.Change(link, body, link.withSentQty(qty), drift == null ? null : drift.stockDrift()));
        }
        pusher.push(context, target.woo(), changes);
    }
}
