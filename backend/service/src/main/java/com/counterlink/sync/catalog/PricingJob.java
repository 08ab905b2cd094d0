package com.counterlink.sync.catalog;

import com.counterlink.bridge.protocol.operations.ItemCursor;
import com.counterlink.bridge.protocol.operations.ReadPriceChanges;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.sync.BridgeOfflineException;
import com.counterlink.sync.ItemOutcome;
import com.counterlink.sync.JobType;
import com.counterlink.sync.SyncContext;
import com.counterlink.sync.SyncJob;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prices to every mapped product and variation: regular from the store's level, sale from none,
 * another level (only when lower) or the promotional rules with their dates; only changes are sent.
 * An incremental run follows Counterpoint's price change feed from the store's watermark and reads
 * only the items that changed (plus those never priced, or whose prices WooCommerce showed changed);
 * a full resync, a reconcile, the first run and, for a store whose sales come from promotions, a
 * promotional rule change or a promotion beginning or ending since the last run read every mapped item.
 */
@Singleton
public class PricingJob implements SyncJob {

    static final int CHANGES_PER_PAGE = 1000;
    private static final DateTimeFormatter WOO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final CatalogTarget targets;
    private final TenantTransactions transactions;
    private final CatalogLinks links;
    private final Counterpoint counterpoint;
    private final ItemPrices itemPrices;
    private final WooPusher pusher;
    private final WooActuals actuals;
    private final Watermarks watermarks;
    private final CatalogRechecks rechecks;
    private final Clock clock = Clock.systemUTC();

    public PricingJob(CatalogTarget targets, TenantTransactions transactions, CatalogLinks links, Counterpoint counterpoint,
                      ItemPrices itemPrices, WooPusher pusher, WooActuals actuals, Watermarks watermarks, CatalogRechecks rechecks) {
        this.itemPrices = itemPrices;
        this.rechecks = rechecks;
        this.targets = targets;
        this.transactions = transactions;
        this.links = links;
        this.counterpoint = counterpoint;
        this.pusher = pusher;
        this.actuals = actuals;
        this.watermarks = watermarks;
    }

    @Override
    public JobType type() {
        return JobType.PRICING;
    }

    @Override
    public void run(SyncContext context) throws BridgeOfflineException {
        CatalogTarget.Target target = targets.open(context.tenantId(), context.siteId());
        CatalogSettings settings = target.settings();
        Optional<Watermarks.PriceMark> watermark = context.full() ? Optional.empty()
                : inTenant(context, () -> watermarks.prices(context.siteId()));
        CatalogRechecks.Pending requested = inTenant(context, () -> rechecks.pending(context.siteId(), JobType.PRICING));
        LocalDateTime now = LocalDateTime.now(clock);
        ReadPriceChanges.Page first = counterpoint.read(context.tenantId(), watermark.isEmpty() ? new ReadPriceChanges(null, 1)
                : new ReadPriceChanges(watermark.get().position(), CHANGES_PER_PAGE));
        Optional<String> everyItem = watermark.isPresent() && settings.saleSource() == CatalogSettings.SaleSource.PROMOTIONS
                ? promotionsMoved(watermark.get(), first.promotions(), now) : Optional.empty();
        everyItem.ifPresent(why -> context.log().note(why + ": every mapped item's prices were read"));
        Set<String> failed;
        Map<String, WooActuals.Refreshed> refreshed = Map.of();
        try {
            if (watermark.isPresent() && everyItem.isEmpty()) {
                // only the rows of the items due or changed are read: O(changes), whatever the catalog's size
                refreshed = actuals.refreshHinted(context.tenantId(), context.siteId(), target.woo());
                List<String> unsent = inTenant(context, () -> links.itemsWithPricesUnsent(context.siteId()));
                failed = new Run(context, target, settings, refreshed, now)
                        .changesAfter(watermark.get(), first, requested.itemNos(), unsent);
            } else {
                List<CatalogLink> mapped = inTenant(context, () -> links.forSite(context.siteId()))
                        .stream().filter(CatalogLink::sellable).toList();
                // a reconcile compares with what WooCommerce shows for every product; otherwise only with hinted ones
                refreshed = actuals.refresh(context.tenantId(), context.siteId(), target.woo(), mapped, context.full());
                failed = new Run(context, target, settings, refreshed, now).everything(WooActuals.apply(mapped, refreshed), first);
            }
        } finally {
            actuals.askToPutBack(context.tenantId(), context.siteId(), refreshed, JobType.PRICING);
        }
        inTenant(context, () -> {
            rechecks.done(context.siteId(), JobType.PRICING, requested, failed);
            return null;
        });
    }

    private final class Run {
        final SyncContext context;
        final CatalogTarget.Target target;
        final CatalogSettings settings;
        final Map<String, WooActuals.Refreshed> refreshed;
        final LocalDateTime now;
        final Set<String> reported = new HashSet<>();

        Run(SyncContext context, CatalogTarget.Target target, CatalogSettings settings, Map<String, WooActuals.Refreshed> refreshed,
            LocalDateTime now) {
            this.context = context;
            this.target = target;
            this.settings = settings;
            this.refreshed = refreshed;
            this.now = now;
        }

        /**
         * Every mapped item. Without failures the watermark then stands at the newest price change
         * Counterpoint had before the read began ({@code before} was read first), with its promotions.
         */
        Set<String> everything(List<CatalogLink> sellable, ReadPriceChanges.Page before) throws BridgeOfflineException {
            context.log().expect(sellable.size());
            Set<String> failed = push(sellable);
            if (failed.isEmpty() && before.newest() != null) {
                advance(before.newest(), before.promotions());
            }
            return failed;
        }

        /**
         * The items whose prices changed after the watermark, page by page, with the items that are due
         * anyway in the first (asked for, never priced, or shown changed by WooCommerce); the watermark
         * moves after each page, only up to the change before the first one of an item that failed.
         */
        Set<String> changesAfter(Watermarks.PriceMark watermark, ReadPriceChanges.Page first, List<String> requested,
                                 List<String> unsent) throws BridgeOfflineException {
            Set<String> due = new LinkedHashSet<>(requested);
            // never priced, or WooCommerce showed other prices than were sent (WooActuals keeps those as never priced)
            due.addAll(unsent);
            refreshed.values().forEach(r -> due.add(r.link().itemNo()));
            Set<String> failedInRun = new HashSet<>();
            ItemCursor safe = watermark.position();
            boolean blocked = false;
            ReadPriceChanges.Page page = first;
            while (true) {
                page.changes().forEach(change -> due.add(change.itemNo()));
                Set<String> failed = push(actuals.currentRows(context.tenantId(), context.siteId(), due, refreshed));
                failedInRun.addAll(failed);
                due.clear();
                for (ReadPriceChanges.Change change : page.changes()) {
                    blocked |= failed.contains(change.itemNo());
                    if (!blocked) {
                        safe = change.position();
                    }
                }
                advance(safe, first.promotions());
                if (page.last() || page.changes().isEmpty()) {
                    return failedInRun;
                }
                page = counterpoint.read(context.tenantId(), new ReadPriceChanges(page.next(), CHANGES_PER_PAGE));
            }
        }

        private void advance(ItemCursor position, ReadPriceChanges.Promotions promotions) {
            inTenant(context, () -> {
                watermarks.advancePrices(context.tenantId(), context.siteId(), new Watermarks.PriceMark(position,
                        promotions.changedAtUtc(), promotions.rows(), now));
                return null;
            });
        }

        /**
         * Reads these rows' prices, sends those that differ from what WooCommerce last accepted; answers
         * the items WooCommerce refused. An item without a price or with a rule the connector cannot
         * evaluate is reported but does not hold the watermark: fixing it in Counterpoint changes a row
         * the feed (or the rules' mark) will show. The items go in pages of {@link InventoryJob#ITEMS_PER_READ}:
         * the next page's prices are read while this page's are sent.
         */
        Set<String> push(List<CatalogLink> rows) throws BridgeOfflineException {
            return pusher.pushInPages(context, target.woo(), rows, InventoryJob.ITEMS_PER_READ, new WooPusher.PageWork<ItemPrices.Prices>() {
                @Override
                public ItemPrices.Prices read(List<String> itemNos) throws BridgeOfflineException {
                    return itemPrices.read(context.tenantId(), settings, itemNos);
                }

                @Override
                public List<WooPusher.Change> changes(List<CatalogLink> pageRows, ItemPrices.Prices read) {
                    return Run.this.changes(pageRows, read);
                }
            });
        }

        /** The prices of these rows that differ from what WooCommerce last accepted. */
        private List<WooPusher.Change> changes(List<CatalogLink> rows, ItemPrices.Prices prices) {
            context.log().read(rows.size());
            List<WooPusher.Change> changes = new ArrayList<>();
            for (CatalogLink link : rows) {
                Optional<SitePrice> priced;
                try {
                    priced = prices.of(link.itemNo(), link.categoryCode(), now);
                } catch (PromotionPricer.UnsupportedFilterException e) {
                    if (reported.add(link.itemNo())) {
                        context.log().failed(link.itemNo(), "PRICE_RULE_UNSUPPORTED", e.getMessage(),
                                "Simplify the promotional rule's item filter (item or category equals), or use a price level for sale prices");
                    }
                    continue;
                }
                if (priced.isEmpty() && link.publishWhenPriced() != null) {
                    // the products job said so when it created it: a draft waiting for its price is no failure
                    context.log().outcome(link.key(), ItemOutcome.UNCHANGED);
                    continue;
                }
                if (priced.isEmpty()) {
                    if (reported.add(link.itemNo())) {
                        context.log().failed(link.itemNo(), "NO_PRICE", link.itemNo() + " has no price at level "
                                        + settings.regularPriceLevel() + " in Counterpoint",
                                "Give " + link.itemNo() + " a price at level " + settings.regularPriceLevel()
                                        + " in Counterpoint, or choose another level for this store");
                    }
                    continue;
                }
                SitePrice price = priced.get();
                if (price.sameAs(link.sentRegular(), link.sentSale(), link.sentSaleFrom(), link.sentSaleTo())) {
                    context.log().outcome(link.key(), ItemOutcome.UNCHANGED);
                    continue;
                }
                ObjectNode body = ItemPrices.withPrice(JsonNodeFactory.instance.objectNode().put("id", link.wooId()), price);
                if (link.publishWhenPriced() != null) {
                    body.put("status", link.publishWhenPriced());
                    changes.add(new WooPusher.Change(link, body, link.withSentPrices(price).withPublishWhenPriced(null),
                            "published: it has a price in Counterpoint now (kept as draft until then)"));
                    continue;
                }
                changes.add(new WooPusher.Change(link, body, link.withSentPrices(price), link.pricePutBack()));
            }
            return changes;
        }
    }

    /** Why every item must be priced again although no price row moved, if it must. */
    private static Optional<String> promotionsMoved(Watermarks.PriceMark watermark, ReadPriceChanges.Promotions promotions,
                                                    LocalDateTime now) {
        if (watermark.rulesDifferFrom(promotions)) {
            return Optional.of("Counterpoint's promotional price rules changed since the last run");
        }
        return promotions.boundaries().stream()
                .filter(at -> (watermark.pricedAt() == null || at.isAfter(watermark.pricedAt())) && !at.isAfter(now))
                .findFirst()
                .map(at -> "A promotion began or ended at " + WOO_DATE.format(at) + " UTC since the last run");
    }

    private <T> T inTenant(SyncContext context, java.util.function.Supplier<T> work) {
        return transactions.inTenant(context.tenantId(), null, work);
    }
}
