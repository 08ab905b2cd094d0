package com.counterlink.sync.catalog;

import com.counterlink.bridge.protocol.operations.PriceLevel;
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
 */
@Singleton
public class PricingJob implements SyncJob {

    private static final DateTimeFormatter WOO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final CatalogTarget targets;
    private final TenantTransactions transactions;
    private final CatalogLinks links;
    private final Counterpoint counterpoint;
    private final WooPusher pusher;
    private final WooActuals actuals;
    private final Clock clock = Clock.systemUTC();

    public PricingJob(CatalogTarget targets, TenantTransactions transactions, CatalogLinks links, Counterpoint counterpoint,
                      WooPusher pusher, WooActuals actuals) {
        this.targets = targets;
        this.transactions = transactions;
        this.links = links;
        this.counterpoint = counterpoint;
        this.pusher = pusher;
        this.actuals = actuals;
    }

    @Override
    public JobType type() {
        return JobType.PRICING;
    }

    @Override
    public void run(SyncContext context) throws BridgeOfflineException {
        CatalogTarget.Target target = targets.open(context.tenantId(), context.siteId());
        CatalogSettings settings = target.settings();
        List<CatalogLink> mapped = transactions.inTenant(context.tenantId(), null, () -> links.forSite(context.siteId()))
                .stream().filter(CatalogLink::sellable).toList();
        // a reconcile compares with what WooCommerce shows for every product; otherwise only with hinted ones
        Map<String, WooActuals.Refreshed> refreshed = actuals.refresh(context.tenantId(), context.siteId(), target.woo(), mapped,
                context.full());
        List<CatalogLink> sellable = WooActuals.apply(mapped, refreshed);
        List<String> itemNos = List.copyOf(new LinkedHashSet<>(sellable.stream().map(CatalogLink::itemNo).toList()));
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
        context.log().expect(sellable.size());
        context.log().read(sellable.size());
        LocalDateTime now = LocalDateTime.now(clock);
        Set<String> reported = new HashSet<>();
        List<WooPusher.Change> changes = new ArrayList<>();
        for (CatalogLink link : sellable) {
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
        pusher.push(context, target.woo(), changes);
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
