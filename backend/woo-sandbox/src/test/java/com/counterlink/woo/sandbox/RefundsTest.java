package com.counterlink.woo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /orders/{id}/refunds as WooCommerce 10.0.2's refunds controller and wc_create_refund() answer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefundsTest {
    private WooSandbox sandbox;

    @BeforeAll
    void start() { sandbox = WooSandbox.start(); }

    @AfterAll
    void stop() { sandbox.close(); }

    private static long order(ShopApi shop, String paymentMethod, long product, int quantity) throws Exception {
        return shop.post("/orders", "{\"status\":\"processing\",\"payment_method\":\"" + paymentMethod + "\","
                + "\"line_items\":[{\"product_id\":" + product + ",\"quantity\":" + quantity + "}]}").expect(201).get("id").asLong();
    }

    @Test
    void anAutomaticRefundThroughAGatewayWithoutRefundsIsA500AndRecordsNothing() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "api-refund");
        long mug = shop.product("MUG", "10.00", null);
        for (String gateway : new String[]{"cod", "bacs", "cheque"}) {
            long id = order(shop, gateway, mug, 1);
            JsonNode error = shop.post("/orders/" + id + "/refunds", "{\"amount\":\"1.00\"}").expect(500);
            assertEquals("woocommerce_rest_cannot_create_order_refund", error.get("code").asText());
            assertEquals("The payment gateway for this order does not support automatic refunds.", error.get("message").asText(), gateway);
            assertTrue(error.get("data").isInt() && error.get("data").asInt() == 500, "WP_Error data is the bare status: " + error);
            assertEquals(0, shop.get("/orders/" + id + "/refunds").expect(200).size());
            assertEquals(0, shop.order(id).get("refunds").size());
        }
        long noGateway = order(shop, "", mug, 1);
        JsonNode error = shop.post("/orders/" + noGateway + "/refunds", "{\"amount\":\"1.00\",\"api_refund\":true}").expect(500);
        assertEquals("The payment gateway for this order does not exist.", error.get("message").asText());
        assertEquals(500, error.get("data").asInt());
    }

    @Test
    void aManualRefundIsRecordedAndListedNewestFirst() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "manual-refund");
        long mug = shop.product("MUG", "10.00", null);
        long id = order(shop, "cod", mug, 3);

        JsonNode first = shop.post("/orders/" + id + "/refunds", "{\"amount\":\"4\",\"reason\":\"scratched\",\"api_refund\":false}").expect(201);
        assertEquals("4.00", first.get("amount").asText());
        assertEquals("scratched", first.get("reason").asText());
        assertFalse(first.get("refunded_payment").asBoolean());
        JsonNode second = shop.post("/orders/" + id + "/refunds", "{\"amount\":\"1.50\",\"api_refund\":false}").expect(201);

        JsonNode list = shop.get("/orders/" + id + "/refunds").expect(200);
        assertEquals(2, list.size());
        assertEquals(second.get("id").asLong(), list.get(0).get("id").asLong(), "newest first");
        assertEquals(first.get("id").asLong(), list.get(1).get("id").asLong());

        JsonNode one = shop.get("/orders/" + id + "/refunds/" + first.get("id").asLong()).expect(200);
        assertEquals("4.00", one.get("amount").asText());
        assertEquals("scratched", one.get("reason").asText());
        JsonNode missing = shop.get("/orders/" + id + "/refunds/999999").expect(404);
        assertEquals("woocommerce_rest_shop_order_refund_invalid_id", missing.get("code").asText());
        long otherOrder = order(shop, "cod", mug, 1);
        JsonNode notThisOrders = shop.get("/orders/" + otherOrder + "/refunds/" + first.get("id").asLong()).expect(404);
        assertEquals("woocommerce_rest_invalid_order_refund_id", notThisOrders.get("code").asText());
        assertEquals(404, notThisOrders.get("data").asInt());
        assertEquals(0, shop.get("/orders/" + otherOrder + "/refunds").expect(200).size());

        JsonNode order = shop.order(id);
        assertEquals("processing", order.get("status").asText(), "partly refunded");
        assertEquals("-1.50", order.get("refunds").get(0).get("total").asText());
        assertEquals("-4.00", order.get("refunds").get(1).get("total").asText());
    }

    @Test
    void refundingMoreThanIsLeftIsA500WhileZeroIsAcceptedAndNegativeIsA400() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "refund-amounts");
        long mug = shop.product("MUG", "10.00", null);
        long id = order(shop, "bacs", mug, 1);
        shop.post("/orders/" + id + "/refunds", "{\"amount\":\"6.00\",\"api_refund\":false}").expect(201);

        JsonNode tooMuch = shop.post("/orders/" + id + "/refunds", "{\"amount\":\"4.01\",\"api_refund\":false}").expect(500);
        assertEquals("woocommerce_rest_cannot_create_order_refund", tooMuch.get("code").asText());
        assertEquals("Invalid refund amount.", tooMuch.get("message").asText());
        assertEquals(500, tooMuch.get("data").asInt());
        assertTrue(tooMuch.get("data").isNumber(), tooMuch.toString());

        JsonNode zero = shop.post("/orders/" + id + "/refunds", "{\"amount\":\"0\",\"api_refund\":false}").expect(201);
        assertEquals("0.00", zero.get("amount").asText());

        JsonNode negative = shop.post("/orders/" + id + "/refunds", "{\"amount\":\"-1\",\"api_refund\":false}").expect(400);
        assertEquals("woocommerce_rest_invalid_order_refund", negative.get("code").asText());
        assertEquals("Refund amount must be greater than zero.", negative.get("message").asText());
        assertEquals(400, negative.get("data").asInt());

        assertEquals(2, shop.get("/orders/" + id + "/refunds").expect(200).size());
        assertEquals("processing", shop.order(id).get("status").asText());
    }

    @Test
    void refundLineItemsAreShownAndRestockedUnlessAskedNotTo() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "refund-lines").withSalesTax();
        long mug = shop.product("MUG", "10.00", 10);
        JsonNode created = shop.post("/orders", "{\"status\":\"processing\",\"billing\":{\"country\":\"US\",\"state\":\"TX\"},"
                + "\"line_items\":[{\"product_id\":" + mug + ",\"quantity\":3}]}").expect(201);
        long id = created.get("id").asLong();
        long lineId = created.get("line_items").get(0).get("id").asLong();
        long rateId = created.get("tax_lines").get(0).get("rate_id").asLong();
        assertEquals(7, shop.product(mug).get("stock_quantity").asInt());

        JsonNode refund = shop.post("/orders/" + id + "/refunds", "{\"api_refund\":false,\"line_items\":[{\"id\":" + lineId
                + ",\"quantity\":2,\"refund_total\":20,\"refund_tax\":[{\"id\":" + rateId + ",\"refund_total\":1.65}]}]}").expect(201);
        assertEquals("21.65", refund.get("amount").asText(), "the amount comes from the line items");
        JsonNode line = refund.get("line_items").get(0);
        assertEquals(mug, line.get("product_id").asLong());
        assertEquals(-2, line.get("quantity").asInt());
        assertEquals("-20.00", line.get("total").asText());
        assertEquals("-1.65", line.get("total_tax").asText());
        assertEquals(String.valueOf(lineId), ShopApi.meta(line, "_refunded_item_id"));
        assertEquals("-1.65", refund.get("tax_lines").get(0).get("tax_total").asText());
        assertEquals(9, shop.product(mug).get("stock_quantity").asInt(), "two restocked");
        assertEquals("1", ShopApi.meta(shop.order(id).get("line_items").get(0), "_reduced_stock"));

        shop.post("/orders/" + id + "/refunds", "{\"api_refund\":false,\"api_restock\":false,\"line_items\":[{\"id\":" + lineId
                + ",\"quantity\":1,\"refund_total\":5}]}").expect(201);
        assertEquals(9, shop.product(mug).get("stock_quantity").asInt(), "api_restock false leaves the stock");
    }

    @Test
    void refundingWhatIsLeftMakesTheOrderRefunded() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "refund-all");
        long mug = shop.product("MUG", "10.00", null);
        long id = order(shop, "bacs", mug, 2);
        shop.post("/orders/" + id + "/refunds", "{\"amount\":\"5.00\",\"api_refund\":false}").expect(201);
        shop.post("/orders/" + id + "/refunds", "{\"amount\":\"15.00\",\"api_refund\":false}").expect(201);
        JsonNode order = shop.order(id);
        assertEquals("refunded", order.get("status").asText());
        assertEquals(2, order.get("refunds").size(), "no extra refund when nothing is left");
    }

    @Test
    void settingTheStatusToRefundedRefundsWhatIsLeft() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "status-refunded");
        long mug = shop.product("MUG", "10.00", null);
        long id = order(shop, "cod", mug, 3);
        shop.post("/orders/" + id + "/refunds", "{\"amount\":\"10.00\",\"api_refund\":false}").expect(201);

        JsonNode order = shop.put("/orders/" + id, "{\"status\":\"refunded\"}").expect(200);
        assertEquals("refunded", order.get("status").asText());
        assertEquals(2, order.get("refunds").size());
        assertEquals("-20.00", order.get("refunds").get(0).get("total").asText());
        assertEquals("Order fully refunded.", order.get("refunds").get(0).get("reason").asText());
        JsonNode refund = shop.get("/orders/" + id + "/refunds/" + order.get("refunds").get(0).get("id").asLong()).expect(200);
        assertEquals("20.00", refund.get("amount").asText());
        assertFalse(refund.get("refunded_payment").asBoolean());
    }
}
