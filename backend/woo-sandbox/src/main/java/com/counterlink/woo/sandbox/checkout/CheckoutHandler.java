package com.counterlink.woo.sandbox.checkout;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.Response;
import com.counterlink.woo.sandbox.http.RestException;
import com.counterlink.woo.sandbox.order.Order;
import com.counterlink.woo.sandbox.order.OrderJson;
import com.counterlink.woo.sandbox.order.OrderService;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * A shopper's checkout (not part of wc/v3): the stock check and decrement happen under the store lock, so
 * concurrent checkouts of the last unit cannot both succeed.
 */
public final class CheckoutHandler {
    private static final Set<String> STATUSES = Set.of("pending", "processing", "on-hold", "completed");

    private CheckoutHandler() {}

    public static Response checkout(Store store, JsonNode body) {
        ObjectNode b = body.isObject() ? ((ObjectNode) body).deepCopy() : Json.object();
        String status = Json.text(b, "status", "processing");
        if (!STATUSES.contains(status)) {
            throw new RestException(400, "sandbox_invalid_status", "Checkout status must be one of pending, processing, on-hold, completed.");
        }
        b.put("status", status);
        if (b.has("coupons") && !b.has("coupon_lines")) {
            var lines = b.putArray("coupon_lines");
            b.get("coupons").forEach(c -> lines.addObject().put("code", c.asText()));
        }
        if (!b.has("payment_method")) {
            b.put("payment_method", "bacs");
            b.put("payment_method_title", "Direct bank transfer");
        }
        if (b.path("line_items").isEmpty()) throw new RestException(400, "sandbox_empty_cart", "The cart is empty.");
        return store.locked(() -> {
            Order o = new OrderService(store).create(b, OrderService.Channel.SHOPPER_CHECKOUT);
            return Response.json(201, OrderJson.render(store, o));
        });
    }
}
