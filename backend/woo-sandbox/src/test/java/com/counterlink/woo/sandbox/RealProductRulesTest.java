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
}
