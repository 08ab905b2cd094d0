package com.counterlink.woo.sandbox.order;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.RestException;
import com.counterlink.woo.sandbox.product.Product;
import com.counterlink.woo.sandbox.product.ProductJson;
import com.counterlink.woo.sandbox.product.SkuCollation;
import com.counterlink.woo.sandbox.product.VariationAttribute;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.store.WpFormat;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Set;

/** prepare_line_items(): order lines from the request, new ones and edits of existing ones. */
final class OrderLines {
    private final Store store;

    OrderLines(Store store) { this.store = store; }

    /**
     * A new line at the product's price. A product the store does not have gives an empty line (no name, price 0)
     * unless {@code knownProductsOnly}, as a shopper's checkout needs.
     */
    Order.LineItem create(JsonNode b, boolean knownProductsOnly) {
        Product product = product(b);
        if (product == null && knownProductsOnly) {
            throw new RestException(400, "woocommerce_rest_invalid_product_id", "Invalid product ID or SKU.");
        }
        int qty = b.path("quantity").asInt(1);
        if (qty <= 0) throw new RestException(400, "woocommerce_rest_invalid_item_quantity", "Product quantity must be a positive float.");
        Order.LineItem li = new Order.LineItem();
        li.id = store.nextOrderItemId();
        li.quantity = qty;
        li.name = "";
        li.subtotal = BigDecimal.ZERO;
        if (product != null) describe(li, product);
        if (product != null) li.subtotal = WpFormat.decimal(product.activePrice()).multiply(BigDecimal.valueOf(qty));
        li.total = li.subtotal;
        applySentValues(li, b);
        return li;
    }

    /** An edit of an existing line keeps its totals unless they are sent (the product is not priced again). */
    void update(Order.LineItem li, JsonNode b) {
        if (b.has("quantity")) {
            int qty = b.path("quantity").asInt(li.quantity);
            if (qty < 0) throw new RestException(400, "woocommerce_rest_invalid_item_quantity", "Product quantity must be a positive float.");
            li.quantity = qty;
        }
        applySentValues(li, b);
    }

    /** maybe_set_item_props(): only what is sent changes; a line's total and subtotal are set one by one. */
    private static void applySentValues(Order.LineItem li, JsonNode b) {
        if (b.hasNonNull("name")) li.name = Json.text(b, "name", li.name);
        if (b.hasNonNull("subtotal")) li.subtotal = WpFormat.decimal(Json.text(b, "subtotal", "0"));
        if (b.hasNonNull("total")) li.total = WpFormat.decimal(Json.text(b, "total", "0"));
    }

    /** get_product_id(): a SKU first, then product_id (unless a variation_id is given), then variation_id. */
    private Product product(JsonNode b) {
        String sku = Json.text(b, "sku", "");
        if (!sku.isEmpty()) {
            // wc_get_product_id_by_sku() compares under the site's collation, as every SKU look-up does
            String key = SkuCollation.key(sku);
            return store.productSkus.getOrDefault(key, Set.of()).stream().map(store.products::get)
                    .filter(p -> p != null && !"trash".equals(p.status)).findFirst().orElse(null);
        }
        long productId = b.path("product_id").asLong(0);
        long variationId = b.path("variation_id").asLong(0);
        if (productId > 0 && variationId <= 0) return store.products.get(productId);
        if (variationId > 0) return store.products.get(variationId);
        throw new RestException(400, "woocommerce_rest_required_product_reference", "Product ID or SKU is required.");
    }

    private void describe(Order.LineItem li, Product product) {
        li.sku = product.sku;
        li.virtual = product.virtual;
        li.downloadable = product.downloadable;
        li.taxStatus = product.taxStatus;
        if (product.isVariation()) {
            Product parent = store.products.get(product.parentId);
            li.productId = product.parentId;
            li.variationId = product.id;
            li.name = parent.name + " - " + ProductJson.summary(product);
            li.parentName = parent.name;
            li.taxClass = "parent".equals(product.taxClass) ? parent.taxClass : product.taxClass;
            for (VariationAttribute a : product.variationAttributes) {
                li.metaData.addObject().put("id", store.nextMetaId()).put("key", ProductJson.attributeSlug(a.name()))
                        .put("value", a.option()).put("display_key", a.name()).put("display_value", a.option());
            }
        } else {
            li.productId = product.id;
            li.name = product.name;
            li.taxClass = product.taxClass;
        }
    }
}
