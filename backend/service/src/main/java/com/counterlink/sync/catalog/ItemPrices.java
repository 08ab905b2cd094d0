package com.counterlink.sync.catalog;

import com.counterlink.bridge.protocol.operations.PriceLevel;
import com.counterlink.bridge.protocol.operations.ReadPrices;
import com.counterlink.sync.BridgeOfflineException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The prices a store shows for items: regular from the store's level, sale from none, another level
 * (only when lower) or the promotional rules with their dates. Read from Counterpoint for a page of
 * items at the levels the store's settings use.
 */
@Singleton
public class ItemPrices {

    private static final DateTimeFormatter WOO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Counterpoint counterpoint;

    public ItemPrices(Counterpoint counterpoint) {
        this.counterpoint = counterpoint;
    }

    /** Counterpoint's prices of some items at the levels a store uses, with the promotional rules. */
    public record Prices(CatalogSettings settings, Map<String, BigDecimal> regular, Map<String, BigDecimal> saleLevel,
                         Map<String, BigDecimal> price1, List<ReadPrices.Promotion> promotions) {

        /**
         * The store's prices of an item, or none when it has no regular price above zero.
         * @throws PromotionPricer.UnsupportedFilterException a promotional rule the connector cannot evaluate applies
         */
        public Optional<SitePrice> of(String itemNo, @Nullable String categoryCode, LocalDateTime now) {
            BigDecimal regularPrice = regular.get(itemNo);
            if (regularPrice == null || regularPrice.signum() <= 0) {
                return Optional.empty();
            }
            return Optional.of(price(settings, itemNo, categoryCode, regularPrice, saleLevel, price1, promotions, now));
        }
    }

    public Prices read(UUID tenantId, CatalogSettings settings, List<String> itemNos) throws BridgeOfflineException {
        Map<String, BigDecimal> regular = new HashMap<>();
        Map<String, BigDecimal> saleLevel = new HashMap<>();
        Map<String, BigDecimal> price1 = new HashMap<>();
        ReadPrices.Result result = counterpoint.read(tenantId, new ReadPrices(settings.regularPriceLevel(), itemNos));
        result.prices().stream().filter(p -> p.price() != null).forEach(p -> regular.put(p.itemNo(), p.price()));
        switch (settings.saleSource()) {
            case PRICE_LEVEL -> readLevel(tenantId, settings.salePriceLevel(), itemNos, saleLevel);
            case PROMOTIONS -> readLevel(tenantId, PriceLevel.PRC_1, itemNos, price1);
            case NONE -> { }
        }
        return new Prices(settings, regular, saleLevel, price1, result.promotions());
    }

    private void readLevel(UUID tenantId, PriceLevel level, List<String> itemNos, Map<String, BigDecimal> into)
            throws BridgeOfflineException {
        counterpoint.read(tenantId, new ReadPrices(level, itemNos)).prices().stream()
                .filter(p -> p.price() != null).forEach(p -> into.put(p.itemNo(), p.price()));
    }

    static SitePrice price(CatalogSettings settings, String itemNo, @Nullable String categoryCode, BigDecimal regular,
                           Map<String, BigDecimal> saleLevel, Map<String, BigDecimal> price1, List<ReadPrices.Promotion> promotions,
                           LocalDateTime now) {
        return switch (settings.saleSource()) {
            case NONE -> new SitePrice(regular, null, null, null);
            case PRICE_LEVEL -> {
                BigDecimal sale = saleLevel.get(itemNo);
                // another level is a sale only when it is lower than the regular price
                yield sale != null && sale.signum() > 0 && sale.compareTo(regular) < 0
                        ? new SitePrice(regular, sale, null, null) : new SitePrice(regular, null, null, null);
            }
            case PROMOTIONS -> {
                Optional<PromotionPricer.Sale> sale = PromotionPricer.sale(promotions,
                        new PromotionPricer.ItemFacts(itemNo, categoryCode), regular, price1.get(itemNo), now);
                yield sale.map(s -> new SitePrice(regular, s.price(), s.from(), s.to()))
                        .orElseGet(() -> new SitePrice(regular, null, null, null));
            }
        };
    }

    /**
     * WooCommerce's price fields of a product or variation. A sale ends when its fields are sent empty: WooCommerce
     * reads them with PHP's isset(), so a null would leave the old sale dates (and its midnight sale check would then
     * end a later sale by them).
     */
    static ObjectNode withPrice(ObjectNode body, SitePrice price) {
        return body.put("regular_price", price.regular().toPlainString())
                .put("sale_price", price.sale() == null ? "" : price.sale().toPlainString())
                .put("date_on_sale_from_gmt", price.saleFrom() == null ? "" : WOO_DATE.format(price.saleFrom()))
                .put("date_on_sale_to_gmt", price.saleTo() == null ? "" : WOO_DATE.format(price.saleTo()));
    }
}
