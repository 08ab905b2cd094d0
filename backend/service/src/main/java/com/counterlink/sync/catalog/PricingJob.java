package com.counterlink.sync.catalog;

import com.counterlink.bridge.protocol.operations.ItemCursor;
import com.counterlink.bridge.protocol.operations.PriceLevel;
import com.counterlink.bridge.protocol.operations.ReadPriceChanges;
import com.counterlink.bridge.protocol.operations.ReadPrices;
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
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
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
    private final WooPusher pusher;
    private final WooActuals actuals;
    private final Watermarks watermarks;
    private final Clock clock = Clock.systemUTC();

    public PricingJob(CatalogTarget targets, TenantTransactions transactions, CatalogLinks links, Counterpoint counterpoint,
                      WooPusher pusher, WooActuals actuals, Watermarks watermarks) {
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
        List<CatalogLink> mapped = inTenant(context, () -> links.forSite(context.siteId()))
                .stream().filter(CatalogLink::sellable).toList();
        Optional<Watermarks.PriceMark> watermark = context.full() ? Optional.empty()
                : inTenant(context, () -> watermarks.prices(context.siteId()));
        // a reconcile compares with what WooCommerce shows for every product; otherwise only with hinted ones
        Map<String, WooActuals.Refreshed> refreshed = actuals.refresh(context.tenantId(), context.siteId(), target.woo(), mapped,
                context.full());
        Run run = new Run(context, target, settings, WooActuals.apply(mapped, refreshed), refreshed, LocalDateTime.now(clock));
        if (watermark.isEmpty()) {
            run.everything(counterpoint.read(context.tenantId(), new ReadPriceChanges(null, 1)));
            return;
        }
        ReadPriceChanges.Page first = counterpoint.read(context.tenantId(),
                new ReadPriceChanges(watermark.get().position(), CHANGES_PER_PAGE));
        Optional<String> everyItem = settings.saleSource() == CatalogSettings.SaleSource.PROMOTIONS
                ? run.promotionsMoved(watermark.get(), first.promotions()) : Optional.empty();
        if (everyItem.isPresent()) {
            context.log().note(everyItem.get() + ": every mapped item's prices were read");
            run.everything(first);
        } else {
            run.changesAfter(watermark.get(), first);
        }
    }

    private final class Run {
        final SyncContext context;
        final CatalogTarget.Target target;
        final CatalogSettings settings;
        final List<CatalogLink> sellable;
        final Map<String, WooActuals.Refreshed> refreshed;
        final LocalDateTime now;
        final Set<String> reported = new HashSet<>();

        Run(SyncContext context, CatalogTarget.Target target, CatalogSettings settings, List<CatalogLink> sellable,
            Map<String, WooActuals.Refreshed> refreshed, LocalDateTime now) {
            this.context = context;
            this.target = target;
            this.settings = settings;
            this.sellable = sellable;
            this.refreshed = refreshed;
            this.now = now;
        }

        /** Why every item must be priced again although no price row moved, if it must. */
        Optional<String> promotionsMoved(Watermarks.PriceMark watermark, ReadPriceChanges.Promotions promotions) {
            if (watermark.rulesDifferFrom(promotions)) {
                return Optional.of("Counterpoint's promotional price rules changed since the last run");
            }
            return promotions.boundaries().stream()
                    .filter(at -> (watermark.pricedAt() == null || at.isAfter(watermark.pricedAt())) && !at.isAfter(now))
                    .findFirst()
                    .map(at -> "A promotion began or ended at " + WOO_DATE.format(at) + " UTC since the last run");
        }

        /**
         * Every mapped item. Without failures the watermark then stands at the newest price change
         * Counterpoint had before the read began ({@code before} was read first), with its promotions.
         */
        void everything(ReadPriceChanges.Page before) throws BridgeOfflineException {
            context.log().expect(sellable.size());
            Set<String> failed = push(sellable);
            if (failed.isEmpty() && before.newest() != null) {
                advance(before.newest(), before.promotions());
            }
        }

        /**
         * The items whose prices changed after the watermark, page by page, with the items that are due
         * anyway in the first; the watermark moves after each page, only up to the change before the
         * first one of an item that failed.
         */
        void changesAfter(Watermarks.PriceMark watermark, ReadPriceChanges.Page first) throws BridgeOfflineException {
            Set<String> due = new LinkedHashSet<>();
            for (CatalogLink link : sellable) {
                // never priced, or WooCommerce showed other prices than were sent (WooActuals)
                if (link.sentRegular() == null) {
                    due.add(link.itemNo());
                }
            }
            ItemCursor safe = watermark.position();
            boolean blocked = false;
            ReadPriceChanges.Page page = first;
            while (true) {
                page.changes().forEach(change -> due.add(change.itemNo()));
                Set<String> failed = push(sellable.stream().filter(l -> due.contains(l.itemNo())).toList());
                due.clear();
                for (ReadPriceChanges.Change change : page.changes()) {
                    blocked |= failed.contains(change.itemNo());
                    if (!blocked) {
                        safe = change.position();
                    }
                }
                advance(safe, first.promotions());
                if (page.last() || page.changes().isEmpty()) {
                    return;
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
         * the feed (or the rules' mark) will show.
         */
        Set<String> push(List<CatalogLink> rows) throws BridgeOfflineException {
            if (rows.isEmpty()) {
                return Set.of();
            }
            List<String> itemNos = List.copyOf(new LinkedHashSet<>(rows.stream().map(CatalogLink::itemNo).toList()));
            Map<String, BigDecimal> regular = new HashMap<>();
            Map<String, BigDecimal> saleLevel = new HashMap<>();
            Map<String, BigDecimal> price1 = new HashMap<>();
            List<ReadPrices.Promotion> promotions = List.of();
            for (int from = 0; from < itemNos.size(); from += InventoryJob.ITEMS_PER_READ) {
                List<String> chunk = itemNos.subList(from, Math.min(itemNos.size(), from + InventoryJob.ITEMS_PER_READ));
                ReadPrices.Result result = counterpoint.read(context.tenantId(), new ReadPrices(settings.regularPriceLevel(), chunk));
                result.prices().stream().filter(p -> p.price() != null).forEach(p -> regular.put(p.itemNo(), p.price()));
                promotions = result.promotions();
                switch (settings.saleSource()) {
                    case PRICE_LEVEL -> readLevel(context, settings.salePriceLevel(), chunk, saleLevel);
                    case PROMOTIONS -> readLevel(context, PriceLevel.PRC_1, chunk, price1);
                    case NONE -> { }
                }
            }
            context.log().read(rows.size());
            List<WooPusher.Change> changes = new ArrayList<>();
            for (CatalogLink link : rows) {
                BigDecimal regularPrice = regular.get(link.itemNo());
                if (regularPrice == null || regularPrice.signum() <= 0) {
                    if (reported.add(link.itemNo())) {
                        context.log().failed(link.itemNo(), "NO_PRICE", link.itemNo() + " has no price at level "
                                        + settings.regularPriceLevel() + " in Counterpoint",
                                "Give " + link.itemNo() + " a price at level " + settings.regularPriceLevel()
                                        + " in Counterpoint, or choose another level for this store");
                    }
                    continue;
                }
                SitePrice price;
                try {
                    price = price(settings, link, regularPrice, saleLevel, price1, promotions, now);
                } catch (PromotionPricer.UnsupportedFilterException e) {
                    if (reported.add(link.itemNo())) {
                        context.log().failed(link.itemNo(), "PRICE_RULE_UNSUPPORTED", e.getMessage(),
                                "Simplify the promotional rule's item filter (item or category equals), or use a price level for sale prices");
                    }
                    continue;
                }
                if (price.sameAs(link.sentRegular(), link.sentSale(), link.sentSaleFrom(), link.sentSaleTo())) {
                    context.log().outcome(link.key(), ItemOutcome.UNCHANGED);
                    continue;
                }
                WooActuals.Refreshed drift = refreshed.get(link.key());
                changes.add(new WooPusher.Change(link, body(link, price), link.withSentPrices(price),
                        drift == null ? null : drift.priceDrift()));
            }
            return pusher.push(context, target.woo(), changes);
        }
    }

    private <T> T inTenant(SyncContext context, java.util.function.Supplier<T> work) {
        return transactions.inTenant(context.tenantId(), null, work);
    }

    private void readLevel(SyncContext context, PriceLevel level, List<String> chunk, Map<String, BigDecimal> into)
            throws BridgeOfflineException {
        counterpoint.read(context.tenantId(), new ReadPrices(level, chunk)).prices().stream()
                .filter(p -> p.price() != null).forEach(p -> into.put(p.itemNo(), p.price()));
    }

    static SitePrice price(CatalogSettings settings, CatalogLink link, BigDecimal regular, Map<String, BigDecimal> saleLevel,
                           Map<String, BigDecimal> price1, List<ReadPrices.Promotion> promotions, LocalDateTime now) {
        return switch (settings.saleSource()) {
            case NONE -> new SitePrice(regular, null, null, null);
            case PRICE_LEVEL -> {
                BigDecimal sale = saleLevel.get(link.itemNo());
                // another level is a sale only when it is lower than the regular price
                yield sale != null && sale.signum() > 0 && sale.compareTo(regular) < 0
                        ? new SitePrice(regular, sale, null, null) : new SitePrice(regular, null, null, null);
            }
            case PROMOTIONS -> {
                Optional<PromotionPricer.Sale> sale = PromotionPricer.sale(promotions,
                        new PromotionPricer.ItemFacts(link.itemNo(), link.categoryCode()), regular, price1.get(link.itemNo()), now);
                yield sale.map(s -> new SitePrice(regular, s.price(), s.from(), s.to()))
                        .orElseGet(() -> new SitePrice(regular, null, null, null));
            }
        };
    }

    private static ObjectNode body(CatalogLink link, SitePrice price) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("id", link.wooId())
                .put("regular_price", price.regular().toPlainString())
                .put("sale_price", price.sale() == null ? "" : price.sale().toPlainString());
        if (price.saleFrom() == null) {
            body.putNull("date_on_sale_from_gmt");
        } else {
            body.put("date_on_sale_from_gmt", WOO_DATE.format(price.saleFrom()));
        }
        if (price.saleTo() == null) {
            body.putNull("date_on_sale_to_gmt");
        } else {
            body.put("date_on_sale_to_gmt", WOO_DATE.format(price.saleTo()));
        }
        return body;
    }
}
