package com.counterlink.woo.sandbox.order;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.product.ProductService;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * wc_create_refund() behind POST /orders/{id}/refunds: the amount (or the sum of the refunded lines), checked against
 * what is left; the refunded lines as negative copies; the gateway asked to pay back unless {@code api_refund} is
 * false; refunded units restocked unless {@code api_restock} is false. Status changes are the caller's.
 */
final class Refunds {
    static final String REFUNDED_ITEM_ID = "_refunded_item_id";

    private final Store store;
    private final OrderStock stock;
    private final OrderNotes notes;
    private final ProductService products;

    Refunds(Store store, OrderStock stock, OrderNotes notes, ProductService products) {
        this.store = store;
        this.stock = stock;
        this.notes = notes;
        this.products = products;
    }

    /** One refunded item of the request: {@code line_items[]} as {id, quantity, refund_total, refund_tax[{id, refund_total}]}. */
    private record RefundedItem(int quantity, BigDecimal total, boolean priced, Map<Long, BigDecimal> taxes) {
        boolean isEmpty() { return quantity == 0 && total.signum() == 0 && taxes.isEmpty(); }

        BigDecimal amount() { return taxes.values().stream().reduce(total, BigDecimal::add); }
    }

    Refund create(Order o, JsonNode b) {
        Map<Long, RefundedItem> items = refundedItems(b.path("line_items"));
        BigDecimal amount = b.hasNonNull("amount") ? amount(Json.text(b, "amount", "")) : amountOfLines(items);
        if (amount != null && amount.signum() < 0) {
            throw new BareStatusError(400, "woocommerce_rest_invalid_order_refund", "Refund amount must be greater than zero.");
        }
        if (amount == null || amount.compareTo(o.remainingRefundAmount()) > 0) throw cannotRefund("Invalid refund amount.");
        Refund r = newRefund(o, amount, Json.text(b, "reason", ""));
        copyRefundedItems(o, r, items);
        if (b.has("meta_data")) products.mergeMeta(r.metaData, b.get("meta_data"));
        if (flag(b, "api_refund")) {
            String refusal = PaymentGateways.automaticRefundRefusal(o);
            if (refusal != null) throw cannotRefund(refusal);
            r.refundedPayment = true;
        }
        o.refunds.add(r);
        if (flag(b, "api_restock")) restock(o, items);
        return r;
    }

    /** wc_order_fully_refunded(): an order set to refunded gets a refund of what is left, without a gateway or restock. */
    void refundWhatIsLeft(Order o) {
        BigDecimal left = o.remainingRefundAmount();
        if (left.signum() <= 0) return;
        o.refunds.add(newRefund(o, left, "Order fully refunded."));
        notes.add(o, "Order status set to refunded. To return funds to the customer you will need to issue a refund through your payment gateway.");
    }

    private Refund newRefund(Order o, BigDecimal amount, String reason) {
        Refund r = new Refund();
        r.id = store.nextPostId();
        r.orderId = o.id;
        r.dateCreated = store.clock().now();
        r.amount = amount;
        r.reason = reason;
        return r;
    }

    private static BareStatusError cannotRefund(String message) {
        return new BareStatusError(500, "woocommerce_rest_cannot_create_order_refund", message);
    }

    /** A boolean parameter that defaults to true when it is missing or not a boolean (adjust_create_refund_request_parameters). */
    private static boolean flag(JsonNode b, String name) {
        JsonNode v = b.get(name);
        return v == null || !v.isBoolean() || v.asBoolean();
    }

    private static BigDecimal amount(String raw) {
        try {
            return raw.isBlank() ? BigDecimal.ZERO : new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Without an amount, the refund is worth its lines with their taxes, when every line says what it refunds. */
    private static BigDecimal amountOfLines(Map<Long, RefundedItem> items) {
        if (items.values().stream().anyMatch(i -> !i.priced())) return BigDecimal.ZERO;
        return items.values().stream().map(RefundedItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Map<Long, RefundedItem> refundedItems(JsonNode lines) {
        Map<Long, RefundedItem> out = new LinkedHashMap<>();
        for (JsonNode line : lines) {
            Map<Long, BigDecimal> taxes = new LinkedHashMap<>();
            for (JsonNode t : line.path("refund_tax")) {
                BigDecimal tax = amount(Json.text(t, "refund_total", "0"));
                if (tax != null && tax.signum() != 0) taxes.put(t.path("id").asLong(), tax);
            }
            BigDecimal total = line.hasNonNull("refund_total") ? amount(Json.text(line, "refund_total", "")) : null;
            out.put(line.path("id").asLong(), new RefundedItem(line.path("quantity").asInt(0), total == null ? BigDecimal.ZERO : total, total != null, taxes));
        }
        return out;
    }

    /** The refund holds negative copies of the refunded lines, fees and shipping, each naming the item it gives back. */
    private void copyRefundedItems(Order o, Refund r, Map<Long, RefundedItem> items) {
        for (Order.LineItem li : o.lineItems) {
            RefundedItem item = items.get(li.id);
            if (item == null || item.isEmpty()) continue;
            Order.LineItem copy = new Order.LineItem();
            copy.id = store.nextOrderItemId();
            copy.name = li.name;
            copy.productId = li.productId;
            copy.variationId = li.variationId;
            copy.sku = li.sku;
            copy.parentName = li.parentName;
            copy.taxClass = li.taxClass;
            copy.taxStatus = li.taxStatus;
            copy.quantity = -item.quantity();
            copy.subtotal = item.total().negate();
            copy.total = copy.subtotal;
            copy.taxes = negativeTaxes(item, true);
            copy.refundedItemId = li.id;
            copy.metaData = refundedItemMeta(li.metaData, li.id);
            r.lineItems.add(copy);
        }
        for (Order.FeeLine f : o.feeLines) {
            RefundedItem item = items.get(f.id);
            if (item == null || item.isEmpty()) continue;
            Order.FeeLine copy = new Order.FeeLine();
            copy.id = store.nextOrderItemId();
            copy.name = f.name;
            copy.taxClass = f.taxClass;
            copy.taxStatus = f.taxStatus;
            copy.total = item.total().negate();
            copy.taxes = negativeTaxes(item, false);
            copy.metaData = refundedItemMeta(Json.array(), f.id);
            r.feeLines.add(copy);
        }
        for (Order.ShippingLine s : o.shippingLines) {
            RefundedItem item = items.get(s.id);
            if (item == null || item.isEmpty()) continue;
            Order.ShippingLine copy = new Order.ShippingLine();
            copy.id = store.nextOrderItemId();
            copy.methodTitle = s.methodTitle;
            copy.methodId = s.methodId;
            copy.instanceId = s.instanceId;
            copy.total = item.total().negate();
            copy.taxes = negativeTaxes(item, false);
            copy.metaData = refundedItemMeta(s.metaData, s.id);
            r.shippingLines.add(copy);
        }
        refundTaxLines(o, r);
    }

    private static Order.Taxes negativeTaxes(RefundedItem item, boolean withSubtotal) {
        Order.Taxes taxes = new Order.Taxes();
        item.taxes().forEach((rate, tax) -> taxes.put(rate, new BigDecimal[]{tax.negate(), withSubtotal ? tax.negate() : null}));
        return taxes;
    }

    /** The original's own meta (attributes), without the stock bookkeeping, plus {@code _refunded_item_id}. */
    private ArrayNode refundedItemMeta(ArrayNode original, long itemId) {
        ArrayNode meta = Json.array();
        for (JsonNode m : original) if (!m.path("key").asText().startsWith("_")) meta.add(m.deepCopy());
        String id = String.valueOf(itemId);
        meta.addObject().put("id", store.nextMetaId()).put("key", REFUNDED_ITEM_ID).put("value", id)
                .put("display_key", REFUNDED_ITEM_ID).put("display_value", id);
        return meta;
    }

    /** update_taxes() on the refund: one tax line per rate its items give back. */
    private void refundTaxLines(Order o, Refund r) {
        Map<Long, Order.TaxLine> byRate = new LinkedHashMap<>();
        r.lineItems.forEach(li -> addTaxes(o, byRate, li.taxes, false));
        r.feeLines.forEach(f -> addTaxes(o, byRate, f.taxes, false));
        r.shippingLines.forEach(s -> addTaxes(o, byRate, s.taxes, true));
        r.taxLines.addAll(byRate.values());
    }

    private void addTaxes(Order o, Map<Long, Order.TaxLine> byRate, Order.Taxes taxes, boolean shipping) {
        for (Map.Entry<Long, BigDecimal[]> e : taxes.entrySet()) {
            Order.TaxLine t = taxLine(o, byRate, e.getKey());
            if (shipping) t.shippingTaxTotal = t.shippingTaxTotal.add(e.getValue()[0]);
            else t.taxTotal = t.taxTotal.add(e.getValue()[0]);
        }
    }

    private Order.TaxLine taxLine(Order o, Map<Long, Order.TaxLine> byRate, long rateId) {
        return byRate.computeIfAbsent(rateId, id -> {
            Order.TaxLine t = new Order.TaxLine();
            t.id = store.nextOrderItemId();
            t.rateId = id;
            Order.TaxLine orderLine = o.taxLines.stream().filter(x -> x.rateId == id).findFirst().orElse(null);
            t.rateCode = orderLine == null ? "" : orderLine.rateCode;
            t.label = orderLine == null ? "" : orderLine.label;
            t.compound = orderLine != null && orderLine.compound;
            t.ratePercent = orderLine == null ? BigDecimal.ZERO : orderLine.ratePercent;
            return t;
        });
    }

    private void restock(Order o, Map<Long, RefundedItem> items) {
        for (Order.LineItem li : o.lineItems) {
            RefundedItem item = items.get(li.id);
            if (item != null) stock.restockRefunded(li, item.quantity());
        }
    }
}
