package com.counterlink.woo.sandbox;

import com.counterlink.woo.sandbox.auth.ApiKey;
import com.counterlink.woo.sandbox.auth.KeyPermission;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Product rules a side-by-side run against a real WooCommerce 10.0.2 store showed: SKU collation, attributes, stock. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealProductRulesTest {
    private WooSandbox sandbox;
    private Store store;
    private Map<String, String> auth;

    @BeforeAll
    void start() {
        sandbox = WooSandbox.start(WooSandboxConfig.builder().webhookDelay(Duration.ofMillis(-1)).build());
        store = sandbox.createStore("rules");
        ApiKey k = store.issueKey(KeyPermission.READ_WRITE);
        auth = SandboxClient.basic(k.consumerKey(), k.consumerSecret(), true);
    }

    @AfterAll
    void stop() { sandbox.close(); }

    private HttpResponse<String> send(String method, String route, String body) throws Exception {
        return SandboxClient.send(method, store.apiUrl() + route, body, auth);
    }

    private JsonNode created(String route, String body) throws Exception {
        HttpResponse<String> r = send("POST", route, body);
        assertEquals(201, r.statusCode(), r.body());
        return SandboxClient.json(r);
    }

    private static String product(String sku) {
        return "{\"name\":\"Item " + sku + "\",\"regular_price\":\"10.00\",\"sku\":\"" + sku + "\"}";
    }

    @Test
    void aSaleEndsWhenItsFieldsAreSentEmptyWhileNullChangesNothingAsPhpIssetIgnoresIt() throws Exception {
        long id = created("/products", "{\"name\":\"Sale\",\"regular_price\":\"10.00\",\"sale_price\":\"8.00\","
                + "\"date_on_sale_from_gmt\":\"2030-01-01T00:00:00\",\"date_on_sale_to_gmt\":\"2030-02-01T00:00:00\"}")
                .get("id").asLong();

        HttpResponse<String> nulls = send("PUT", "/products/" + id,
                "{\"sale_price\":null,\"date_on_sale_from_gmt\":null,\"date_on_sale_to_gmt\":null}");
        assertEquals(200, nulls.statusCode(), nulls.body());
        JsonNode kept = SandboxClient.json(nulls);
        assertEquals("8.00", kept.get("sale_price").asText());
        assertEquals("2030-01-01T00:00:00", kept.get("date_on_sale_from_gmt").asText());
        assertEquals("2030-02-01T00:00:00", kept.get("date_on_sale_to_gmt").asText());

        HttpResponse<String> empties = send("PUT", "/products/" + id,
                "{\"sale_price\":\"\",\"date_on_sale_from_gmt\":\"\",\"date_on_sale_to_gmt\":\"\"}");
        assertEquals(200, empties.statusCode(), empties.body());
        JsonNode ended = SandboxClient.json(empties);
        assertEquals("", ended.get("sale_price").asText());
        assertTrue(ended.get("date_on_sale_from_gmt").isNull(), ended.toString());
        assertTrue(ended.get("date_on_sale_to_gmt").isNull(), ended.toString());
    }

    @Test
    void skusAreEqualIgnoringCaseAndAccentsAsMySqlCollationCompares() throws Exception {
        long upper = created("/products", product("DIFF-X")).get("id").asLong();
        HttpResponse<String> lower = send("POST", "/products", product("diff-x"));
        assertEquals(400, lower.statusCode());
        JsonNode error = SandboxClient.json(lower);
        assertEquals("product_invalid_sku", error.get("code").asText());
        assertEquals(upper, error.path("data").path("resource_id").asLong());
        assertEquals("diff-x-1", error.path("data").path("unique_sku").asText());

        long plain = created("/products", product("CAFE-01")).get("id").asLong();
        HttpResponse<String> accented = send("POST", "/products", product("CAFÉ-01"));
        assertEquals(400, accented.statusCode(), "É collates equal to E");
        assertEquals(plain, SandboxClient.json(accented).path("data").path("resource_id").asLong());

        long strasse = created("/products", product("STRASSE-9")).get("id").asLong();
        assertEquals(strasse, SandboxClient.json(send("POST", "/products", product("straße-9"))).path("data").path("resource_id").asLong(),
                "ß collates equal to ss");

        long cafe = created("/products", product("ÉCLAIR-2")).get("id").asLong();
        JsonNode found = SandboxClient.json(send("GET", "/products?sku=eclair-2", null));
        assertEquals(1, found.size());
        assertEquals(cafe, found.get(0).get("id").asLong(), "the sku filter finds it under the same collation");
        assertEquals("ÉCLAIR-2", found.get(0).get("sku").asText(), "the SKU is kept as it was written");
        assertEquals(2, SandboxClient.json(send("GET", "/products?sku=diff-x,Eclair-2", null)).size());
    }

    @Test
    void aPipeInAnAttributeOptionSplitsTheParentsOptionsButNotTheVariations() throws Exception {
        JsonNode parent = created("/products", "{\"name\":\"Sneaker\",\"type\":\"variable\",\"attributes\":["
                + "{\"name\":\"Color\",\"variation\":true,\"visible\":true,\"options\":[\"BLK|WHT\",\"RED\"]},"
                + "{\"name\":\"Size\",\"variation\":true,\"options\":[\"9\"]},"
                + "{\"name\":\"Sole\",\"position\":4,\"options\":[\"Gum | Crepe\"]}]}");
        JsonNode attributes = parent.get("attributes");
        assertEquals("[\"BLK\",\"WHT\",\"RED\"]", attributes.get(0).get("options").toString(), "stored pipe-separated, read back split");
        assertEquals(0, attributes.get(0).get("position").asInt());
        assertEquals(0, attributes.get(1).get("position").asInt(), "a position not sent is 0, not the attribute's index");
        assertEquals(4, attributes.get(2).get("position").asInt());
        assertEquals("[\"Gum\",\"Crepe\"]", attributes.get(2).get("options").toString());

        long parentId = parent.get("id").asLong();
        JsonNode variation = created("/products/" + parentId + "/variations",
                "{\"regular_price\":\"60.00\",\"attributes\":[{\"name\":\"Color\",\"option\":\"BLK|WHT\"},{\"name\":\"Size\",\"option\":\"9\"}]}");
        assertEquals("BLK|WHT", variation.get("attributes").get(0).get("option").asText(), "the variation keeps the value, which matches no parent option");
        JsonNode reread = SandboxClient.json(send("GET", "/products/" + parentId, null));
        assertEquals("[\"BLK\",\"WHT\",\"RED\"]", reread.get("attributes").get(0).get("options").toString());
    }

    @Test
    void aVariationShowsItsParentsTaxClassNotParent() throws Exception {
        long parentId = created("/products", "{\"name\":\"Cap\",\"type\":\"variable\",\"attributes\":[{\"name\":\"Size\",\"variation\":true,\"options\":[\"M\"]}]}")
                .get("id").asLong();
        JsonNode created = created("/products/" + parentId + "/variations", "{\"regular_price\":\"9.00\",\"attributes\":[{\"name\":\"Size\",\"option\":\"M\"}]}");
        assertEquals("parent", created.get("tax_class").asText(), "the create response shows the stored value, as fixture 03 recorded");
        long id = created.get("id").asLong();
        assertEquals("", SandboxClient.json(send("GET", "/products/" + parentId + "/variations/" + id, null)).get("tax_class").asText());
        assertEquals("", SandboxClient.json(send("GET", "/products/" + parentId + "/variations", null)).get(0).get("tax_class").asText());
        assertEquals("", SandboxClient.json(send("GET", "/products/" + id, null)).get("tax_class").asText());
    }

    @Test
    void parentManagedStockAtZeroPutsTheParentAndItsInheritingVariationsOutOfStock() throws Exception {
        long parentId = created("/products", "{\"name\":\"Hoodie\",\"type\":\"variable\",\"manage_stock\":true,\"stock_quantity\":5,"
                + "\"attributes\":[{\"name\":\"Size\",\"variation\":true,\"options\":[\"S\",\"M\",\"L\"]}]}").get("id").asLong();
        String v = "/products/" + parentId + "/variations";
        long s = created(v, "{\"regular_price\":\"30.00\",\"attributes\":[{\"name\":\"Size\",\"option\":\"S\"}]}").get("id").asLong();
        long m = created(v, "{\"regular_price\":\"30.00\",\"attributes\":[{\"name\":\"Size\",\"option\":\"M\"}]}").get("id").asLong();
        long own = created(v, "{\"regular_price\":\"30.00\",\"manage_stock\":true,\"stock_quantity\":2,"
                + "\"attributes\":[{\"name\":\"Size\",\"option\":\"L\"}]}").get("id").asLong();
        assertEquals("parent", SandboxClient.json(send("GET", v + "/" + s, null)).get("manage_stock").asText());
        assertEquals("instock", SandboxClient.json(send("GET", v + "/" + s, null)).get("stock_status").asText());

        assertEquals(200, send("PUT", "/products/" + parentId, "{\"stock_quantity\":0}").statusCode());

        assertEquals("outofstock", SandboxClient.json(send("GET", "/products/" + parentId, null)).get("stock_status").asText());
        for (long inheriting : new long[]{s, m}) {
            assertEquals("outofstock", SandboxClient.json(send("GET", v + "/" + inheriting, null)).get("stock_status").asText());
            assertEquals("outofstock", SandboxClient.json(send("GET", "/products/" + inheriting, null)).get("stock_status").asText());
        }
        assertEquals("instock", SandboxClient.json(send("GET", v + "/" + own, null)).get("stock_status").asText(),
                "a variation managing its own stock keeps its status");

        send("PUT", "/products/" + parentId, "{\"stock_quantity\":3}");
        assertEquals("instock", SandboxClient.json(send("GET", v + "/" + s, null)).get("stock_status").asText());
        assertEquals("instock", SandboxClient.json(send("GET", "/products/" + parentId, null)).get("stock_status").asText());
    }
}
