package com.counterlink.sync.catalog;

import com.counterlink.bridge.protocol.operations.ReadStockChanges;
import com.counterlink.bridge.protocol.operations.StockCursor;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stock to every mapped product and variation: the web quantity from the store's locations, sent
 * only where it differs from what WooCommerce last accepted; stock management is switched on at
 * the first push. Items Counterpoint tracks no stock of are left alone: WooCommerce sells them
 * without stock management, and whatever the merchant sets there stays. An incremental run follows
 * Counterpoint's stock change feed from the store's watermark and reads only the items that changed
 * (plus those never pushed, hinted by WooCommerce or touched by web orders); a full resync, a
 * reconcile and the first run read every mapped item.
 */
@Singleton
public class InventoryJob implements SyncJob {

    static final int ITEMS_PER_READ = 500;
    static final int CHANGES_PER_PAGE = 1000;

    private final CatalogTarget targets;
    private final TenantTransactions transactions;
    private final CatalogLinks links;
    private final Counterpoint counterpoint;
    private final StockLevels stockLevels;
    private final Allocations allocations;
    private final WooPusher pusher;
    private final WooActuals actuals;
    private final Watermarks watermarks;
    private final CatalogRechecks rechecks;

    public InventoryJob(CatalogTarget targets, TenantTransactions transactions, CatalogLinks links, Counterpoint counterpoint,
                        StockLevels stockLevels, Allocations allocations, WooPusher pusher, WooActuals actuals, Watermarks watermarks,
                        CatalogRechecks rechecks) {
        this.targets = targets;
        this.transactions = transactions;
        this.links = links;
        this.counterpoint = counterpoint;
        this.stockLevels = stockLevels;
        this.allocations = allocations;
        this.pusher = pusher;
        this.actuals = actuals;
        this.watermarks = watermarks;
        this.rechecks = rechecks;
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
        Optional<StockCursor> watermark = context.full() ? Optional.empty()
                : inTenant(context, () -> watermarks.stock(context.siteId()));
        CatalogRechecks.Pending requested = inTenant(context, () -> rechecks.pending(context.siteId(), JobType.INVENTORY));
        Set<String> failed;
        Map<String, WooActuals.Refreshed> refreshed = Map.of();
        try {
            if (watermark.isPresent()) {
                // only the rows of the items due or changed are read: O(changes), whatever the catalog's size
                refreshed = actuals.refreshHinted(context.tenantId(), context.siteId(), target.woo());
                List<String> unsent = inTenant(context, () -> links.itemsWithStockUnsent(context.siteId()));
                failed = new Run(context, target, settings, refreshed).changesAfter(watermark.get(), requested.itemNos(), unsent);
            } else {
                List<CatalogLink> mapped = inTenant(context, () -> links.forSite(context.siteId()))
                        .stream().filter(CatalogLink::sellable).filter(CatalogLink::tracksStock).toList();
                // a reconcile compares with what WooCommerce shows for every product; otherwise only with hinted ones
                refreshed = actuals.refresh(context.tenantId(), context.siteId(), target.woo(), mapped, context.full());
                failed = new Run(context, target, settings, refreshed).everything(WooActuals.apply(mapped, refreshed));
            }
        } finally {
            actuals.askToPutBack(context.tenantId(), context.siteId(), refreshed, JobType.INVENTORY);
        }
        inTenant(context, () -> {
            rechecks.done(context.siteId(), JobType.INVENTORY, requested, failed);
            return null;
        });
    }

    private final class Run {
        final SyncContext context;
        final CatalogTarget.Target target;
        final CatalogSettings settings;
        final Map<String, WooActuals.Refreshed> refreshed;

        Run(SyncContext context, CatalogTarget.Target target, CatalogSettings settings, Map<String, WooActuals.Refreshed> refreshed) {
            this.context = context;
            this.target = target;
            this.settings = settings;
            this.refreshed = refreshed;
        }

        /**
         * Every mapped item. Without failures the watermark then stands at the newest stock change
         * Counterpoint had before the read began, so the next run follows the feed from there.
         */
        Set<String> everything(List<CatalogLink> sellable) throws BridgeOfflineException {
            StockCursor newestBefore = counterpoint.read(context.tenantId(),
                    new ReadStockChanges(null, settings.locations(), 1)).newest();
            context.log().expect(sellable.size());
            Set<String> failed = push(sellable);
            if (failed.isEmpty() && newestBefore != null) {
                inTenant(context, () -> {
                    watermarks.advanceStock(context.tenantId(), context.siteId(), newestBefore);
                    return null;
                });
            }
            return failed;
        }

        /**
         * The items whose stock changed after the watermark, page by page, with the items that are due
         * anyway (asked for, never sent, or shown otherwise by WooCommerce) in the first; each page's rows
         * are read then, so a product created meanwhile is included. The watermark moves after each page,
         * only up to the change before the first one of an item that failed.
         */
        Set<String> changesAfter(StockCursor watermark, List<String> requested, List<String> unsent) throws BridgeOfflineException {
            Set<String> due = new LinkedHashSet<>(requested);
            due.addAll(unsent);
            refreshed.values().forEach(r -> due.add(r.link().itemNo()));
            Set<String> failed = new TreeSet<>();
            StockCursor cursor = watermark;
            StockCursor safe = watermark;
            boolean blocked = false;
            ReadStockChanges.Page page;
            do {
                page = counterpoint.read(context.tenantId(), new ReadStockChanges(cursor, settings.locations(), CHANGES_PER_PAGE));
                page.changes().forEach(change -> due.add(change.itemNo()));
                Set<String> pageFailed = push(actuals.currentRows(context.tenantId(), context.siteId(), due, refreshed).stream()
                        .filter(CatalogLink::tracksStock).toList());
                failed.addAll(pageFailed);
                due.clear();
                for (ReadStockChanges.Change change : page.changes()) {
                    blocked |= pageFailed.contains(change.itemNo());
                    if (!blocked) {
                        safe = change.position();
                    }
                }
                StockCursor mark = safe;
                inTenant(context, () -> {
                    watermarks.advanceStock(context.tenantId(), context.siteId(), mark);
                    return null;
                });
                cursor = page.next();
            } while (!page.last() && !page.changes().isEmpty());
            return failed;
        }

        /**
         * Reads the stock of these rows' items, sends the quantities that differ; answers the item numbers that failed.
         * The items go in pages of {@link #ITEMS_PER_READ}: the next page's stock is read while this page's is sent.
         */
        Set<String> push(List<CatalogLink> rows) throws BridgeOfflineException {
            return pusher.pushInPages(context, target.woo(), rows, ITEMS_PER_READ, new WooPusher.PageWork<StockLevels.Levels>() {
                @Override
                public StockLevels.Levels read(List<String> itemNos) throws BridgeOfflineException {
                    return stockLevels.read(context.tenantId(), settings.locations(), itemNos);
                }

                @Override
                public List<WooPusher.Change> changes(List<CatalogLink> pageRows, StockLevels.Levels read) {
                    return Run.this.changes(pageRows, read);
                }
            });
        }

        /** The quantities of these rows that differ from what WooCommerce last accepted. */
        private List<WooPusher.Change> changes(List<CatalogLink> rows, StockLevels.Levels stock) {
            context.log().read(rows.size());
            stock.allocated().forEach((key, held) -> {
                BigDecimal has = stock.available().getOrDefault(key, BigDecimal.ZERO);
                if (held.compareTo(has) > 0) {
                    allocations.oversold(context.tenantId(), context.siteId(), target.site().name(), key, has);
                }
            });
            List<WooPusher.Change> changes = new ArrayList<>();
            for (CatalogLink link : rows) {
                Allocations.StockKey key = new Allocations.StockKey(link.itemNo(), link.cell());
                int qty = stock.webQuantity(key, settings.safetyBuffer());
                if (link.stockManaged() && link.sentQty() != null && link.sentQty() == qty) {
                    context.log().outcome(link.key(), ItemOutcome.UNCHANGED);
                    continue;
                }
                ObjectNode body = JsonNodeFactory.instance.objectNode().put("id", link.wooId()).put("stock_quantity", qty);
                if (!link.stockManaged()) {
                    body.put("manage_stock", true);
                }
                changes.add(new WooPusher.Change(link, body, link.withSentQty(qty), link.stockPutBack()));
            }
            return changes;
        }
    }

    private <T> T inTenant(SyncContext context, java.util.function.Supplier<T> work) {
        return transactions.inTenant(context.tenantId(), null, work);
    }
}
