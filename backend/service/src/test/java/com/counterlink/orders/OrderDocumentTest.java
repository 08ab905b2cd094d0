package com.counterlink.orders;

import com.counterlink.bridge.protocol.InvalidParameterException;
import com.counterlink.bridge.protocol.ProtocolJson;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
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
                 "shipping_lines": [{"total": "7.50", "total_tax": "0.00"}],
                 "fee_lines": [{"total": "2.00", "tax_status": "none", "total_tax": "0.00"}],
                 "line_items": [{"id": 1, "sku": "MUG", "quantity": 3, "subtotal": "30.00", "total": "27.00", "total_tax": "2.16"}]}"""),
                new OrderSettings("completed", "T", "WEB", "WEB-01", "WEB", "WEB", Map.of("stripe", "CARD"), "WEB", 10, 1, 3,
                        null),
                "1001");
        assertEquals(0, new BigDecimal("10.00").compareTo(document.lines().get(0).price()), "the gross unit price");
        assertEquals(0, new BigDecimal("3.00").compareTo(document.lines().get(0).discount()), "the coupon, once");
        assertEquals(List.of(new MiscCharge(1, new BigDecimal("7.50"), false), new MiscCharge(3, new BigDecimal("2.00"), false)),
                document.miscCharges());
        assertEquals(0, new BigDecimal("9.50").compareTo(document.shipping()));
        assertEquals(0, new BigDecimal("2.16").compareTo(document.taxAmount()));
        assertEquals("WC-9", document.reference());
        assertEquals("CARD", document.payCode());
        assertEquals("woo:" + SITE + ":9", document.orderKey());
    }

    @Test
    void byDefaultShippingIsCounterpointsEcommerceMiscChargeAndFeesMiscChargeTwo() throws Exception {
        WriteDocument document = OrdersJob.document(stored("""
                {"id": 11, "number": "11", "status": "completed", "total": "19.50", "shipping_total": "7.50",
                 "billing": {"email": "a@b.org"}, "fee_lines": [{"total": "2.00"}],
                 "line_items": [{"id": 1, "sku": "MUG", "quantity": 1, "subtotal": "10.00", "total": "10.00"}]}"""),
                OrderSettings.defaults(), "1001");
        assertEquals(List.of(new MiscCharge(null, new BigDecimal("7.50"), false), new MiscCharge(2, new BigDecimal("2.00"), false)),
                document.miscCharges());
        assertEquals(0, BigDecimal.ZERO.compareTo(document.lines().get(0).discount()));
    }

    /** The order as WooCommerce 10.0.2 answered it (fixture 25): 8.25 % on the lines, the shipping and the gift wrap fee. */
    private static final String TAXED_SHIPPING_AND_FEE = """
            {"id": 17, "number": "17", "status": "completed", "total": "70.45", "total_tax": "5.37", "cart_tax": "4.96",
             "shipping_total": "5.00", "shipping_tax": "0.41", "discount_total": "6.40", "discount_tax": "0.53",
             "billing": {"email": "jane.tester@example.com"}, "payment_method": "bacs",
             "line_items": [{"id": 1, "sku": "RW-MUG-001", "quantity": 2, "subtotal": "39.98", "total": "35.99", "total_tax": "2.97"},
                            {"id": 2, "sku": "RW-TEE-S", "quantity": 1, "subtotal": "24.00", "total": "21.59", "total_tax": "1.78"}],
             "shipping_lines": [{"id": 3, "method_id": "flat_rate", "total": "5.00", "total_tax": "0.41", "tax_status": "taxable",
                                 "taxes": [{"id": 1, "total": "0.41", "subtotal": ""}]}],
             "fee_lines": [{"id": 4, "name": "Gift wrap", "tax_class": "", "tax_status": "taxable", "amount": "", "total": "2.50",
                            "total_tax": "0.21", "taxes": [{"id": 1, "total": "0.21", "subtotal": ""}]}]}""";

    @Test
    void aTaxableFeeIsATaxableMiscChargeWhoseTaxIsInTheDocumentsTaxAndTheTotalsStillAddUp() throws Exception {
        WriteDocument document = OrdersJob.document(stored(TAXED_SHIPPING_AND_FEE), OrderSettings.defaults(), "1001");
        MiscCharge fee = document.miscCharges().get(1);
        assertEquals(Integer.valueOf(2), fee.number());
        assertTrue(fee.taxable(), "the 2.50 fee WooCommerce charged 0.21 tax on is taxable in Counterpoint");
        assertEquals(0, new BigDecimal("2.50").compareTo(fee.taxableBase()));
        assertEquals(0, new BigDecimal("5.37").compareTo(document.taxAmount()), "lines, shipping and fee tax together");
        BigDecimal net = document.lines().stream().map(l -> l.price().multiply(l.quantity()).subtract(l.discount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("70.45").compareTo(net.add(document.shipping()).add(document.taxAmount())),
                "Counterpoint's total is WooCommerce's to the cent");
    }

    @Test
    void aNonTaxableFeeStaysAnUntaxedMiscCharge() throws Exception {
        WriteDocument document = OrdersJob.document(stored("""
                {"id": 12, "number": "12", "status": "completed", "total": "13.83", "total_tax": "0.83",
                 "billing": {"email": "a@b.org"},
                 "fee_lines": [{"name": "Handling", "tax_status": "none", "total": "3.00", "total_tax": "0.00", "taxes": []}],
                 "line_items": [{"id": 1, "sku": "MUG", "quantity": 1, "subtotal": "10.00", "total": "10.00", "total_tax": "0.83"}]}"""),
                OrderSettings.defaults(), "1001");
        assertEquals(List.of(new MiscCharge(2, new BigDecimal("3.00"), false)), document.miscCharges());
        assertEquals(0, document.miscCharges().get(0).taxableBase().signum());
    }

    @Test
    void shippingWooCommerceChargedTaxOnIsTaxableWhateverAStoredShippingTaxableSettingSays() throws Exception {
        OrderSettings settings = OrderSettings.of(Map.of("orders", Map.of("shippingTaxable", false, "shippingMiscCharge", 4)));
        WriteDocument document = OrdersJob.document(stored(TAXED_SHIPPING_AND_FEE), settings, "1001");
        assertEquals(new MiscCharge(4, new BigDecimal("5.00"), true), document.miscCharges().get(0));
    }

    @Test
    void shippingWithoutTaxIsUntaxedWhateverAStoredShippingTaxableSettingSays() throws Exception {
        OrderSettings settings = OrderSettings.of(Map.of("orders", Map.of("shippingTaxable", true)));
        WriteDocument document = OrdersJob.document(stored("""
                {"id": 13, "number": "13", "status": "completed", "total": "18.33", "total_tax": "0.83",
                 "shipping_total": "7.50", "shipping_tax": "0.00", "billing": {"email": "a@b.org"},
                 "shipping_lines": [{"method_id": "flat_rate", "total": "7.50", "total_tax": "0.00", "taxes": []}],
                 "line_items": [{"id": 1, "sku": "MUG", "quantity": 1, "subtotal": "10.00", "total": "10.00", "total_tax": "0.83"}]}"""),
                settings, "1001");
        assertEquals(List.of(new MiscCharge(null, new BigDecimal("7.50"), false)), document.miscCharges());
    }

    @Test
    void aTaxableAndANonTaxableFeeShareTheFeeMiscChargeWithOnlyTheTaxableOneInTheTaxableBase() throws Exception {
        WriteDocument document = OrdersJob.document(stored("""
                {"id": 14, "number": "14", "status": "completed", "total": "19.22", "total_tax": "1.04",
                 "shipping_total": "5.00", "shipping_tax": "0.00", "billing": {"email": "a@b.org"},
                 "shipping_lines": [{"total": "5.00", "total_tax": "0.00"}],
                 "fee_lines": [{"name": "Gift wrap", "tax_status": "taxable", "total": "2.50", "total_tax": "0.21"},
                               {"name": "Handling", "tax_status": "none", "total": "0.68", "total_tax": "0.00"}],
                 "line_items": [{"id": 1, "sku": "MUG", "quantity": 1, "subtotal": "10.00", "total": "10.00", "total_tax": "0.83"}]}"""),
                OrderSettings.defaults(), "1001");
        assertEquals(List.of(new MiscCharge(null, new BigDecimal("5.00"), false),
                MiscCharge.withTaxablePart(2, new BigDecimal("3.18"), new BigDecimal("2.50"))), document.miscCharges());
        assertEquals(0, new BigDecimal("8.18").compareTo(document.shipping()), "both fees and the shipping in TOT_MISC");
        assertEquals(0, new BigDecimal("1.04").compareTo(document.taxAmount()));
    }

    /** MiscCharge as a bridge one version older reads it (before taxableAmount). */
    record MiscChargeOfTheBridgeBefore(Integer number, BigDecimal amount, boolean taxable) {
    }

    @Test
    void aBridgeTooOldForTaxedAndUntaxedFeesOnOneMiscChargeIsToldToBeUpdatedAndEveryOtherRefusalIsKept() throws Exception {
        WriteDocument mixed = OrdersJob.document(stored("""
                {"id": 16, "number": "16", "status": "completed", "total": "14.54", "total_tax": "1.04",
                 "billing": {"email": "a@b.org"},
                 "fee_lines": [{"name": "Gift wrap", "total": "2.50", "total_tax": "0.21"},
                               {"name": "Handling", "tax_status": "none", "total": "1.00", "total_tax": "0.00"}],
                 "line_items": [{"id": 1, "sku": "MUG", "quantity": 1, "subtotal": "10.00", "total": "10.00", "total_tax": "0.83"}]}"""),
                OrderSettings.defaults(), "1001");
        // what the older bridge answers when it reads the document's misc charge
        InvalidParameterException old = assertThrows(InvalidParameterException.class, () -> ProtocolJson.read(
                ProtocolJson.write(mixed.miscCharges().get(0)), MiscChargeOfTheBridgeBefore.class));
        OrdersJob.Attention refused = new OrdersJob.Attention("INVALID_PARAMETERS", "Counterpoint refused to write the order: "
                + old.getMessage());

        OrdersJob.Attention told = OrdersJob.explained(refused, mixed);
        assertEquals("BRIDGE_OUTDATED", told.code);
        assertTrue(told.getMessage().contains("update the bridge"), told.getMessage());
        WriteDocument whole = OrdersJob.document(stored(TAXED_SHIPPING_AND_FEE), OrderSettings.defaults(), "1001");
        assertSame(refused, OrdersJob.explained(refused, whole), "a document an older bridge reads is not its problem");
        OrdersJob.Attention other = new OrdersJob.Attention("NOT_FOUND", "Counterpoint refused to write the order: item MUG");
        assertSame(other, OrdersJob.explained(other, mixed));
    }

    @Test
    void aNegativeFeeBesideAPositiveOneStillWaitsForAPerson() {
        OrdersJob.Attention attention = assertThrows(OrdersJob.Attention.class, () -> OrdersJob.document(stored("""
                {"id": 15, "number": "15", "status": "completed", "total": "11.04", "total_tax": "1.04",
                 "billing": {"email": "a@b.org"},
                 "fee_lines": [{"name": "Gift wrap", "total": "2.50", "total_tax": "0.21"},
                               {"name": "Loyalty", "tax_status": "none", "total": "-2.50", "total_tax": "0.00"}],
                 "line_items": [{"id": 1, "sku": "MUG", "quantity": 1, "subtotal": "10.00", "total": "10.00", "total_tax": "0.83"}]}"""),
                OrderSettings.defaults(), "1001"));
        assertEquals("VALIDATION", attention.code);
        assertTrue(attention.getMessage().contains("negative"), attention.getMessage());
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
        // taxability comes from each order now: a shippingTaxable saved by an earlier version is ignored and not kept
        OrderSettings earlier = OrderSettings.of(Map.of("orders", Map.of("shippingTaxable", true, "feeMiscCharge", 3)));
        assertEquals(3, earlier.feeMiscCharge());
        assertFalse(earlier.toMap().containsKey("shippingTaxable"));
    }

    @Test
    void theReferenceIsTheStoresPrefixAndTheOrderNumberSoTwoStoresOrder213DifferInCounterpoint() throws Exception {
        String order213 = """
                {"id": 213, "number": "213", "status": "completed", "total": "10.00", "billing": {"email": "a@b.org"},
                 "line_items": [{"id": 1, "sku": "MUG", "quantity": 1, "subtotal": "10.00", "total": "10.00"}]}""";
        WriteDocument first = OrdersJob.document(stored(order213), OrderSettings.defaults().withReferencePrefix("W1-"), "1001");
        WriteDocument second = OrdersJob.document(stored(order213), OrderSettings.defaults().withReferencePrefix("W2-"), "1001");
        assertEquals("W1-213", first.reference());
        assertEquals("W2-213", second.reference());

        // prefix and number fit PS_DOC_HDR.REF's 20 characters: a long number keeps its last characters
        OrderSettings longest = OrderSettings.defaults().withReferencePrefix("SHOP-A");
        assertEquals("SHOP-A" + "45678901234567", longest.reference("12345678901234567"));
        assertEquals(20, longest.reference("12345678901234567").length());
        assertEquals("SHOP-A213", longest.reference(" 213 "));
    }

    @Test
    void theReferencePrefixIsShortPlainTextOrTheStoresDefault() {
        assertEquals("T-", OrderSettings.of(Map.of("orders", Map.of("referencePrefix", " T- "))).referencePrefix());
        assertNull(OrderSettings.of(Map.of("orders", Map.of("referencePrefix", " "))).referencePrefix(), "blank: the default");
        assertNull(OrderSettings.of(Map.of()).referencePrefix());
        for (String bad : List.of("SHOP-AB", "W 1", "W1#", "Wé-")) {
            ApiException refused = assertThrows(ApiException.class,
                    () -> OrderSettings.of(Map.of("orders", Map.of("referencePrefix", bad))), bad);
            assertTrue(refused.getMessage().startsWith("referencePrefix: must be 1 to 6 letters"), refused.getMessage());
        }
        assertThrows(ApiException.class, () -> OrderSettings.of(Map.of("orders", Map.of("referencePrefix", 12))));
        assertEquals("W/1.", OrderSettings.of(Map.of("orders", Map.of("referencePrefix", "W/1."))).toMap().get("referencePrefix"));
    }

    private static final UUID SITE = UUID.randomUUID();

    private static OrderLedger.Stored stored(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        WooOrder o = WooOrder.parse(node);
        List<OrderViews.OrderLine> lines = o.lines().stream().map(l -> new OrderViews.OrderLine(l.lineNo(), l.name(), l.sku(),
                l.itemNo(), l.cell(), l.qty(), l.subtotal(), l.discount(), l.total(), l.tax())).toList();
        return new OrderLedger.Stored(UUID.randomUUID(), UUID.randomUUID(), SITE, o.id(), o.number(), o.status(),
                OrderState.READY, OrderLedger.orderKey(SITE, o.id()), o.total(), o.totalTax(), o.shippingTotal(), o.feeTotal(),
                o.taxableShipping(), o.taxableFees(), o.paymentMethod(), o.email(), o.customerId(), node.path("billing").toString(), null, lines);
    }
}
