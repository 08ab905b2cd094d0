package com.counterlink.woo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Coupon discounts and their tax, as WC_Discounts and WC_Abstract_Order compute them for a REST-created order. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderCouponsTest {
    private static final String TEXAS = "\"billing\":{\"country\":\"US\",\"state\":\"TX\",\"postcode\":\"78701\"}";

    private WooSandbox sandbox;

    @BeforeAll
    void start() { sandbox = WooSandbox.start(); }

    @AfterAll
    void stop() { sandbox.close(); }

    /** The worked example from a real store: the sandbox used to split $5 by line value (19.04 / 8.45, tax 2.40, 39.89). */
    @Test
    void aFixedCartCouponIsSpreadPerUnitInCentsNotByLineValue() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "fixed-cart").withSalesTax();
        long mug = shop.product("MUG", "7.50", null);
        long card = shop.post("/products", "{\"name\":\"Gift card\",\"sku\":\"CARD\",\"regular_price\":\"9.99\",\"tax_status\":\"none\"}")
                .expect(201).get("id").asLong();
        shop.post("/coupons", "{\"code\":\"fiveoff\",\"discount_type\":\"fixed_cart\",\"amount\":\"5\"}").expect(201);

        JsonNode order = shop.post("/orders", "{" + TEXAS + ",\"line_items\":[{\"product_id\":" + mug + ",\"quantity\":3},{\"product_id\":" + card + ",\"quantity\":1}],"
                + "\"shipping_lines\":[{\"method_id\":\"flat_rate\",\"method_title\":\"Flat rate\",\"total\":\"10.00\"}],"
                + "\"coupon_lines\":[{\"code\":\"fiveoff\"}]}").expect(201);

        assertEquals("18.75", order.get("line_items").get(0).get("total").asText());
        assertEquals("8.74", order.get("line_items").get(1).get("total").asText());
        assertEquals("2.38", order.get("total_tax").asText());
        assertEquals("39.87", order.get("total").asText());
        assertEquals("5.00", order.get("discount_total").asText());
        assertEquals("5", order.get("coupon_lines").get(0).get("discount").asText());
    }

    /** Less than a cent per unit: apply_coupon_remainder hands out one cent per unit, not by line value. */
    @Test
    void aFixedCartCouponSmallerThanACentPerUnitGivesOneCentPerUnit() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "fixed-cart-cents");
        long vase = shop.product("VASE", "10.00", null);
        long pin = shop.product("PIN", "1.00", null);
        shop.post("/coupons", "{\"code\":\"twocents\",\"discount_type\":\"fixed_cart\",\"amount\":\"0.02\"}").expect(201);

        JsonNode order = shop.post("/orders", "{\"line_items\":[{\"product_id\":" + vase + "},{\"product_id\":" + pin + ",\"quantity\":2}],"
                + "\"coupon_lines\":[{\"code\":\"twocents\"}]}").expect(201);
        assertEquals("9.99", order.get("line_items").get(0).get("total").asText());
        assertEquals("1.99", order.get("line_items").get(1).get("total").asText());
        assertEquals("0.02", order.get("discount_total").asText());
    }

    /** discount_tax is the tax the discount took away: per line, rounded tax before minus rounded tax after (0.54, not 0.53). */
    @Test
    void aPercentCouponsDiscountTaxIsTheLinesTaxBeforeMinusAfterTheDiscount() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "percent-tax").withSalesTax();
        long a = shop.product("A", "17.58", null);
        long b = shop.product("B", "29.42", null);
        shop.post("/coupons", "{\"code\":\"tenoff\",\"discount_type\":\"percent\",\"amount\":\"10\"}").expect(201);

        JsonNode order = shop.post("/orders", "{" + TEXAS + ",\"line_items\":[{\"product_id\":" + a + ",\"quantity\":2},{\"product_id\":" + b + ",\"quantity\":1}],"
                + "\"coupon_lines\":[{\"code\":\"tenoff\"}]}").expect(201);

        BigTaxes lines = new BigTaxes(order.get("line_items"));
        assertEquals("0.54", lines.subtotalTaxMinusTotalTax());
        assertEquals("0.54", order.get("discount_tax").asText());
        assertEquals("0.54", order.get("coupon_lines").get(0).get("discount_tax").asText());
    }

    /** Fixture 24's order (10 % coupon, taxable fee, shipping), rebuilt: the recorded discount tax and totals still come out. */
    @Test
    void theRecordedTenPercentOrderKeepsItsNumbers() throws Exception {
        ShopApi shop = ShopApi.open(sandbox, "fixture-24").withSalesTax();
        long mug = shop.product("RW-MUG-001", "19.99", null);
        long tee = shop.product("RW-TEE-S", "24.00", null);
        shop.post("/coupons", "{\"code\":\"rw10off\",\"discount_type\":\"percent\",\"amount\":\"10\"}").expect(201);

        JsonNode order = shop.post("/orders", "{" + TEXAS + ",\"line_items\":[{\"product_id\":" + mug + ",\"quantity\":2},{\"product_id\":" + tee + ",\"quantity\":1}],"
                + "\"shipping_lines\":[{\"method_id\":\"flat_rate\",\"total\":\"5.00\"}],"
                + "\"fee_lines\":[{\"name\":\"Gift wrap\",\"total\":\"2.50\",\"tax_status\":\"taxable\"}],"
                + "\"coupon_lines\":[{\"code\":\"rw10off\"}]}").expect(201);

        assertEquals("35.99", order.get("line_items").get(0).get("total").asText());
        assertEquals("21.59", order.get("line_items").get(1).get("total").asText());
        assertEquals("0.53", order.get("discount_tax").asText());
        assertEquals("0.53", order.get("coupon_lines").get(0).get("discount_tax").asText());
        assertEquals("6.4", order.get("coupon_lines").get(0).get("discount").asText());
        assertEquals("0.21", order.get("fee_lines").get(0).get("total_tax").asText());
        assertEquals("4.96", order.get("cart_tax").asText());
        assertEquals("5.37", order.get("total_tax").asText());
        assertEquals("70.45", order.get("total").asText());
    }

    /** Sums what the order's line items show. */
    private record BigTaxes(JsonNode lines) {
        String subtotalTaxMinusTotalTax() {
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            for (JsonNode l : lines) {
                sum = sum.add(new java.math.BigDecimal(l.get("subtotal_tax").asText())).subtract(new java.math.BigDecimal(l.get("total_tax").asText()));
            }
            return sum.toPlainString();
        }
    }
}
