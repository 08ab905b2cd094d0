package com.counterlink.stores;

import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedKeycloak;
import com.counterlink.testing.SharedPostgres;
import com.counterlink.testing.WooStoresFixture;
import com.counterlink.woo.sandbox.auth.ApiKey;
import com.counterlink.woo.sandbox.auth.KeyPermission;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A store entered under another name than the one WordPress uses for itself (localhost for
 * 127.0.0.1): WooCommerce signs OAuth with its own home_url, so Counterlink reads that address,
 * says so, signs with it, and lets an owner switch the store to it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreAddressTest extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();

    @Inject
    EmbeddedServer server;

    WooStoresFixture woo;
    ApiClient api;
    String ownerToken;
    String tenantId;

    @Override
    protected Map<String, String> extraProperties() {
        return WooStoresFixture.backendProperties(PORT);
    }

    @BeforeAll
    void setUp() {
        woo = new WooStoresFixture();
        api = new ApiClient(server.getURL());
        ownerToken = SharedKeycloak.token(SharedKeycloak.createUser("address-owner"));
        tenantId = WooStoresFixture.newTenant(api, ownerToken, "Address Co");
    }

    @AfterAll
    void tearDown() {
        woo.close();
    }

    /** The sandbox store calls itself http://127.0.0.1:…; the retailer typed localhost. */
    private static String otherName(Store store) {
        return store.siteUrl().replace("://127.0.0.1:", "://localhost:");
    }

    private String base(String siteId) {
        return "/api/tenants/" + tenantId + "/stores/" + siteId;
    }

    @Test
    void aStoreLinkedThroughWooCommerceUnderAnotherNameIsToldWhatWooCommerceCallsItAndItsRequestsWork() throws Exception {
        Store store = woo.newStore();
        String siteId = WooStoresFixture.link(api, ownerToken, tenantId, store, otherName(store));

        JsonNode site = awaitStore(siteId, s -> !s.get("homeUrl").isNull());
        assertEquals(otherName(store), site.get("url").asText(), "the address entered stays until the owner switches");
        assertEquals(store.siteUrl(), site.get("homeUrl").asText());
        assertEquals("WooCommerce calls this site " + store.siteUrl() + ", not " + otherName(store),
                site.get("addressNotice").asText());

        // signed with the store's own address, so requests work before anyone switches
        ApiClient.Response hooks = api.post(base(siteId) + "/webhooks", ownerToken, null);
        assertEquals(200, hooks.status(), hooks.toString());
        assertEquals(3, store.webhooksList().size());
        Map<String, JsonNode> checks = checks(siteId);
        assertEquals("WARN", checks.get("site-address").get("status").asText());
        assertEquals("WooCommerce calls this site " + store.siteUrl() + ", not " + otherName(store),
                checks.get("site-address").get("detail").asText());
        assertTrue(checks.get("site-address").get("fix").asText().startsWith("Use " + store.siteUrl()), checks.toString());
        checks.values().stream().filter(c -> !c.get("check").asText().equals("site-address"))
                .forEach(c -> assertEquals("PASS", c.get("status").asText(), c.toString()));
    }

    @Test
    void manualKeysUnderAnotherNameAnswerWithTheDifference() {
        Store store = woo.newStore();
        String siteId = startLinking(otherName(store), "Manual");
        ApiClient.Response entered = enterKeys(siteId, store.issueKey(KeyPermission.READ_WRITE));
        assertEquals(200, entered.status(), entered.toString());
        assertEquals(store.siteUrl(), entered.json().get("homeUrl").asText());
        assertEquals("WooCommerce calls this site " + store.siteUrl() + ", not " + otherName(store),
                entered.json().get("addressNotice").asText());
    }

    @Test
    void testConnectionOfAStoreWhoseOwnAddressIsNotKnownYetReadsItAndPassesSignedWithIt() throws SQLException {
        Store store = woo.newStore();
        String siteId = startLinking(otherName(store), "Older link");
        assertEquals(200, enterKeys(siteId, store.issueKey(KeyPermission.READ_WRITE)).status());
        forgetHomeUrl(siteId); // as for a store linked before Counterlink read addresses
        assertTrue(api.get(base(siteId), ownerToken).json().get("homeUrl").isNull());

        Map<String, JsonNode> checks = checks(siteId);
        assertEquals(List.of("site-address", "keys", "write-permission", "woocommerce-version", "currency", "stock-management"),
                List.copyOf(checks.keySet()));
        assertEquals("WARN", checks.get("site-address").get("status").asText());
        assertEquals("PASS", checks.get("keys").get("status").asText(), checks.toString());
        assertEquals("PASS", checks.get("write-permission").get("status").asText(), checks.toString());
        assertEquals(store.siteUrl(), api.get(base(siteId), ownerToken).json().get("homeUrl").asText(), "kept for every later request");
    }

    @Test
    void anInvalidSignatureWithTheSameAddressAdvisesCheckingTheAddress() {
        Store store = woo.newStore();
        String siteId = startLinking(store.siteUrl(), "Wrong secret");
        ApiKey key = store.issueKey(KeyPermission.READ_WRITE);
        ApiClient.Response entered = api.send("PUT", base(siteId) + "/credentials", ownerToken,
                "{\"consumerKey\":\"" + key.consumerKey() + "\",\"consumerSecret\":\"cs_" + "9".repeat(40) + "\"}");
        assertEquals(200, entered.status(), entered.toString());
        assertTrue(entered.json().get("addressNotice").isNull(), entered.toString());

        Map<String, JsonNode> checks = checks(siteId);
        assertEquals("PASS", checks.get("site-address").get("status").asText(), checks.toString());
        JsonNode keys = checks.get("keys");
        assertEquals("FAIL", keys.get("status").asText());
        assertTrue(keys.get("detail").asText().contains("Invalid signature"), keys.toString());
        assertTrue(keys.get("fix").asText().contains("Site Address in WordPress > Settings > General"), keys.toString());
    }

    @Test
    void anOwnerSwitchesTheStoreToTheAddressWooCommerceCallsItAndNobodyElseCan() throws Exception {
        Store store = woo.newStore();
        String siteId = startLinking(otherName(store), "Switch");
        assertEquals(200, enterKeys(siteId, store.issueKey(KeyPermission.READ_WRITE)).status());
        String body = "{\"url\":\"" + store.siteUrl() + "\"}";

        String member = memberToken();
        assertEquals(403, api.send("PUT", base(siteId) + "/url", member, body).status());
        String stranger = SharedKeycloak.token(SharedKeycloak.createUser("address-stranger"));
        WooStoresFixture.newTenant(api, stranger, "Stranger Co");
        assertEquals(404, api.send("PUT", base(siteId) + "/url", stranger, body).status());
        ApiClient.Response elsewhere = api.send("PUT", base(siteId) + "/url", ownerToken,
                "{\"url\":\"http://localhost:" + woo.sandbox.port() + "/store/elsewhere\"}");
        assertEquals(400, elsewhere.status(), elsewhere.toString());
        assertEquals("url", elsewhere.json().get("errors").get(0).get("field").asText());
        assertEquals(otherName(store), api.get(base(siteId), ownerToken).json().get("url").asText(), "nothing changed");

        ApiClient.Response switched = api.send("PUT", base(siteId) + "/url", ownerToken, body);
        assertEquals(200, switched.status(), switched.toString());
        assertEquals(store.siteUrl(), switched.json().get("url").asText());
        assertTrue(switched.json().get("addressNotice").isNull(), switched.toString());
        assertEquals("PASS", checks(siteId).get("site-address").get("status").asText());

        JsonNode audit = api.get("/api/tenants/" + tenantId + "/audit", ownerToken).json();
        JsonNode changed = null;
        for (JsonNode event : audit.findParents("action")) {
            if ("store.address-changed".equals(event.get("action").asText()) && siteId.equals(event.path("targetId").asText())) {
                changed = event;
            }
        }
        assertTrue(changed != null && changed.toString().contains(otherName(store)) && changed.toString().contains(store.siteUrl()),
                "audited with both addresses: " + audit);
    }

    @Test
    void switchingToAnAddressTheOutboundPolicyRefusesIsRefusedLikeAnyStoreUrl() {
        Store store = woo.newStore();
        String metadata = "http://169.254.169.254/store/" + store.name();
        store.setOptions(store.options().withSiteUrl(metadata));
        String siteId = startLinking(store.baseUrl(), "Metadata");
        ApiClient.Response entered = enterKeys(siteId, store.issueKey(KeyPermission.READ_WRITE));
        assertEquals(metadata, entered.json().get("homeUrl").asText(), entered.toString());

        ApiClient.Response refused = api.send("PUT", base(siteId) + "/url", ownerToken, "{\"url\":\"" + metadata + "\"}");
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("url", refused.json().get("errors").get(0).get("field").asText());
        assertTrue(refused.json().get("detail").asText().contains("link-local"), refused.toString());
        assertEquals(store.baseUrl(), api.get(base(siteId), ownerToken).json().get("url").asText());
    }

    private String startLinking(String url, String name) {
        ApiClient.Response started = api.post("/api/tenants/" + tenantId + "/stores", ownerToken,
                "{\"url\":\"" + url + "\",\"name\":\"" + name + "\"}");
        assertEquals(201, started.status(), started.toString());
        return started.json().get("store").get("id").asText();
    }

    private ApiClient.Response enterKeys(String siteId, ApiKey key) {
        return api.send("PUT", base(siteId) + "/credentials", ownerToken,
                "{\"consumerKey\":\"" + key.consumerKey() + "\",\"consumerSecret\":\"" + key.consumerSecret() + "\"}");
    }

    private Map<String, JsonNode> checks(String siteId) {
        ApiClient.Response tested = api.post(base(siteId) + "/test-connection", ownerToken, null);
        assertEquals(200, tested.status(), tested.toString());
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        tested.json().forEach(c -> byName.put(c.get("check").asText(), c));
        return byName;
    }

    private JsonNode awaitStore(String siteId, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            JsonNode site = api.get(base(siteId), ownerToken).json();
            if (condition.test(site)) {
                return site;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the store never got there: " + site);
            }
            Thread.sleep(100);
        }
    }

    private String memberToken() {
        SharedKeycloak.TestUser colleague = SharedKeycloak.createUser("address-member");
        JsonNode invitation = api.post("/api/tenants/" + tenantId + "/invitations", ownerToken,
                "{\"email\":\"" + colleague.email() + "\",\"role\":\"member\"}").json();
        String url = invitation.get("acceptUrl").asText();
        String token = URLDecoder.decode(url.substring(url.indexOf("token=") + 6), StandardCharsets.UTF_8);
        String colleagueToken = SharedKeycloak.token(colleague);
        assertEquals(200, api.post("/api/invitations/accept", colleagueToken, "{\"token\":\"" + token + "\"}").status());
        return colleagueToken;
    }

    private static void forgetHomeUrl(String siteId) throws SQLException {
        try (Connection c = SharedPostgres.superuserConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE sites SET home_url = NULL WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(siteId));
            assertEquals(1, ps.executeUpdate());
        }
    }
}
