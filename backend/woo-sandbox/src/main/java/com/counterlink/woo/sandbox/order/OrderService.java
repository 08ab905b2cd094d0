package com.counterlink.woo.sandbox.order;

import com.counterlink.woo.sandbox.coupon.Coupon;
import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.RestException;
import com.counterlink.woo.sandbox.product.Product;
import com.counterlink.woo.sandbox.product.ProductJson;
import com.counterlink.woo.sandbox.product.ProductService;
import com.counterlink.woo.sandbox.product.VariationAttribute;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.store.WpFormat;
import com.counterlink.woo.sandbox.webhook.Topic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Order creation and updates with WooCommerce's status side effects (paid/completed dates, stock, coupons). Lock held by callers. */
public final class OrderService {
    public static final List<String> STATUSES = List.of("pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed");
    private static final Set<String> REDUCES_STOCK = Set.of("processing", "completed", "on-hold");
    private static final Set<String> RESTORES_STOCK = Set.of("cancelled", "pending");
    private static final List<String> BILLING = List.of("first_name", "last_name", "company", "address_1", "address_2", "city", "state", "postcode", "country", "email", "phone");
    private static final List<String> SHIPPING = List.of("first_name", "last_name", "company", "address_1", "address_2", "city", "state", "postcode", "country", "phone");

    private final Store store;
    private final ProductService products;

    public OrderService(Store store) {
        this.store = store;
        this.products = new ProductService(store);
    }

    /**
     * @param strictStock refuse items that lack stock (shopper checkout); REST-created orders may drive stock negative,
     *                    as WooCommerce allows
     */
    public Order create(JsonNode b, String createdVia, boolean strictStock) {
        Order o = new Order();
        String status = Json.text(b, "status", "pending");
        checkStatus(status);
        o.currency = Json.text(b, "currency", store.currency());
        o.customerId = b.path("customer_id").asLong(0);
        o.customerNote = Json.text(b, "customer_note", "");
        o.billing = address(b.path("billing"), BILLING);
        o.shipping = address(b.path("shipping"), SHIPPING);
        o.paymentMethod = Json.text(b, "payment_method", "");
        o.paymentMethodTitle = Json.text(b, "payment_method_title", "");
        o.transactionId = Json.text(b, "transaction_id", "");
        o.createdVia = Json.text(b, "created_via", createdVia);
        if (b.has("meta_data")) products.mergeMeta(o.metaData, b.get("meta_data"));
        for (JsonNode li : b.path("line_items")) o.lineItems.add(lineItem(li));
        if (strictStock) checkStock(o);
        for (JsonNode s : b.path("shipping_lines")) {
            Order.ShippingLine sl = new Order.ShippingLine();
            sl.id = store.nextOrderItemId();
            sl.methodId = Json.text(s, "method_id", "");
            sl.methodTitle = Json.text(s, "method_title", "");
            sl.instanceId = Json.text(s, "instance_id", "");
            sl.total = WpFormat.decimal(Json.text(s, "total", "0"));
            o.shippingLines.add(sl);
        }
        for (JsonNode f : b.path("fee_lines")) {
            Order.FeeLine fl = new Order.FeeLine();
            fl.id = store.nextOrderItemId();
            fl.name = Json.text(f, "name", "");
            fl.taxClass = Json.text(f, "tax_class", "");
            fl.taxStatus = Json.text(f, "tax_status", "taxable");
            fl.total = WpFormat.decimal(Json.text(f, "total", "0"));
            o.feeLines.add(fl);
        }
        Map<Long, Coupon> couponsByLine = new LinkedHashMap<>();
        List<JsonNode> couponRequests = new java.util.ArrayList<>();
        b.path("coupon_lines").forEach(couponRequests::add);
        Map<JsonNode, Coupon> resolved = new LinkedHashMap<>();
        for (JsonNode c : couponRequests) resolved.put(c, coupon(Json.text(c, "code", "")));
        // Tax lines are created before coupon lines in WooCommerce, so coupon line ids come after them.
        OrderCalculator.calculateTotals(store, o);
        for (Map.Entry<JsonNode, Coupon> e : resolved.entrySet()) {
            Coupon c = e.getValue();
            Order.CouponLine cl = new Order.CouponLine();
            cl.id = store.nextOrderItemId();
            cl.couponId = c.id;
            cl.code = c.code;
            cl.discountType = c.discountType;
            cl.nominalAmount = c.amount;
            cl.freeShipping = c.freeShipping;
            ObjectNode meta = cl.metaData.addObject();
            String info = "[" + c.id + ",\"" + c.code + "\",\"" + c.discountType + "\"," + OrderJson.plainNumber(c.amount).toPlainString() + "]";
            meta.put("id", store.nextMetaId()).put("key", "coupon_info").put("value", info)
                    .put("display_key", "coupon_info").put("display_value", info);
            o.couponLines.add(cl);
            couponsByLine.put(cl.id, c);
            c.usageCount++;
            String email = o.billing.path("email").asText();
            c.usedBy.add(o.customerId > 0 ? String.valueOf(o.customerId) : email);
        }
        if (!couponsByLine.isEmpty()) OrderCalculator.applyCoupons(store, o, couponsByLine);
        o.id = store.nextPostId();
        o.orderKey = "wc_order_" + Store.randomAlnum(13);
        o.dateCreated = store.clock().now();
        o.dateModified = o.dateCreated;
        store.orders.put(o.id, o);
        applyStatus(o, status);
        if (b.path("set_paid").asBoolean(false)) paymentComplete(o);
        store.webhookDispatcher().enqueue(Topic.resourceEvent("order", "created"), o.id);
        // REST-created orders are saved a second time by WooCommerce, which fires woocommerce_update_order.
        store.webhookDispatcher().enqueue(Topic.resourceEvent("order", "updated"), o.id);
        return o;
    }

    public Order update(Order o, JsonNode b) {
        if (b.has("status")) checkStatus(Json.text(b, "status", o.status));
        if (b.has("customer_note")) o.customerNote = Json.text(b, "customer_note", "");
        if (b.has("billing")) mergeAddress(o.billing, b.get("billing"), BILLING);
        if (b.has("shipping")) mergeAddress(o.shipping, b.get("shipping"), SHIPPING);
        if (b.has("payment_method")) o.paymentMethod = Json.text(b, "payment_method", "");
        if (b.has("payment_method_title")) o.paymentMethodTitle = Json.text(b, "payment_method_title", "");
        if (b.has("transaction_id")) o.transactionId = Json.text(b, "transaction_id", "");
        if (b.has("customer_id")) o.customerId = b.get("customer_id").asLong();
        if (b.has("meta_data")) products.mergeMeta(o.metaData, b.get("meta_data"));
        o.dateModified = store.clock().now();
        if (b.has("status")) applyStatus(o, Json.text(b, "status", o.status));
        if (b.path("set_paid").asBoolean(false)) paymentComplete(o);
        store.webhookDispatcher().enqueue(Topic.resourceEvent("order", "updated"), o.id);
        return o;
    }

    /**
     * Refunds an amount of the order (WooCommerce's manual refund): at most what is left unrefunded; refunding
     * the rest makes the order "refunded". Fires order.updated.
     */
    public Order.Refund refund(Order o, JsonNode b) {
        String raw = Json.text(b, "amount", "");
        BigDecimal amount;
        try {
            amount = new BigDecimal(raw.isEmpty() ? "0" : raw).setScale(2, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            amount = BigDecimal.ZERO;
        }
        BigDecimal left = o.total.subtract(o.refundedTotal());
        if (amount.signum() <= 0 || amount.compareTo(left) > 0) {
            throw new RestException(400, "woocommerce_rest_cannot_create_order_refund", "Invalid refund amount.");
        }
        Order.Refund refund = new Order.Refund(store.nextPostId(), store.clock().now(), amount, Json.text(b, "reason", ""));
        o.refunds.add(refund);
        o.dateModified = store.clock().now();
        addNote(o, "Refunded " + amount.toPlainString() + (refund.reason().isEmpty() ? "" : " – " + refund.reason()), false,
                "system");
        if (o.refundedTotal().compareTo(o.total) == 0) {
            applyStatus(o, "refunded");
        }
        store.webhookDispatcher().enqueue(Topic.resourceEvent("order", "updated"), o.id);
        return refund;
    }

    public Order.OrderNote addNote(Order o, String text, boolean customerNote, String author) {
        Order.OrderNote n = new Order.OrderNote(store.nextMetaId(), author, store.clock().now(), text, customerNote);
        o.notes.add(n);
        return n;
    }

    private void checkStatus(String status) {
        if (!STATUSES.contains(status) && !"checkout-draft".equals(status)) {
            throw RestException.invalidParam("status", "rest_not_in_enum",
                    "status is not one of pending, processing, on-hold, completed, cancelled, refunded, failed, and checkout-draft.");
        }
    }

    private void applyStatus(Order o, String status) {
        String from = o.status;
        o.status = status;
        if (("processing".equals(status) || "completed".equals(status)) && o.datePaid == null) o.datePaid = store.clock().now();
        if ("completed".equals(status) && !"completed".equals(from)) o.dateCompleted = store.clock().now();
        if (REDUCES_STOCK.contains(status) && !o.stockReduced) reduceStock(o);
        if (RESTORES_STOCK.contains(status) && o.stockReduced) restoreStock(o);
        if (!from.equals(status)) addNote(o, "Order status changed from " + label(from) + " to " + label(status) + ".", false, "system");
    }

    private void paymentComplete(Order o) {
        if (Set.of("on-hold", "pending", "failed", "cancelled").contains(o.status)) applyStatus(o, "processing");
        if (o.datePaid == null) o.datePaid = store.clock().now();
    }

    private void reduceStock(Order o) {
        for (Order.LineItem li : o.lineItems) {
            Product p = stockOwner(li);
            if (p == null || !p.manageStock || !store.stockManagementEnabled()) continue;
            p.stockQuantity = (p.stockQuantity == null ? 0 : p.stockQuantity) - li.quantity;
            p.totalSales += li.quantity;
            ObjectNode meta = li.metaData.addObject();
            meta.put("id", store.nextMetaId()).put("key", "_reduced_stock").put("value", String.valueOf(li.quantity))
                    .put("display_key", "_reduced_stock").put("display_value", String.valueOf(li.quantity));
            products.afterStockChange(p);
        }
        o.stockReduced = true;
    }

    private void restoreStock(Order o) {
        for (Order.LineItem li : o.lineItems) {
            Product p = stockOwner(li);
            boolean reduced = li.metaData.findValuesAsText("key").contains("_reduced_stock");
            if (p == null || !reduced) continue;
            p.stockQuantity = (p.stockQuantity == null ? 0 : p.stockQuantity) + li.quantity;
            for (int i = li.metaData.size() - 1; i >= 0; i--) {
                if ("_reduced_stock".equals(li.metaData.get(i).path("key").asText())) li.metaData.remove(i);
            }
            products.afterStockChange(p);
        }
        o.stockReduced = false;
    }

    private void checkStock(Order o) {
        Map<Long, Integer> wanted = new LinkedHashMap<>();
        for (Order.LineItem li : o.lineItems) {
            Product p = stockOwner(li);
            if (p != null) wanted.merge(p.id, li.quantity, Integer::sum);
        }
        for (Map.Entry<Long, Integer> e : wanted.entrySet()) {
            Product p = store.products.get(e.getKey());
            boolean managed = p.manageStock && store.stockManagementEnabled();
            int available = p.stockQuantity == null ? 0 : p.stockQuantity;
            if (managed && !p.backordersAllowed() && available < e.getValue()
                    || !managed && "outofstock".equals(p.stockStatus)) {
                ObjectNode data = Json.object();
                data.put("product_id", p.id);
                data.put("requested", e.getValue());
                data.put("available", managed ? Math.max(0, available) : 0);
                throw new RestException(409, "sandbox_out_of_stock",
                        "Sorry, \"" + p.name + "\" is out of stock (" + Math.max(0, available) + " available).", data);
            }
        }
    }

    /** The product whose stock a line consumes: the variation, or its parent when the parent manages stock. */
    private Product stockOwner(Order.LineItem li) {
        Product p = store.products.get(li.variationId > 0 ? li.variationId : li.productId);
        if (p != null && p.isVariation() && !p.manageStock) {
            Product parent = store.products.get(p.parentId);
            if (parent != null && parent.manageStock) return parent;
        }
        return p;
    }

    private Order.LineItem lineItem(JsonNode b) {
        Product product = null;
        if (b.path("variation_id").asLong(0) > 0) product = store.products.get(b.get("variation_id").asLong());
        if (product == null && b.path("product_id").asLong(0) > 0) product = store.products.get(b.get("product_id").asLong());
        if (product == null && b.hasNonNull("sku")) {
            String sku = b.get("sku").asText();
            product = store.products.values().stream().filter(p -> sku.equals(p.sku)).findFirst().orElse(null);
        }
        if (product == null) {
            if (!b.has("product_id") && !b.has("sku") && !b.has("variation_id")) {
                throw new RestException(400, "woocommerce_rest_required_product_reference", "Product ID or SKU is required.");
            }
            throw new RestException(400, "woocommerce_rest_invalid_product_id", "Invalid product ID or SKU.");
        }
        int qty = b.path("quantity").asInt(1);
        if (qty <= 0) throw new RestException(400, "woocommerce_rest_invalid_item_quantity", "Product quantity must be a positive float.");
        Order.LineItem li = new Order.LineItem();
        li.id = store.nextOrderItemId();
        li.quantity = qty;
        li.sku = product.sku;
        li.virtual = product.virtual;
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
        BigDecimal unit = WpFormat.decimal(product.activePrice());
        li.subtotal = b.hasNonNull("subtotal") ? WpFormat.decimal(b.get("subtotal").asText())
                : b.hasNonNull("total") ? WpFormat.decimal(b.get("total").asText())
                : unit.multiply(BigDecimal.valueOf(qty));
        li.total = li.subtotal;
        return li;
    }

    private Coupon coupon(String code) {
        String wanted = code.trim().toLowerCase(java.util.Locale.ROOT);
        Coupon c = store.coupons.values().stream().filter(x -> x.code.equals(wanted) && "publish".equals(x.status)).findFirst().orElse(null);
        if (c == null) throw new RestException(400, "woocommerce_rest_invalid_coupon", "Coupon \"" + wanted + "\" does not exist!");
        if (c.usageLimit != null && c.usageCount >= c.usageLimit) {
            throw new RestException(400, "woocommerce_rest_invalid_coupon", "Coupon usage limit has been reached.");
        }
        if (c.dateExpires != null && c.dateExpires.isBefore(store.clock().now())) {
            throw new RestException(400, "woocommerce_rest_invalid_coupon", "This coupon has expired.");
        }
        return c;
    }

    private static ObjectNode address(JsonNode given, List<String> fields) {
        ObjectNode a = Json.object();
        for (String f : fields) a.put(f, Json.text(given, f, ""));
        return a;
    }

    private static void mergeAddress(ObjectNode target, JsonNode given, List<String> fields) {
        for (String f : fields) if (given.has(f)) target.put(f, Json.text(given, f, ""));
    }

    private static String label(String status) {
        return switch (status) {
            case "pending" -> "Pending payment";
            case "on-hold" -> "On hold";
            case "checkout-draft" -> "Draft";
            default -> Character.toUpperCase(status.charAt(0)) + status.substring(1);
        };
    }
}
