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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WordPress's public REST index, and a store reached under another name than its own address. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestIndexTest {
    private WooSandbox sandbox;

    @BeforeAll
    void start() {
        sandbox = WooSandbox.start();
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @Test
    void theIndexNamesTheSitesOwnAddressWithoutAuthenticationEvenWhenReachedByAnotherName() throws Exception {
        Store store = sandbox.createStore("own");
        String otherName = store.siteUrl().replace("127.0.0.1", "localhost");

        HttpResponse<String> index = SandboxClient.send("GET", otherName + "/wp-json/", null, Map.of());
        assertEquals(200, index.statusCode(), index.body());
        JsonNode body = SandboxClient.json(index);
        assertEquals(store.siteUrl(), body.get("home").asText());
        assertEquals(store.siteUrl(), body.get("url").asText());
        assertEquals("own", body.get("name").asText());
        assertEquals("", body.get("description").asText());
        assertEquals(0, body.get("gmt_offset").asInt());
        assertEquals("UTC", body.get("timezone_string").asText());
        assertTrue(body.get("namespaces").toString().contains("\"wc/v3\""), body.toString());
        assertEquals("<" + store.siteUrl() + "/wp-json/>; rel=\"https://api.w.org/\"", index.headers().firstValue("Link").orElse(""));

        JsonNode fields = SandboxClient.json(SandboxClient.send("GET", otherName + "/wp-json/?_fields=name,url,home", null, Map.of()));
        assertEquals(List.of("name", "url", "home"), iterate(fields));
        assertEquals(store.siteUrl(), SandboxClient.json(SandboxClient.send("GET", otherName + "/?rest_route=/", null, Map.of()))
                .get("home").asText());
    }

    @Test
    void oauthSignedWithTheNameUsedFailsAndSignedWithTheSitesOwnAddressWorks() throws Exception {
        Store store = sandbox.createStore("signed");
        ApiKey key = store.issueKey(KeyPermission.READ);
        String otherName = store.siteUrl().replace("127.0.0.1", "localhost");
        long now = store.clock().now().getEpochSecond();

        Map<String, String> asCalled = new LinkedHashMap<>();
        SandboxClient.signOAuth("GET", otherName + "/wp-json/wc/v3/products", asCalled, key.consumerKey(), key.consumerSecret(),
                "HMAC-SHA256", now, "n1");
        HttpResponse<String> refused = SandboxClient.send("GET", otherName + "/wp-json/wc/v3/products?" + SandboxClient.query(asCalled), null, Map.of());
        assertEquals(401, refused.statusCode());
        assertEquals("Invalid signature - provided signature does not match.", SandboxClient.json(refused).get("message").asText());

        Map<String, String> asOwn = new LinkedHashMap<>();
        SandboxClient.signOAuth("GET", store.siteUrl() + "/wp-json/wc/v3/products", asOwn, key.consumerKey(), key.consumerSecret(),
                "HMAC-SHA256", now, "n2");
        HttpResponse<String> accepted = SandboxClient.send("GET", otherName + "/wp-json/wc/v3/products?" + SandboxClient.query(asOwn), null, Map.of());
        assertEquals(200, accepted.statusCode(), accepted.body());
    }

    private static List<String> iterate(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
