package com.counterlink.sync.catalog;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One Counterpoint item (cell "") or grid cell ("DIM1|DIM2|DIM3") of a store, the WooCommerce
 * product or variation it is, and the values last accepted by WooCommerce, so only changes are sent.
 * When WooCommerce showed other stock or prices than were sent (changed there by hand), the sent value
 * is unknown ({@code null}) and {@code stockDrift} / {@code priceDrift} say what it showed, until the
 * job that sends that value puts it back.
 * {@code tracksStock} is false for an item Counterpoint keeps no stock of (ITEM_TYP other than 'I'): it is
 * sold without WooCommerce stock management and its stock is never sent.
 * {@code publishWhenPriced} is the status a product created without a price (kept as a draft, so nobody sees a
 * product that cannot be bought) gets from the pricing job once Counterpoint has a price for it; null otherwise.
 */
public record CatalogLink(String itemNo, String cell, String sku, long wooId, @Nullable Long wooParentId, boolean gridded,
                          @Nullable String categoryCode, boolean published, @Nullable String statusBeforeUnpublish,
                          boolean stockManaged, @Nullable Integer sentQty, @Nullable BigDecimal sentRegular,
                          @Nullable BigDecimal sentSale, @Nullable LocalDateTime sentSaleFrom, @Nullable LocalDateTime sentSaleTo,
                          @Nullable String stockDrift, @Nullable String priceDrift, boolean tracksStock,
                          @Nullable String publishWhenPriced) {

    public static final String ITEM = "";

    /** A row not kept as a draft for want of a price. */
    public CatalogLink(String itemNo, String cell, String sku, long wooId, @Nullable Long wooParentId, boolean gridded,
                       @Nullable String categoryCode, boolean published, @Nullable String statusBeforeUnpublish,
                       boolean stockManaged, @Nullable Integer sentQty, @Nullable BigDecimal sentRegular,
                       @Nullable BigDecimal sentSale, @Nullable LocalDateTime sentSaleFrom, @Nullable LocalDateTime sentSaleTo,
                       @Nullable String stockDrift, @Nullable String priceDrift, boolean tracksStock) {
        this(itemNo, cell, sku, wooId, wooParentId, gridded, categoryCode, published, statusBeforeUnpublish, stockManaged, sentQty,
                sentRegular, sentSale, sentSaleFrom, sentSaleTo, stockDrift, priceDrift, tracksStock, null);
    }

    /** A row without drift. */
    public CatalogLink(String itemNo, String cell, String sku, long wooId, @Nullable Long wooParentId, boolean gridded,
                       @Nullable String categoryCode, boolean published, @Nullable String statusBeforeUnpublish,
                       boolean stockManaged, @Nullable Integer sentQty, @Nullable BigDecimal sentRegular,
                       @Nullable BigDecimal sentSale, @Nullable LocalDateTime sentSaleFrom, @Nullable LocalDateTime sentSaleTo,
                       boolean tracksStock) {
        this(itemNo, cell, sku, wooId, wooParentId, gridded, categoryCode, published, statusBeforeUnpublish, stockManaged, sentQty,
                sentRegular, sentSale, sentSaleFrom, sentSaleTo, null, null, tracksStock);
    }

    /** A row without drift of an item that tracks stock. */
    public CatalogLink(String itemNo, String cell, String sku, long wooId, @Nullable Long wooParentId, boolean gridded,
                       @Nullable String categoryCode, boolean published, @Nullable String statusBeforeUnpublish,
                       boolean stockManaged, @Nullable Integer sentQty, @Nullable BigDecimal sentRegular,
                       @Nullable BigDecimal sentSale, @Nullable LocalDateTime sentSaleFrom, @Nullable LocalDateTime sentSaleTo) {
        this(itemNo, cell, sku, wooId, wooParentId, gridded, categoryCode, published, statusBeforeUnpublish, stockManaged, sentQty,
                sentRegular, sentSale, sentSaleFrom, sentSaleTo, null, null, true);
    }

    /** A row WooCommerce sells: a simple product or a variation (a variable parent holds no stock or price). */
    public boolean sellable() {
        return !(gridded && cell.isEmpty());
    }

    /** Where a batch update of this row goes. */
    public String collection() {
        return wooParentId == null ? "products" : "products/" + wooParentId + "/variations";
    }

    public String key() {
        return cell.isEmpty() ? itemNo : itemNo + " " + cell.replace('|', '/');
    }

    /** Accepted by WooCommerce: the stock is what was sent, any stock drift is put back. */
    public CatalogLink withSentQty(int qty) {
        return new CatalogLink(itemNo, cell, sku, wooId, wooParentId, gridded, categoryCode, published, statusBeforeUnpublish,
                true, qty, sentRegular, sentSale, sentSaleFrom, sentSaleTo, null, priceDrift, tracksStock, publishWhenPriced);
    }

    /** Accepted by WooCommerce: the prices are what was sent, any price drift is put back. */
    public CatalogLink withSentPrices(SitePrice price) {
        return new CatalogLink(itemNo, cell, sku, wooId, wooParentId, gridded, categoryCode, published, statusBeforeUnpublish,
                stockManaged, sentQty, price.regular(), price.sale(), price.saleFrom(), price.saleTo(), stockDrift, null,
                tracksStock, publishWhenPriced);
    }

    public CatalogLink withPublished(boolean nowPublished, @Nullable String statusBefore, @Nullable String category) {
        return new CatalogLink(itemNo, cell, sku, wooId, wooParentId, gridded, category, nowPublished, statusBefore,
                stockManaged, sentQty, sentRegular, sentSale, sentSaleFrom, sentSaleTo, stockDrift, priceDrift, tracksStock, publishWhenPriced);
    }

    /**
     * The row once its item tracks stock, or no longer does: either way no quantity is known as sent, so an item
     * that now tracks stock gets stock management and its quantity from the next inventory run.
     */
    public CatalogLink withTracksStock(boolean tracks) {
        return new CatalogLink(itemNo, cell, sku, wooId, wooParentId, gridded, categoryCode, published, statusBeforeUnpublish,
                false, null, sentRegular, sentSale, sentSaleFrom, sentSaleTo, null, priceDrift, tracks, publishWhenPriced);
    }

    /** Kept as a draft until it has a price, then given {@code status}; null: no longer kept. */
    public CatalogLink withPublishWhenPriced(@Nullable String status) {
        return new CatalogLink(itemNo, cell, sku, wooId, wooParentId, gridded, categoryCode, published, statusBeforeUnpublish,
                stockManaged, sentQty, sentRegular, sentSale, sentSaleFrom, sentSaleTo, stockDrift, priceDrift, tracksStock, status);
    }

    /** Why sending this row's stock now puts WooCommerce back, if it does. */
    @Nullable
    public String stockPutBack() {
        return stockDrift == null ? null : "stock put back: " + stockDrift;
    }

    /** Why sending this row's prices now puts WooCommerce back, if it does. */
    @Nullable
    public String pricePutBack() {
        return priceDrift == null ? null : "price put back: " + priceDrift;
    }
}
