package com.counterlink.woo.sandbox.order;

import com.counterlink.woo.sandbox.coupon.Coupon;
import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.RestException;
import com.counterlink.woo.sandbox.product.ProductService;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.store.WpFormat;
import com.counterlink.woo.sandbox.webhook.Topic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Order creation, updates and refunds, in the order WooCommerce's REST controller runs them. Lock held by callers. */
public final class OrderService {
    public static final List<String> STATUSES = List.of("pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed");
    private static final List<String> BILLING = List.of("first_name", "last_name", "company", "address_1", "address_2", "city", "state", "postcode", "country", "email", "phone");
    private static final List<String> SHIPPING = List.of("first_name", "last_name", "company", "address_1", "address_2", "city", "state", "postcode", "country", "phone");

    /** Where an order comes from. The REST API takes what WooCommerce takes; a shopper's checkout is stricter. */
    public enum Channel {
        /** Any quantity (stock may go negative), unknown products as empty lines, a checkout-draft left by a bad coupon. */
        REST_API("rest-api", false),
        /** Stock checked atomically, unknown products and coupons refused before anything is saved. */
        SHOPPER_CHECKOUT("checkout", true);

        final String createdVia;
        final boolean strict;

        Channel(String createdVia, boolean strict) {
            this.createdVia = createdVia;
            this.strict = strict;
        }
    }

    private final Store store;
    private final ProductService products;
    private final OrderLines lines;
    private final OrderStock stock;
    private final OrderCounts counts;
    private final OrderNotes notes;
    private final Refunds refunds;
    private final OrderStatus status;

    public OrderService(Store store) {
        this.store = store;
        this.products = new ProductService(store);
        this.lines = new OrderLines(store);
        this.stock = new OrderStock(store, products);
        this.counts = new OrderCounts(store);
        this.notes = new OrderNotes(store);
        this.refunds = new Refunds(store, stock, notes, products);
        this.status = new OrderStatus(store, stock, counts, refunds, notes);
    }

    public Order create(JsonNode b, Channel channel) {
        OrderRequestShape.check(b);
        String wantedStatus = Json.text(b, "status", "pending");
        checkStatus(wantedStatus);
        Order o = new Order();
        o.currency = Json.text(b, "currency", store.currency());
        o.customerId = b.path("customer_id").asLong(0);
        o.customerNote = Json.text(b, "customer_note", "");
        o.billing = address(b.path("billing"), BILLING);
        o.shipping = address(b.path("shipping"), SHIPPING);
        o.paymentMethod = Json.text(b, "payment_method", "");
        o.paymentMethodTitle = Json.text(b, "payment_method_title", "");
        o.transactionId = Json.text(b, "transaction_id", "");
        o.createdVia = Json.text(b, "created_via", channel.createdVia);
        if (b.has("meta_data")) products.mergeMeta(o.metaData, b.get("meta_data"));
        for (JsonNode li : b.path("line_items")) o.lineItems.add(lines.create(li, channel.strict));
        if (channel.strict) stock.refuseWhatIsNotInStock(o);
        for (JsonNode s : b.path("shipping_lines")) o.shippingLines.add(shippingLine(s));
        for (JsonNode f : b.path("fee_lines")) o.feeLines.add(feeLine(f));
        // Tax lines are created before coupon lines in WooCommerce, so coupon line ids come after them.
        OrderCalculator.calculateTotals(store, o);
        List<Coupon> coupons = coupons(o, b.path("coupon_lines"), channel);
        applyCoupons(o, coupons);
        save(o);
        status.change(o, wantedStatus);
        if (b.path("set_paid").asBoolean(false)) status.paymentComplete(o);
        // REST-created orders are saved a second time by WooCommerce, which fires woocommerce_update_order.
        store.webhookDispatcher().enqueue(Topic.resourceEvent("order", "updated"), o.id);
        return o;
    }

    public Order update(Order o, JsonNode b) {
        OrderRequestShape.check(b);
        if (b.has("status")) checkStatus(Json.text(b, "status", o.status));
        if (b.has("customer_note")) o.customerNote = Json.text(b, "customer_note", "");
        if (b.has("billing")) mergeAddress(o.billing, b.get("billing"), BILLING);
        if (b.has("shipping")) mergeAddress(o.shipping, b.get("shipping"), SHIPPING);
        if (b.has("payment_method")) o.paymentMethod = Json.text(b, "payment_method", "");
        if (b.has("payment_method_title")) o.paymentMethodTitle = Json.text(b, "payment_method_title", "");
        if (b.has("transaction_id")) o.transactionId = Json.text(b, "transaction_id", "");
        if (b.has("customer_id")) o.customerId = b.get("customer_id").asLong();
        if (b.has("meta_data")) products.mergeMeta(o.metaData, b.get("meta_data"));
        if (b.hasNonNull("line_items")) editLines(o, b.get("line_items"));
        if (b.hasNonNull("line_items") || b.has("billing") || b.has("shipping")) OrderCalculator.calculateTotals(store, o);
        o.dateModified = store.clock().now();
        if (b.has("status")) status.change(o, Json.text(b, "status", o.status));
        if (b.path("set_paid").asBoolean(false) && needsPayment(o)) status.paymentComplete(o);
        store.webhookDispatcher().enqueue(Topic.resourceEvent("order", "updated"), o.id);
        return o;
    }

    /** POST /orders/{id}/refunds: a refund that leaves nothing to refund makes the order refunded. Fires order.updated. */
    public Refund refund(Order o, JsonNode b) {
        BigDecimal leftBefore = o.remainingRefundAmount();
        Refund r = refunds.create(o, b);
        o.dateModified = store.clock().now();
        if (leftBefore.subtract(r.amount).signum() <= 0) status.change(o, "refunded");
        store.webhookDispatcher().enqueue(Topic.resourceEvent("order", "updated"), o.id);
        return r;
    }

    public Order.OrderNote addNote(Order o, String text, boolean customerNote, String author) {
        return notes.add(o, text, customerNote, author);
    }

    private void save(Order o) {
        o.id = store.nextPostId();
        o.orderKey = "wc_order_" + Store.randomAlnum(13);
        o.dateCreated = store.clock().now();
        o.dateModified = o.dateCreated;
        store.orders.put(o.id, o);
        store.webhookDispatcher().enqueue(Topic.resourceEvent("order", "created"), o.id);
    }

    /** PUT line_items: {id, ...} edits that line (quantity 0 removes it), a line without id is added. */
    private void editLines(Order o, JsonNode items) {
        for (JsonNode item : items) {
            if (!item.isObject()) continue;
            long id = item.path("id").asLong(0);
            boolean removes = item.has("quantity") && item.get("quantity").asInt(-1) == 0;
            if (id > 0) {
                Order.LineItem li = o.lineItem(id);
                if (li == null) throw new RestException(400, "woocommerce_rest_invalid_item_id", "Order item ID provided is not associated with order.");
                if (removes) {
                    o.lineItems.remove(li);
                    continue;
                }
                lines.update(li, item);
                stock.adjust(o, li);
            } else if (!removes) {
                Order.LineItem li = lines.create(item, false);
                o.lineItems.add(li);
                stock.adjust(o, li);
            }
        }
    }

    /**
     * calculate_coupons(): every code is checked before any is applied. A REST-created order was already saved as a
     * checkout-draft by then, so a bad code leaves that draft behind and names it in the error.
     */
    private List<Coupon> coupons(Order o, JsonNode requested, Channel channel) {
        List<Coupon> out = new ArrayList<>();
        for (JsonNode c : requested) {
            try {
                out.add(coupon(c));
            } catch (RestException e) {
                if (channel.strict) throw e;
                o.status = "checkout-draft";
                save(o);
                ObjectNode data = Json.object().put("new_draft_order_id", o.id);
                throw new RestException(e.status(), e.code(), e.getMessage(), data);
            }
        }
        return out;
    }

    /** apply_coupon() for each code, in the order given: a coupon line, its use counted, then all coupons recalculated. */
    private void applyCoupons(Order o, List<Coupon> coupons) {
        if (coupons.isEmpty()) return;
        Map<Long, Coupon> couponsByLine = new LinkedHashMap<>();
        for (Coupon c : coupons) {
            Order.CouponLine cl = new Order.CouponLine();
            cl.id = store.nextOrderItemId();
            cl.couponId = c.id;
            cl.code = c.code;
            cl.discountType = c.discountType;
            cl.nominalAmount = c.amount;
            cl.freeShipping = c.freeShipping;
            String info = "[" + c.id + ",\"" + c.code + "\",\"" + c.discountType + "\"," + OrderJson.plainNumber(c.amount).toPlainString() + "]";
            cl.metaData.addObject().put("id", store.nextMetaId()).put("key", "coupon_info").put("value", info)
                    .put("display_key", "coupon_info").put("display_value", info);
            o.couponLines.add(cl);
            couponsByLine.put(cl.id, c);
            counts.couponApplied(o, c);
        }
        OrderCalculator.applyCoupons(store, o, couponsByLine);
    }

    private Coupon coupon(JsonNode requested) {
        if (requested.path("id").asLong(0) > 0) {
            throw new RestException(400, "woocommerce_rest_coupon_item_id_readonly", "Coupon item ID is readonly.");
        }
        String wanted = Json.text(requested, "code", "").trim().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) throw new RestException(400, "woocommerce_rest_invalid_coupon", "Coupon code is required.");
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

    private Order.ShippingLine shippingLine(JsonNode s) {
        Order.ShippingLine sl = new Order.ShippingLine();
        sl.id = store.nextOrderItemId();
        sl.methodId = Json.text(s, "method_id", "");
        sl.methodTitle = Json.text(s, "method_title", "");
        sl.instanceId = Json.text(s, "instance_id", "");
        sl.total = WpFormat.decimal(Json.text(s, "total", "0"));
        return sl;
    }

    private Order.FeeLine feeLine(JsonNode f) {
        Order.FeeLine fl = new Order.FeeLine();
        fl.id = store.nextOrderItemId();
        fl.name = Json.text(f, "name", "");
        fl.taxClass = Json.text(f, "tax_class", "");
        fl.taxStatus = Json.text(f, "tax_status", "taxable");
        fl.total = WpFormat.decimal(Json.text(f, "total", "0"));
        return fl;
    }

    /** needs_payment(): still waiting for money. */
    private static boolean needsPayment(Order o) {
        return Set.of("pending", "failed").contains(o.status) && o.total.signum() > 0;
    }

    private static void checkStatus(String status) {
        if (!STATUSES.contains(status) && !"checkout-draft".equals(status)) {
            throw RestException.invalidParam("status", "rest_not_in_enum",
                    "status is not one of pending, processing, on-hold, completed, cancelled, refunded, failed, and checkout-draft.");
        }
    }

    private static ObjectNode address(JsonNode given, List<String> fields) {
        ObjectNode a = Json.object();
        for (String f : fields) a.put(f, Json.text(given, f, ""));
        return a;
    }

    private static void mergeAddress(ObjectNode target, JsonNode given, List<String> fields) {
        for (String f : fields) if (given.has(f)) target.put(f, Json.text(given, f, ""));
    }
}
