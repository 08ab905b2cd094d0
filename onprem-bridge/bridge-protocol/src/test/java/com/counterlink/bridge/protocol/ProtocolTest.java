package com.counterlink.bridge.protocol;

import com.counterlink.bridge.protocol.operations.ReadItemChanges;
import com.counterlink.bridge.protocol.operations.ReadStock;
import com.counterlink.bridge.protocol.operations.ItemCursor;
import com.counterlink.bridge.protocol.operations.MiscCharge;
import com.counterlink.bridge.protocol.operations.ReadPriceChanges;
import com.counterlink.bridge.protocol.operations.ReadStockChanges;
import com.counterlink.bridge.protocol.operations.StockCursor;
import com.counterlink.bridge.protocol.operations.WriteDocument;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProtocolTest {

    @Test
    void aTaskFromTheWireBecomesItsTypedRequest() {
        JsonNode params = ProtocolJson.parse("{\"locations\":[\"MAIN\",\"WEB\"],\"itemNos\":[\"A-1\"]}");
        ReadStock request = assertInstanceOf(ReadStock.class, ProtocolJson.request("READ_STOCK", params));
        assertEquals(2, request.locations().size());
    }

    @Test
    void anUnknownOperationIsRejectedByName() {
        UnknownOperationException e = assertThrows(UnknownOperationException.class,
                () -> ProtocolJson.request("EXECUTE_SQL", ProtocolJson.parse("{\"sql\":\"DROP TABLE IM_ITEM\"}")));
        assertTrue(e.getMessage().contains("EXECUTE_SQL"));
    }

    @Test
    void invalidParametersNameTheField() {
        InvalidParameterException quote = assertThrows(InvalidParameterException.class, () -> ProtocolJson.request("READ_STOCK",
                ProtocolJson.parse("{\"locations\":[\"MAIN\\u0000\"],\"itemNos\":[\"A\"]}")));
        assertEquals("locations[0]", quote.field());
        InvalidParameterException page = assertThrows(InvalidParameterException.class, () -> ProtocolJson.request("READ_ITEM_CHANGES",
                ProtocolJson.parse("{\"pageSize\":5000}")));
        assertEquals("pageSize", page.field());
        InvalidParameterException extra = assertThrows(InvalidParameterException.class, () -> ProtocolJson.request("READ_SETUP",
                ProtocolJson.parse("{\"sql\":\"SELECT 1\"}")));
        assertTrue(extra.getMessage().contains("sql"), extra.getMessage());
        InvalidParameterException docType = assertThrows(InvalidParameterException.class, () -> ProtocolJson.request("WRITE_DOCUMENT",
                ProtocolJson.parse("{\"orderKey\":\"woo-1\",\"documentType\":\"X\",\"storeId\":\"WEB\",\"stationId\":\"WEB-01\","
                        + "\"drawerId\":\"WEB\",\"customerNo\":\"C1\",\"taxCode\":\"WEB\",\"payCode\":\"WEB\",\"lines\":[]}")));
        assertEquals("documentType", docType.field());
    }

    @Test
    void aStockChangeFeedRequestIsValidatedFieldByField() {
        ReadStockChanges first = assertInstanceOf(ReadStockChanges.class, ProtocolJson.request("READ_STOCK_CHANGES",
                ProtocolJson.parse("{\"locations\":[\"WEB\",\"WEB\"],\"pageSize\":500}")));
        assertEquals(List.of("WEB"), first.locations());
        assertNull(first.after());
        StockCursor cell = new StockCursor(LocalDateTime.of(2026, 11, 30, 6, 0, 0, 3_000_000), "SHIRT-1", "WEB", "RED", "M", "*");
        ReadStockChanges next = new ReadStockChanges(cell, List.of("MAIN", "WEB"), 1000);
        assertEquals(next, ProtocolJson.request("READ_STOCK_CHANGES", ProtocolJson.tree(next)));

        Map<String, String> refused = Map.of(
                "{\"locations\":[],\"pageSize\":10}", "locations",
                "{\"pageSize\":10}", "locations",
                "{\"locations\":[\"WEB\\r\"],\"pageSize\":10}", "locations[0]",
                "{\"locations\":[\"WEB\"],\"pageSize\":0}", "pageSize",
                "{\"locations\":[\"WEB\"],\"pageSize\":1001}", "pageSize",
                "{\"locations\":[\"WEB\"],\"pageSize\":10,\"after\":{\"itemNo\":\"A\",\"locationId\":\"WEB\","
                        + "\"dim1\":\"*\",\"dim2\":\"*\",\"dim3\":\"*\"}}", "after.changedAtUtc",
                "{\"locations\":[\"WEB\"],\"pageSize\":10,\"after\":{\"changedAtUtc\":\"2026-11-30T06:00:00\","
                        + "\"itemNo\":\"A\",\"locationId\":\"WEB\",\"dim1\":\"SIXTEEN-CHARS-XL\",\"dim2\":\"*\",\"dim3\":\"*\"}}",
                "after.dim1",
                "{\"locations\":[\"WEB\"],\"pageSize\":10,\"after\":{\"changedAtUtc\":\"2026-11-30T06:00:00\","
                        + "\"itemNo\":\"A\",\"dim1\":\"*\",\"dim2\":\"*\",\"dim3\":\"*\"}}", "after.locationId",
                "{\"locations\":[\"WEB\"],\"pageSize\":10,\"after\":{\"changedAtUtc\":\"2026-11-30T06:00:00\","
                        + "\"locationId\":\"WEB\"}}", "after.itemNo",
                "{\"locations\":[\"WEB\"],\"pageSize\":10,\"sql\":\"SELECT 1\"}", "ReadStockChanges");
        InvalidParameterException categories = assertThrows(InvalidParameterException.class, () -> ProtocolJson.request(
                "READ_WEB_CATEGORIES", ProtocolJson.parse("{\"itemNos\":[\"A\\tB\"]}")));
        assertEquals("itemNos[0]", categories.field());
        refused.forEach((json, field) -> {
            InvalidParameterException e = assertThrows(InvalidParameterException.class,
                    () -> ProtocolJson.request("READ_STOCK_CHANGES", ProtocolJson.parse(json)), json);
            assertEquals(field, e.field(), json + ": " + e.getMessage());
        });
    }

    @Test
    void aPriceChangeFeedRequestIsValidatedFieldByFieldAndOnlyReads() {
        ReadPriceChanges first = assertInstanceOf(ReadPriceChanges.class, ProtocolJson.request("READ_PRICE_CHANGES",
                ProtocolJson.parse("{\"pageSize\":1000}")));
        assertNull(first.after());
        ReadPriceChanges next = new ReadPriceChanges(new ItemCursor(LocalDateTime.of(2026, 11, 30, 6, 0, 0, 3_000_000), "SHIRT-1"), 500);
        assertEquals(next, ProtocolJson.request("READ_PRICE_CHANGES", ProtocolJson.tree(next)));
        assertTrue(BridgeOperation.READ_PRICE_CHANGES.readsOnly(), "safe to run again after a lost result");

        Map<String, String> refused = Map.of(
                "{\"pageSize\":0}", "pageSize",
                "{\"pageSize\":1001}", "pageSize",
                "{\"pageSize\":10,\"after\":{\"itemNo\":\"A\"}}", "after.changedAtUtc",
                "{\"pageSize\":10,\"after\":{\"changedAtUtc\":\"2026-11-30T06:00:00\",\"itemNo\":\"TWENTY-ONE-CHARACTERS\"}}",
                "after.itemNo",
                "{\"pageSize\":10,\"sql\":\"SELECT 1\"}", "ReadPriceChanges");
        refused.forEach((json, field) -> {
            InvalidParameterException e = assertThrows(InvalidParameterException.class,
                    () -> ProtocolJson.request("READ_PRICE_CHANGES", ProtocolJson.parse(json)), json);
            assertEquals(field, e.field(), json + ": " + e.getMessage());
        });
    }

    @Test
    void aRequestSurvivesTheRoundTrip() {
        ReadItemChanges request = new ReadItemChanges(null, 250, true);
        JsonNode json = ProtocolJson.tree(request);
        assertEquals(request, ProtocolJson.request(request.operation().name(), json));
        assertEquals(WriteDocument.Result.class, BridgeOperation.WRITE_DOCUMENT.resultType());
    }

    /** MiscCharge as a bridge one version older knows it (before taxableAmount). */
    record MiscChargeBeforeTaxableParts(Integer number, BigDecimal amount, boolean taxable) {
    }

    @Test
    void aMiscChargeSaysHowMuchOfItIsTaxableAndABridgeOneVersionOlderStillReadsEveryWhollyTaxableOrUntaxedOne() {
        MiscCharge shipping = MiscCharge.withTaxablePart(1, new BigDecimal("5.00"), new BigDecimal("5.00"));
        MiscCharge untaxed = MiscCharge.withTaxablePart(2, new BigDecimal("1.00"), new BigDecimal("0.00"));
        MiscCharge mixed = MiscCharge.withTaxablePart(2, new BigDecimal("3.50"), new BigDecimal("2.50"));
        assertEquals(new MiscCharge(1, new BigDecimal("5.00"), true), shipping);
        assertEquals(new MiscCharge(2, new BigDecimal("1.00"), false), untaxed);
        assertEquals(new BigDecimal("5.00"), shipping.taxableBase());
        assertEquals(0, untaxed.taxableBase().signum());
        assertEquals(new BigDecimal("2.50"), mixed.taxableBase());
        assertFalse(mixed.taxable());

        // the older bridge refuses unknown fields: only a partly taxable charge carries the new one
        for (MiscCharge whole : List.of(shipping, untaxed)) {
            String wire = ProtocolJson.write(whole);
            assertFalse(wire.contains("taxableAmount"), wire);
            MiscChargeBeforeTaxableParts old = ProtocolJson.read(wire, MiscChargeBeforeTaxableParts.class);
            assertEquals(whole.number(), old.number());
            assertEquals(whole.taxable(), old.taxable());
            assertEquals(0, whole.amount().compareTo(old.amount()));
        }
        InvalidParameterException refused = assertThrows(InvalidParameterException.class,
                () -> ProtocolJson.read(ProtocolJson.write(mixed), MiscChargeBeforeTaxableParts.class));
        assertTrue(refused.getMessage().contains("taxableAmount"), refused.getMessage());
        MiscCharge read = ProtocolJson.read(ProtocolJson.write(mixed), MiscCharge.class);
        assertEquals(0, new BigDecimal("2.50").compareTo(read.taxableBase()));
        assertEquals(0, new BigDecimal("3.50").compareTo(read.amount()));
        // and what an older backend sends reads as before
        MiscCharge fromOlderBackend = ProtocolJson.read("{\"number\":null,\"amount\":7.50,\"taxable\":true}", MiscCharge.class);
        assertTrue(fromOlderBackend.taxable());
        assertEquals(0, new BigDecimal("7.50").compareTo(fromOlderBackend.taxableBase()));

        Map<String, String> refusedParts = Map.of(
                "{\"number\":2,\"amount\":3.50,\"taxable\":false,\"taxableAmount\":3.51}", "miscCharges.taxableAmount",
                "{\"number\":2,\"amount\":3.50,\"taxable\":false,\"taxableAmount\":-1}", "miscCharges.taxableAmount",
                "{\"number\":2,\"amount\":3.50,\"taxable\":false,\"taxableAmount\":2.505}", "miscCharges.taxableAmount",
                "{\"number\":2,\"amount\":3.50,\"taxable\":true,\"taxableAmount\":2.50}", "miscCharges.taxableAmount");
        refusedParts.forEach((json, field) -> {
            InvalidParameterException e = assertThrows(InvalidParameterException.class,
                    () -> ProtocolJson.read(json, MiscCharge.class), json);
            assertEquals(field, e.field(), json + ": " + e.getMessage());
        });
    }

    @Test
    void aSignatureCoversMethodPathTimeNonceAndBody() {
        KeyPair keys = RequestSignature.generateKeyPair();
        byte[] body = "{\"status\":\"COMPLETED\"}".getBytes(StandardCharsets.UTF_8);
        String canonical = RequestSignature.canonical("POST", "/api/bridge/tasks/1/result", 1000L, "n1", body);
        String signature = RequestSignature.sign(keys.getPrivate(), canonical);
        var publicKey = RequestSignature.decodePublicKey(RequestSignature.encodePublicKey(keys.getPublic()));

        assertTrue(RequestSignature.verify(publicKey, canonical, signature));
        byte[] tampered = "{\"status\":\"FAILED\"}".getBytes(StandardCharsets.UTF_8);
        assertFalse(RequestSignature.verify(publicKey,
                RequestSignature.canonical("POST", "/api/bridge/tasks/1/result", 1000L, "n1", tampered), signature));
        assertFalse(RequestSignature.verify(publicKey,
                RequestSignature.canonical("POST", "/api/bridge/tasks/2/result", 1000L, "n1", body), signature));
        assertFalse(RequestSignature.verify(publicKey, canonical, "bm90IGEgc2lnbmF0dXJl"));
        assertFalse(RequestSignature.verify(RequestSignature.generateKeyPair().getPublic(), canonical, signature));
    }

    @Test
    void anEnrollmentTokenCarriesItsTenantAndOnlyItsHashIsKept() {
        UUID tenant = UUID.randomUUID();
        EnrollmentToken token = EnrollmentToken.generate(tenant);
        EnrollmentToken parsed = EnrollmentToken.parse(" " + token + "\n");
        assertEquals(tenant, parsed.tenantId());
        assertEquals(token.secretHash(), parsed.secretHash());
        assertFalse(token.secretHash().contains(token.secret()));
        assertThrows(IllegalArgumentException.class, () -> EnrollmentToken.parse("clb1.not-a-uuid.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
        assertThrows(IllegalArgumentException.class, () -> EnrollmentToken.parse("hello"));
    }
}
