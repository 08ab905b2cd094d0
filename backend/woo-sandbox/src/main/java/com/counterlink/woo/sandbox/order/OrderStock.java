package com.counterlink.woo.sandbox.order;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.RestException;
import com.counterlink.woo.sandbox.product.Product;
import com.counterlink.woo.sandbox.product.ProductService;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stock an order holds, tracked per line in {@code _reduced_stock} as WooCommerce does: reduced when the order is
 * placed, given back on cancel, moved by a quantity edit, and partly given back by a refund that restocks.
 */
final class OrderStock {
    static final String REDUCED = "_reduced_stock";
    private static final String RESTOCKED_BY_REFUNDS = "_restock_refunded_items";

    private final Store store;
    private final ProductService products;

    OrderStock(Store store, ProductService products) {
        this.store = store;
        this.products = products;
    }

    /** wc_reduce_stock_levels: every line not reduced yet takes its quantity, even below zero. */
    void reduce(Order o) {
        for (Order.LineItem li : o.lineItems) {
            Product p = managedStockOwner(li);
            if (p == null || reducedBy(li) > 0) continue;
            move(p, -li.quantity);
            setMeta(li.metaData, REDUCED, li.quantity);
        }
        o.stockReduced = true;
    }

    /** wc_increase_stock_levels: every line gives back what it still holds. */
    void restore(Order o) {
        for (Order.LineItem li : o.lineItems) {
            Product p = managedStockOwner(li);
            int held = reducedBy(li);
            if (p == null || held == 0) continue;
            move(p, held);
            removeMeta(li.metaData, REDUCED);
        }
        o.stockReduced = false;
    }

    /** wc_maybe_adjust_line_item_product_stock: a line of an order that holds stock holds its quantity less what refunds gave back. */
    void adjust(Order o, Order.LineItem li) {
        Product p = managedStockOwner(li);
        if (!o.stockReduced || p == null) return;
        int wanted = Math.max(0, li.quantity - o.quantityRefunded(li.id));
        int diff = wanted - reducedBy(li);
        if (diff == 0) return;
        move(p, -diff);
        setMeta(li.metaData, REDUCED, wanted);
    }

    /** wc_restock_refunded_items: refunded units of a line that holds stock go back on the shelf. */
    void restockRefunded(Order.LineItem li, int quantity) {
        Product p = managedStockOwner(li);
        int held = reducedBy(li);
        if (p == null || held == 0 || quantity <= 0) return;
        move(p, quantity);
        setMeta(li.metaData, REDUCED, held - quantity);
        setMeta(li.metaData, RESTOCKED_BY_REFUNDS, intMeta(li.metaData, RESTOCKED_BY_REFUNDS) + quantity);
    }

    /** A shopper's checkout only: 409 for the first product that cannot cover what the order asks of it. */
    void refuseWhatIsNotInStock(Order o) {
        Map<Long, Integer> wanted = new LinkedHashMap<>();
        for (Order.LineItem li : o.lineItems) {
            Product p = stockOwner(li);
            if (p != null) wanted.merge(p.id, li.quantity, Integer::sum);
        }
        for (Map.Entry<Long, Integer> e : wanted.entrySet()) {
            Product p = store.products.get(e.getKey());
            boolean managed = p.manageStock && store.stockManagementEnabled();
            int available = p.stockQuantity == null ? 0 : p.stockQuantity;
            if (managed && !p.backordersAllowed() && available < e.getValue() || !managed && "outofstock".equals(p.stockStatus)) {
                ObjectNode data = Json.object();
                data.put("product_id", p.id);
                data.put("requested", e.getValue());
                data.put("available", managed ? Math.max(0, available) : 0);
                throw new RestException(409, "sandbox_out_of_stock",
                        "Sorry, \"" + p.name + "\" is out of stock (" + Math.max(0, available) + " available).", data);
            }
        }
    }

    private void move(Product p, int delta) {
        p.stockQuantity = (p.stockQuantity == null ? 0 : p.stockQuantity) + delta;
        products.afterStockChange(p);
    }

    /** The product whose stock a line uses: the variation, or its parent when the parent manages the stock. */
    private Product stockOwner(Order.LineItem li) {
        Product p = store.products.get(li.variationId > 0 ? li.variationId : li.productId);
        if (p != null && p.isVariation() && !p.manageStock) {
            Product parent = store.products.get(p.parentId);
            if (parent != null && parent.manageStock) return parent;
        }
        return p;
    }

    private Product managedStockOwner(Order.LineItem li) {
        Product p = stockOwner(li);
        return p != null && p.manageStock && store.stockManagementEnabled() ? p : null;
    }

    private void setMeta(ArrayNode meta, String key, int value) {
        for (int i = 0; i < meta.size(); i++) {
            if (key.equals(meta.get(i).path("key").asText())) {
                ((ObjectNode) meta.get(i)).put("value", String.valueOf(value)).put("display_value", String.valueOf(value));
                return;
            }
        }
        meta.addObject().put("id", store.nextMetaId()).put("key", key).put("value", String.valueOf(value))
                .put("display_key", key).put("display_value", String.valueOf(value));
    }

    private static void removeMeta(ArrayNode meta, String key) {
        for (int i = meta.size() - 1; i >= 0; i--) if (key.equals(meta.get(i).path("key").asText())) meta.remove(i);
    }

    private static int reducedBy(Order.LineItem li) { return intMeta(li.metaData, REDUCED); }

    private static int intMeta(ArrayNode meta, String key) {
        for (var m : meta) if (key.equals(m.path("key").asText())) return m.path("value").asInt(0);
        return 0;
    }
}
