package com.counterlink.stripe.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.counterlink.stripe.sandbox.ShapeComparator.Allowances;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The contract test can only fail if its comparator sees departures: these are the ones it must report. */
class ShapeComparatorTest {
    private static final JsonNode FIXTURE = json("{\"object\":\"invoice\",\"total\":1000,\"status\":\"draft\",\"subscription\":null,"
            + "\"parent\":{\"type\":\"x\",\"quote_details\":{\"quote\":\"q\"}},\"lines\":{\"data\":[{\"amount\":1,\"period\":{\"end\":1}}]},"
            + "\"metadata\":{}}");

    @Test
    void missingExtraMistypedAndUndeclaredNullKeysAreReported() {
        JsonNode actual = json("{\"object\":\"invoice\",\"total\":\"1000\",\"status\":\"paid\",\"parent\":{\"type\":\"x\",\"quote_details\":null},"
                + "\"lines\":{\"data\":[{\"amount\":1,\"period\":{}}]},\"metadata\":{\"tenant\":\"t\"},\"extra\":true}");
        List<String> diffs = ShapeComparator.compare(FIXTURE, actual, Allowances.none());
        assertEquals(List.of("total: STRING here, integer in the fixture", "subscription: missing", "parent.quote_details: null here, OBJECT in the fixture",
                "lines.data[].period.end: missing", "extra: not in the fixture"), diffs);
    }

    @Test
    void declaredDeparturesPassAndUnusedDeclarationsAreReported() {
        JsonNode actual = json("{\"object\":\"invoice\",\"total\":5,\"status\":\"paid\",\"parent\":{\"type\":\"x\",\"quote_details\":null},"
                + "\"lines\":{\"data\":[{\"amount\":1,\"period\":{\"end\":2}}]},\"metadata\":{},\"amount_paid_off_stripe\":0}");
        Allowances allowed = new Allowances(Set.of("subscription"), Set.of("amount_paid_off_stripe"), Set.of("parent.quote_details", "due_date"), Set.of());
        assertEquals(List.of("due_date: declared allowance never used"), ShapeComparator.compare(FIXTURE, actual, allowed));
    }

    @Test
    void theObjectNameMustMatch() {
        JsonNode actual = json("{\"object\":\"invoiceitem\",\"total\":5,\"status\":\"paid\",\"parent\":{\"type\":\"x\",\"quote_details\":{\"quote\":\"q\"}},"
                + "\"lines\":{\"data\":[]},\"metadata\":{}}");
        assertEquals(List.of("object: object \"invoiceitem\", fixture \"invoice\"", "subscription: missing"),
                ShapeComparator.compare(FIXTURE, actual, Allowances.none()));
    }

    private static JsonNode json(String s) {
        try {
            return RawApi.JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
