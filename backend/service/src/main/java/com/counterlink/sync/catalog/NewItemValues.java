package com.counterlink.sync.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The stock and prices a new product or variation is created with, from its page's reads, so it
 * is right from its first moment and the inventory and pricing jobs have nothing to send for it.
 * A value not read (no locations chosen yet, an item mapped before, no price) is left to those jobs;
 * an item without stock in Counterpoint gets none to send.
 */
record NewItemValues(@Nullable CatalogSettings settings, @Nullable StockLevels.Levels stock, @Nullable ItemPrices.Prices prices,
                     LocalDateTime now) {

    static final NewItemValues NONE = new NewItemValues(null, null, null, LocalDateTime.MIN);

    Optional<Integer> quantity(String itemNo, String cell) {
        if (stock == null || settings == null) {
            return Optional.empty();
        }
        return Optional.of(stock.webQuantity(new Allocations.StockKey(itemNo, cell), settings.safetyBuffer()));
    }

    /** None for an item without a price or whose promotional rule cannot be evaluated: the pricing job reports those. */
    Optional<SitePrice> price(String itemNo, @Nullable String categoryCode) {
        if (prices == null) {
            return Optional.empty();
        }
        try {
            return prices.of(itemNo, categoryCode, now);
        } catch (PromotionPricer.UnsupportedFilterException e) {
            return Optional.empty();
        }
    }

    /** Prices were read and Counterpoint has no regular price above zero for the item at the store's level. */
    boolean lacksPrice(String itemNo) {
        if (prices == null) {
            return false;
        }
        java.math.BigDecimal regular = prices.regular().get(itemNo);
        return regular == null || regular.signum() <= 0;
    }

    /**
     * Adds the stock and price fields known for this item or cell to a create body: managed stock with its web
     * quantity, or for an item Counterpoint tracks no stock of none managed and in stock.
     */
    void writeTo(ObjectNode body, String itemNo, @Nullable String categoryCode, String cell, boolean tracksStock) {
        if (tracksStock) {
            quantity(itemNo, cell).ifPresent(qty -> body.put("manage_stock", true).put("stock_quantity", qty));
        } else {
            ProductsJob.withoutStockManagement(body);
        }
        price(itemNo, categoryCode).ifPresent(price -> ItemPrices.withPrice(body, price));
    }

    /** The row of a product or variation WooCommerce created with the values {@link #writeTo} gave it. */
    CatalogLink sent(CatalogLink link) {
        CatalogLink sent = link;
        Optional<Integer> qty = link.tracksStock() ? quantity(link.itemNo(), link.cell()) : Optional.empty();
        if (qty.isPresent()) {
            sent = sent.withSentQty(qty.get());
        }
        Optional<SitePrice> price = price(link.itemNo(), link.categoryCode());
        if (price.isPresent()) {
            sent = sent.withSentPrices(price.get());
        }
        return sent;
    }
}
