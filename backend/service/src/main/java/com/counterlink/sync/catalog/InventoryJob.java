package com.counterlink.sync.catalog;

import com.counterlink.bridge.protocol.operations.ReadStock;
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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stock to every mapped product and variation: the web quantity from the store's locations, sent
 * only where it differs from what WooCommerce last accepted; stock management is switched on at
 * the first push. An incremental run follows Counterpoint's stock change feed from the store's
 * watermark and reads only the items that changed (plus those never pushed, hinted by WooCommerce
 * or touched by web orders); a full resync, a reconcile and the first run read every mapped item.
 */
@Singleton
public class InventoryJob implements SyncJob {

    static final int ITEMS_PER_READ = 500;
    static final int CHANGES_PER_PAGE = 1000;

    private final CatalogTarget targets;
    private final TenantTransactions transactions;
    private final CatalogLinks links;
    private final Counterpoint counterpoint;
    private final Allocations allocations;
    private final WooPusher pusher;
    private final WooActuals actuals;
    private final Watermarks watermarks;
    private final StockRechecks rechecks;

    public InventoryJob(CatalogTarget targets, TenantTransactions transactions, CatalogLinks links, Counterpoint counterpoint,
                        Allocations allocations, WooPusher pusher, WooActuals actuals, Watermarks watermarks,
                        StockRechecks rechecks) {
        this.targets = targets;
        this.transactions = transactions;
        this.links = links;
        this.counterpoint = counterpoint;
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
        List<CatalogLink> mapped = inTenant(context, () -> links.forSite(context.siteId()))
                .stream().filter(CatalogLink::sellable).toList();
        Optional<StockCursor> watermark = context.full() ? Optional.empty()
                : inTenant(context, () -> watermarks.stock(context.siteId()));
        StockRechecks.Pending requested = inTenant(context, () -> rechecks.pending(context.siteId()));
        // a reconcile compares with what WooCommerce shows for every product; otherwise only with hinted ones
        Map<String, WooActuals.Refreshed> refreshed = actuals.refresh(context.tenantId(), context.siteId(), target.woo(), mapped,
                context.full());
        Run run = new Run(context, target, settings, WooActuals.apply(mapped, refreshed), refreshed);
        Set<String> failed = watermark.isPresent() ? run.changesAfter(watermark.get(), requested.itemNos()) : run.everything();
        inTenant(context, () -> {
            rechecks.done(context.siteId(), requested, failed);
            return null;
        });
    }

    private final class Run {
        final SyncContext context;
        final CatalogTarget.Target target;
        final CatalogSettings settings;
        final List<CatalogLink> sellable;
        final Map<String, WooActuals.Refreshed> refreshed;

        Run(SyncContext context, CatalogTarget.Target target, CatalogSettings settings, List<CatalogLink> sellable,
            Map<String, WooActuals.Refreshed> refreshed) {
            this.context = context;
            this.target = target;
            this.settings = settings;
            this.sellable = sellable;
            this.refreshed = refreshed;
        }

        /**
         * Every mapped item. Without failures the watermark then stands at the newest stock change
         * Counterpoint had before the read began, so the next run follows the feed from there.
         */
        Set<String> everything() throws BridgeOfflineException {
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
         * anyway in the first; the watermark moves after each page, only up to the change before the
         * first one of an item that failed.
         */
        Set<String> changesAfter(StockCursor watermark, List<String> requested) throws BridgeOfflineException {
            Set<String> due = new LinkedHashSet<>(requested);
            for (CatalogLink link : sellable) {
                if (!link.stockManaged() || link.sentQty() == null || refreshed.containsKey(link.key())) {
                    due.add(link.itemNo());
                }
            }
            Set<String> failed = new TreeSet<>();
            StockCursor cursor = watermark;
            StockCursor safe = watermark;
            boolean blocked = false;
            ReadStockChanges.Page page;
            do {
                page = counterpoint.read(context.tenantId(), new ReadStockChanges(cursor, settings.locations(), CHANGES_PER_PAGE));
                page.changes().forEach(change -> due.add(change.itemNo()));
                Set<String> pageFailed = push(sellable.stream().filter(l -> due.contains(l.itemNo())).toList());
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
            if (rows.isEmpty()) {
                return Set.of();
            }
            List<String> itemNos = List.copyOf(new LinkedHashSet<>(rows.stream().map(CatalogLink::itemNo).toList()));
            Map<String, List<CatalogLink>> rowsByItem = new HashMap<>();
            rows.forEach(row -> rowsByItem.computeIfAbsent(row.itemNo(), i -> new ArrayList<>()).add(row));
            WooPusher.Batches batches = pusher.batches(context, target.woo());
            ReadAhead<Stock> next = ReadAhead.start(() -> read(itemNos.subList(0, Math.min(itemNos.size(), ITEMS_PER_READ))));
            try {
                for (int from = 0; from < itemNos.size(); from += ITEMS_PER_READ) {
                    List<String> chunk = itemNos.subList(from, Math.min(itemNos.size(), from + ITEMS_PER_READ));
                    Stock stock = next.get();
                    int following = from + ITEMS_PER_READ;
                    next = following < itemNos.size()
                            ? ReadAhead.start(() -> read(itemNos.subList(following, Math.min(itemNos.size(), following + ITEMS_PER_READ))))
                            : null;
                    List<CatalogLink> chunkRows = chunk.stream().flatMap(itemNo -> rowsByItem.get(itemNo).stream()).toList();
                    batches.add(changes(chunkRows, stock));
                }
            } finally {
                if (next != null) {
                    next.abandon();
                }
            }
            return batches.finish();
        }

        /** Counterpoint's stock of these items at the store's locations and what web orders hold of them. */
        private record Stock(Map<Allocations.StockKey, BigDecimal> available, Map<Allocations.StockKey, BigDecimal> allocated) {
        }

        private Stock read(List<String> itemNos) throws BridgeOfflineException {
            Map<Allocations.StockKey, BigDecimal> available = new HashMap<>();
            ReadStock.Result stock = counterpoint.read(context.tenantId(), new ReadStock(settings.locations(), itemNos));
            for (ReadStock.Level level : stock.levels()) {
                BigDecimal qty = level.available() == null ? BigDecimal.ZERO : level.available();
                available.merge(new Allocations.StockKey(level.itemNo(), Cells.of(level.dim1(), level.dim2(), level.dim3())),
                        qty, BigDecimal::add);
            }
            return new Stock(available, allocations.allocated(context.tenantId(), itemNos));
        }

        /** The quantities of these rows that differ from what WooCommerce last accepted. */
        private List<WooPusher.Change> changes(List<CatalogLink> rows, Stock stock) {
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
                int qty = WebQuantity.of(stock.available().getOrDefault(key, BigDecimal.ZERO),
                        stock.allocated().getOrDefault(key, BigDecimal.ZERO), settings.safetyBuffer());
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
            return changes;
        }
    }

    private <T> T inTenant(SyncContext context, java.util.function.Supplier<T> work) {
        return transactions.inTenant(context.tenantId(), null, work);
    }
}
