package com.counterlink.woo.sandbox.order;

import com.counterlink.woo.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A shop_order_refund: an amount given back, with the refunded items as negative copies of the order's items
 * (each carries {@code _refunded_item_id}).
 */
public final class Refund {
    public long id;
    public long orderId;
    public Instant dateCreated;
    public BigDecimal amount = BigDecimal.ZERO;
    public String reason = "";
    /** True when the payment gateway gave the money back ({@code api_refund}). */
    public boolean refundedPayment;
    public ArrayNode metaData = Json.array();
    public final List<Order.LineItem> lineItems = new ArrayList<>();
    public final List<Order.ShippingLine> shippingLines = new ArrayList<>();
    public final List<Order.FeeLine> feeLines = new ArrayList<>();
    public final List<Order.TaxLine> taxLines = new ArrayList<>();

    /** How many units of the order's line {@code itemId} this refund gives back (a positive number). */
    public int quantityRefunded(long itemId) {
        int qty = 0;
        for (Order.LineItem li : lineItems) {
            if (li.refundedItemId == itemId) qty -= li.quantity;
        }
        return qty;
    }
}
