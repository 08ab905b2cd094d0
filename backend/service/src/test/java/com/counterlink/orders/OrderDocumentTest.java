package com.counterlink.orders;

import com.counterlink.bridge.protocol.operations.MiscCharge;
import com.counterlink.bridge.protocol.operations.WriteDocument;
import com.counterlink.platform.web.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a WooCommerce order becomes a Counterpoint document, and the store's order settings. */
class OrderDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void gridSkusBecomeItemAndCellAndAnEmptySkuMapsToNothing() throws Exception {
        WooOrder order = WooOrder.parse(JSON.readTree("""
                {"id": 7, "number": "7", "status": "completed", "total": "0", "billing": {"email": " Ada@Example.ORG "},
                 "line_items": [{"id": 1, "sku": "TEE|RED|M", "quantity": 1, "subtotal": "1", "total": "1"},
                                {"id": 2, "sku": "MUG", "quantity": 2, "subtotal": "2", "total": "2"},
                                {"id": 3, "sku": "", "quantity": 1, "subtotal": "1", "total": "1"}]}"""));
        assertEquals("ada@example.org", order.email());
        assertEquals("TEE", order.lines().get(0).itemNo());
        assertEquals("RED|M|*", order.lines().get(0).cell());
        assertEquals("*|*|*", order.lines().get(1).cell());
        assertNull(order.lines().get(2).itemNo());
    }

    @Test
    void couponsAreLineDiscountsOnTheGrossPriceAndShippingAndFeesAreSeparateMiscCharges() throws Exception {
        WriteDocument document = OrdersJob.document(stored("""
                {"id": 9, "number": "WC-9", "status": "completed", "total": "38.66", "total_tax": "2.16", "shipping_total": "7.50",
                 "discount_total": "3.00", "payment_method": "stripe", "billing": {"email": "a@b.org"},
                 "fee_lines": [{"total": "2.00"}],
                 "line_items": [{"id": 1, "sku": "MUG", "quantity": 3, "subtotal": "30.00", "total": "27.00", "total_tax": "2.16"}]}"""),
                new OrderSettings("completed", "T", "WEB", "WEB-01", "WEB", "WEB", Map.of("stripe", "CARD"), "WEB", 10, 1, true, 3),
                "1001");
        assertEquals(0, new BigDecimal("10.00").compareTo(document.lines().get(0).price()), "the gross unit price");
        assertEquals(0, new BigDecimal("3.00").compareTo(document.lines().get(0).discount()), "the coupon, once");
        assertEquals(List.of(new MiscCharge(1, new BigDecimal("7.50"), true), new MiscCharge(3, new BigDecimal("2.00"), false)),
                document.miscCharges());
        assertEquals(0, new BigDecimal("9.50").compareTo(document.shipping()));
        assertEquals(0, new BigDecimal("2.16").compareTo(document.taxAmount()));
        assertEquals("WC-9", document.reference());
        assertEquals("CARD", document.payCode());
        assertEquals("woo:" + SITE + ":9", document.orderKey());
    }

    @Test
    void byDefaultShippingIsCounterpointsEcommerceMiscChargeUntaxedAndFeesMiscChargeTwo() throws Exception {
        WriteDocument document = OrdersJob.document(stored("""
                {"id": 11, "number": "11", "status": "completed", "total": "19.50", "shipping_total": "7.50",
                 "billing": {"email": "a@b.org"}, "fee_lines": [{"total": "2.00"}],
                 "line_items": [{"id": 1, "sku": "MUG", "quantity": 1, "subtotal": "10.00", "total": "10.00"}]}"""),
                OrderSettings.defaults(), "1001");
        assertEquals(List.of(new MiscCharge(null, new BigDecimal("7.50"), false), new MiscCharge(2, new BigDecimal("2.00"), false)),
                document.miscCharges());
        assertEquals(0, BigDecimal.ZERO.compareTo(document.lines().get(0).discount()));
    }

    @Test
    void totalsThatDoNotAddUpWaitForAPersonInsteadOfBeingWritten() {
        OrdersJob.Attention attention = assertThrows(OrdersJob.Attention.class, () -> OrdersJob.document(stored("""
                {"id": 10, "number": "10", "status": "completed", "total": "50.00", "billing": {"email": "a@b.org"},
                 "line_items": [{"id": 1, "sku": "MUG", "quantity": 1, "subtotal": "27.00", "total": "27.00"}]}"""),
                OrderSettings.defaults(), "1001"));
        assertEquals("TOTALS", attention.code);
        assertTrue(attention.getMessage().contains("50.00"), attention.getMessage());
    }

    @Test
    void settingsHaveDefaultsAndRefuseNonsense() {
        assertEquals("completed", OrderSettings.of(Map.of()).sendStatus());
        assertEquals("processing", OrderSettings.of(Map.of("orders", Map.of("documentType", "O"))).sendStatus());
        assertThrows(ApiException.class, () -> OrderSettings.of(Map.of("orders", Map.of("sendStatus", "shipped"))));
        assertThrows(ApiException.class, () -> OrderSettings.of(Map.of("orders", Map.of("drawerId", "far too long a drawer"))));
        assertThrows(ApiException.class, () -> OrderSettings.of(Map.of("orders", Map.of("documentType", "X"))));
        assertThrows(ApiException.class, () -> OrderSettings.of(Map.of("orders", Map.of("shippingMiscCharge", 6))));
        assertThrows(ApiException.class, () -> OrderSettings.of(Map.of("orders", Map.of("shippingMiscCharge", 2,
                "feeMiscCharge", 2))));
        assertThrows(ApiException.class, () -> OrderSettings.of(Map.of("orders", Map.of("shippingTaxable", "yes"))));
        assertEquals(true, OrderSettings.of(Map.of("orders", Map.of("shippingTaxable", true))).shippingTaxable());
    }

    private static final UUID SITE = UUID.randomUUID();

    private static OrderLedger.Stored stored(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        WooOrder o = WooOrder.parse(node);
        List<OrderViews.OrderLine> lines = o.lines().stream().map(l -> new OrderViews.OrderLine(l.lineNo(), l.name(), l.sku(),
                l.itemNo(), l.cell(), l.qty(), l.subtotal(), l.discount(), l.total(), l.tax())).toList();
        return new OrderLedger.Stored(UUID.randomUUID(), UUID.randomUUID(), SITE, o.id(), o.number(), o.status(),
                OrderState.READY, OrderLedger.orderKey(SITE, o.id()), o.total(), o.totalTax(), o.shippingTotal(), o.feeTotal(),
                o.paymentMethod(), o.email(), o.customerId(), node.path("billing").toString(), null, lines);
    }
}
