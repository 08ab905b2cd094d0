package com.counterlink.woo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Order rules where a real WooCommerce 10.0.2 store was seen to be stricter (or less careful) than the sandbox had been. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealOrderRulesTest {
    private WooSandbox sandbox;

    @BeforeAll
    void start() { sandbox = WooSandbox.start(); }

    @AfterAll
    void stop() { sandbox.close(); }

    @Test
    void restCreatedOrdersAreNotCheckedAgainstStockSoTheStockGoesNegative() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "oversell");
        long mug = shop.product("MUG", "10.00", 2);

        JsonNode order = shop.post("/orders", "{\"status\":\"processing\",\"line_items\":[{\"product_id\":" + mug + ",\"quantity\":5}]}").expect(201);
        assertEquals("processing", order.get("status").asText());
        assertEquals(-3, shop.product(mug).get("stock_quantity").asInt());

        JsonNode batch = shop.post("/orders/batch", "{\"create\":[{\"status\":\"on-hold\",\"line_items\":[{\"product_id\":" + mug + ",\"quantity\":4}]}]}")
                .expect(200);
        assertEquals("on-hold", batch.get("create").get(0).get("status").asText(), batch.toString());
        assertEquals(-7, shop.product(mug).get("stock_quantity").asInt());

        ShopApi.Reply shopper = shop.checkout("{\"line_items\":[{\"product_id\":" + mug + ",\"quantity\":1}]}");
        assertEquals(409, shopper.status(), "the shopper checkout still refuses what is not in stock");
        assertEquals(-7, shop.product(mug).get("stock_quantity").asInt());
    }

    @Test
    void aLineGivenBySkuFindsTheProductIgnoringCaseAndAccentsAsEverySkuLookUpDoes() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "sku-lines");
        long cafe = shop.product("CAFÉ-01", "4.50", null);

        JsonNode order = shop.post("/orders", "{\"line_items\":[{\"sku\":\"cafe-01\",\"quantity\":2}]}").expect(201);
        JsonNode line = order.get("line_items").get(0);
        assertEquals(cafe, line.get("product_id").asLong(), order.toString());
        assertEquals("CAFÉ-01", line.get("sku").asText());
        assertEquals("9.00", line.get("total").asText());
    }

    @Test
    void cashOnDeliveryPaidAtCreationIsCompletedAtOnce() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "cod");
        long cap = shop.product("CAP", "15.00", null);

        JsonNode cod = shop.post("/orders", "{\"payment_method\":\"cod\",\"set_paid\":true,\"line_items\":[{\"product_id\":" + cap + "}]}").expect(201);
        assertEquals("completed", cod.get("status").asText());
        assertFalse(cod.get("date_completed").isNull(), cod.toString());
        assertFalse(cod.get("date_paid").isNull(), cod.toString());

        JsonNode bacs = shop.post("/orders", "{\"payment_method\":\"bacs\",\"set_paid\":true,\"line_items\":[{\"product_id\":" + cap + "}]}").expect(201);
        assertEquals("processing", bacs.get("status").asText());
        assertTrue(bacs.get("date_completed").isNull());
        assertFalse(bacs.get("date_paid").isNull());
    }

    @Test
    void aCashOnDeliveryOrderMovedToProcessingIsNotPaidUntilItIsCompleted() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "cod-later");
        long cap = shop.product("CAP", "15.00", null);
        long id = shop.post("/orders", "{\"payment_method\":\"cod\",\"line_items\":[{\"product_id\":" + cap + "}]}").expect(201).get("id").asLong();

        JsonNode processing = shop.put("/orders/" + id, "{\"status\":\"processing\"}").expect(200);
        assertTrue(processing.get("date_paid").isNull(), processing.toString());

        JsonNode completed = shop.put("/orders/" + id, "{\"status\":\"completed\"}").expect(200);
        assertFalse(completed.get("date_paid").isNull(), completed.toString());
    }

    @Test
    void anUnknownCouponFailsAfterACheckoutDraftOrderWasCreated() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "draft");
        long cap = shop.product("CAP", "15.00", 5);

        JsonNode error = shop.post("/orders", "{\"status\":\"processing\",\"line_items\":[{\"product_id\":" + cap + "}],\"coupon_lines\":[{\"code\":\"nope\"}]}")
                .expect(400);
        assertEquals("woocommerce_rest_invalid_coupon", error.get("code").asText());
        assertEquals("Coupon \"nope\" does not exist!", error.get("message").asText());
        long draftId = error.get("data").get("new_draft_order_id").asLong();

        JsonNode draft = shop.order(draftId);
        assertEquals("checkout-draft", draft.get("status").asText());
        assertEquals(cap, draft.get("line_items").get(0).get("product_id").asLong());
        assertEquals(5, shop.product(cap).get("stock_quantity").asInt(), "a draft does not take stock");
        assertEquals(0, shop.get("/orders").expect(200).size(), "drafts stay out of the default order list");
    }

    @Test
    void anUnknownProductGivesAnEmptyZeroLine() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "ghost");
        JsonNode order = shop.post("/orders", "{\"line_items\":[{\"product_id\":999999,\"quantity\":3}]}").expect(201);
        JsonNode line = order.get("line_items").get(0);
        assertEquals(3, line.get("quantity").asInt());
        assertEquals("", line.get("name").asText());
        assertEquals(0, line.get("product_id").asLong());
        assertEquals("0.00", line.get("subtotal").asText());
        assertEquals("0.00", line.get("total").asText());
        assertEquals("0.00", order.get("total").asText());
    }

    @Test
    void lineItemsThatAreNotAListAreRejected() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "not-a-list");
        long cap = shop.product("CAP", "15.00", null);

        JsonNode error = shop.post("/orders", "{\"line_items\":{\"product_id\":" + cap + ",\"quantity\":1}}").expect(400);
        assertEquals("rest_invalid_param", error.get("code").asText());
        assertEquals("Invalid parameter(s): line_items", error.get("message").asText());
        assertEquals("line_items is not of type array.", error.get("data").get("params").get("line_items").asText());
        assertEquals("rest_invalid_type", error.get("data").get("details").get("line_items").get("code").asText());
        assertEquals(0, sandbox.store("not-a-list").orElseThrow().ordersJson().size(), "nothing was saved");
    }

    @Test
    void cancellingAnOrderTakesBackItsSalesAndCouponUse() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "cancel");
        long mug = shop.product("MUG", "10.00", 10);
        long coupon = shop.post("/coupons", "{\"code\":\"five\",\"discount_type\":\"fixed_cart\",\"amount\":\"5\"}").expect(201).get("id").asLong();

        long id = shop.post("/orders", "{\"status\":\"processing\",\"billing\":{\"email\":\"ann@example.org\"},"
                + "\"line_items\":[{\"product_id\":" + mug + ",\"quantity\":3}],\"coupon_lines\":[{\"code\":\"five\"}]}").expect(201).get("id").asLong();
        assertEquals(3, shop.product(mug).get("total_sales").asInt());
        assertEquals(7, shop.product(mug).get("stock_quantity").asInt());
        assertEquals(1, shop.coupon(coupon).get("usage_count").asInt());
        assertEquals("ann@example.org", shop.coupon(coupon).get("used_by").get(0).asText());

        shop.put("/orders/" + id, "{\"status\":\"cancelled\"}").expect(200);
        assertEquals(0, shop.product(mug).get("total_sales").asInt());
        assertEquals(10, shop.product(mug).get("stock_quantity").asInt());
        assertEquals(0, shop.coupon(coupon).get("usage_count").asInt());
        assertEquals(0, shop.coupon(coupon).get("used_by").size());
    }

    @Test
    void editingALineQuantityKeepsItsTotalAndMovesTheStockByTheDifference() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "edit-line");
        long mug = shop.product("MUG", "10.00", 10);
        JsonNode order = shop.post("/orders", "{\"status\":\"processing\",\"line_items\":[{\"product_id\":" + mug + ",\"quantity\":2}]}").expect(201);
        long lineId = order.get("line_items").get(0).get("id").asLong();
        assertEquals(8, shop.product(mug).get("stock_quantity").asInt());

        JsonNode edited = shop.put("/orders/" + order.get("id").asLong(), "{\"line_items\":[{\"id\":" + lineId + ",\"quantity\":5}]}").expect(200);
        JsonNode line = edited.get("line_items").get(0);
        assertEquals(5, line.get("quantity").asInt());
        assertEquals("20.00", line.get("total").asText(), "the line keeps its total");
        assertEquals("20.00", line.get("subtotal").asText());
        assertEquals("20.00", edited.get("total").asText());
        assertEquals(5, shop.product(mug).get("stock_quantity").asInt(), "three more taken");
        assertEquals("5", ShopApi.meta(line, "_reduced_stock"));

        JsonNode fewer = shop.put("/orders/" + order.get("id").asLong(), "{\"line_items\":[{\"id\":" + lineId + ",\"quantity\":1,\"total\":\"10.00\"}]}")
                .expect(200);
        assertEquals("10.00", fewer.get("line_items").get(0).get("total").asText(), "a total that is sent is taken");
        assertEquals(9, shop.product(mug).get("stock_quantity").asInt(), "four given back");

        JsonNode unknown = shop.put("/orders/" + order.get("id").asLong(), "{\"line_items\":[{\"id\":987654,\"quantity\":1}]}").expect(400);
        assertEquals("woocommerce_rest_invalid_item_id", unknown.get("code").asText());
    }

    @Test
    void aTaxableFeeIsTaxedAtTheStandardRate() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "fee-taxed").withSalesTax();
        long mug = shop.product("MUG", "10.00", null);
        JsonNode order = shop.post("/orders", "{\"billing\":{\"country\":\"US\",\"state\":\"TX\"},\"line_items\":[{\"product_id\":" + mug + "}],"
                + "\"fee_lines\":[{\"name\":\"Gift wrap\",\"total\":\"2.50\"}]}").expect(201);
        JsonNode fee = order.get("fee_lines").get(0);
        assertEquals("taxable", fee.get("tax_status").asText());
        assertEquals("0.21", fee.get("total_tax").asText());
        assertEquals("0.21", fee.get("taxes").get(0).get("total").asText());
        assertEquals("1.04", order.get("cart_tax").asText(), "0.83 on the mug and 0.21 on the fee");
        assertEquals("1.04", order.get("total_tax").asText());
        assertEquals("13.54", order.get("total").asText());
    }

    @Test
    void aFeeWithTaxStatusNoneIsNotTaxed() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "fee-untaxed").withSalesTax();
        long mug = shop.product("MUG", "10.00", null);
        JsonNode order = shop.post("/orders", "{\"billing\":{\"country\":\"US\",\"state\":\"TX\"},\"line_items\":[{\"product_id\":" + mug + "}],"
                + "\"fee_lines\":[{\"name\":\"Gift wrap\",\"total\":\"2.50\",\"tax_status\":\"none\"}]}").expect(201);
        JsonNode fee = order.get("fee_lines").get(0);
        assertEquals("0.00", fee.get("total_tax").asText());
        assertEquals(0, fee.get("taxes").size());
        assertEquals("0.83", order.get("cart_tax").asText());
        assertEquals("13.33", order.get("total").asText());
    }
}
