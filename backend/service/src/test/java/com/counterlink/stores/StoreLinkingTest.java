package com.counterlink.stores;

import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedKeycloak;
import com.counterlink.testing.SharedPostgres;
import com.counterlink.testing.WooStoresFixture;
import com.counterlink.woo.sandbox.auth.ApiKey;
import com.counterlink.woo.sandbox.auth.KeyPermission;
import com.counterlink.woo.sandbox.settings.SettingCatalog;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Linking WooCommerce stores: the real wc-auth flow against the sandbox, manual keys, test connection. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreLinkingTest extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();

    @Inject
    EmbeddedServer server;

    WooStoresFixture woo;
    ApiClient api;
    SharedKeycloak.TestUser owner;
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
        owner = SharedKeycloak.createUser("store-owner");
        ownerToken = SharedKeycloak.token(owner);
        tenantId = WooStoresFixture.newTenant(api, ownerToken, "Linking Co");
    }

    @AfterAll
    void tearDown() {
        woo.close();
    }

    @Test
    void aStoreLinkedThroughWooCommerceBecomesActiveWithItsKeysEncrypted() throws SQLException {
        Store store = woo.newStore();
        String siteId = WooStoresFixture.link(api, ownerToken, tenantId, store);

        JsonNode site = api.get("/api/tenants/" + tenantId + "/stores/" + siteId, ownerToken).json();
        assertEquals("ACTIVE", site.get("status").asText());
        assertTrue(site.get("hasCredentials").asBoolean());
        assertEquals("read_write", site.get("keyPermissions").asText());
        assertFalse(site.toString().contains("ck_"), "keys leak through the API: " + site);

        ApiKey key = store.keys().get(store.keys().size() - 1);
        assertTrue(key.description().startsWith("Counterlink - API"), key.description());
        try (Connection c = SharedPostgres.superuserConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT consumer_key_enc, consumer_secret_enc, link_state_hash FROM sites WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(siteId));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                String keyColumn = new String(rs.getBytes(1), StandardCharsets.ISO_8859_1);
                String secretColumn = new String(rs.getBytes(2), StandardCharsets.ISO_8859_1);
                assertFalse(keyColumn.contains(key.consumerKey()) || keyColumn.contains("ck_"), "consumer key stored in plaintext");
                assertFalse(secretColumn.contains(key.consumerSecret()) || secretColumn.contains("cs_"), "secret stored in plaintext");
                assertEquals(null, rs.getBytes(3), "the link state must be used up");
            }
        }

        List<String> audit = api.get("/api/tenants/" + tenantId + "/audit", ownerToken).json().findValuesAsText("action");
        assertTrue(audit.contains("store.linked") && audit.contains("store.link-started"), audit.toString());
    }

    @Test
    void aReplayedOrForgedCallbackStoresNothing() throws SQLException {
        Store store = woo.newStore();
        ApiClient.Response started = api.post("/api/tenants/" + tenantId + "/stores", ownerToken,
                "{\"url\":\"" + store.siteUrl() + "\",\"name\":\"Replay\"}");
        String siteId = started.json().get("store").get("id").asText();
        String state = java.net.URLDecoder.decode(started.json().get("authorizeUrl").asText()
                .replaceAll(".*[?&]user_id=([^&]+).*", "$1"), StandardCharsets.UTF_8);

        String forgedToken = state.substring(0, state.length() - 4) + "AAAA";
        assertEquals(404, api.post("/api/public/woo/callback", null, callback(forgedToken)).status());
        assertEquals(404, api.post("/api/public/woo/callback", null, callback("not-a-token")).status());
        assertEquals("PENDING", api.get("/api/tenants/" + tenantId + "/stores/" + siteId, ownerToken).json().get("status").asText());

        // starting again on the same URL voids the first approval link and reuses the pending store
        ApiClient.Response restarted = api.post("/api/tenants/" + tenantId + "/stores", ownerToken,
                "{\"url\":\"" + store.siteUrl() + "/\",\"name\":\"Replay\"}");
        assertEquals(201, restarted.status(), restarted.toString());
        assertEquals(siteId, restarted.json().get("store").get("id").asText());
        assertEquals(404, api.post("/api/public/woo/callback", null, callback(state)).status(), "superseded state");
        state = java.net.URLDecoder.decode(restarted.json().get("authorizeUrl").asText()
                .replaceAll(".*[?&]user_id=([^&]+).*", "$1"), StandardCharsets.UTF_8);

        assertEquals(200, api.post("/api/public/woo/callback", null, callback(state)).status());
        assertEquals(404, api.post("/api/public/woo/callback", null, callback(state)).status(), "state used twice");
        assertEquals(409, api.post("/api/tenants/" + tenantId + "/stores", ownerToken,
                "{\"url\":\"" + store.siteUrl() + "\",\"name\":\"Again\"}").status(), "already linked");
        try (Connection c = SharedPostgres.superuserConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM audit_events WHERE target_id = ? AND action = 'store.linked'")) {
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
        ApiClient.Response invalid = api.post("/api/public/woo/callback", null, "{\"user_id\":\"x\"}");
        assertEquals(400, invalid.status(), invalid.toString());
    }

    private static String callback(String state) {
        return "{\"key_id\":1,\"user_id\":\"" + state + "\",\"consumer_key\":\"ck_" + "a".repeat(40)
                + "\",\"consumer_secret\":\"cs_" + "b".repeat(40) + "\",\"key_permissions\":\"read_write\"}";
    }

    @Test
    void testConnectionPassesForAGoodStoreAndWarnsWhenStockManagementIsOff() {
        Store store = woo.newStore();
        String siteId = WooStoresFixture.link(api, ownerToken, tenantId, store);
        Map<String, JsonNode> checks = checks(siteId);
        assertEquals(List.of("site-address", "keys", "write-permission", "woocommerce-version", "currency", "stock-management"),
                List.copyOf(checks.keySet()));
        checks.values().forEach(c -> assertEquals("PASS", c.get("status").asText(), c.toString()));
        assertTrue(checks.get("woocommerce-version").get("detail").asText().contains("10.0.2"));
        assertTrue(checks.get("currency").get("detail").asText().contains("USD"));

        store.setOption(SettingCatalog.MANAGE_STOCK, "no");
        JsonNode stock = checks(siteId).get("stock-management");
        assertEquals("WARN", stock.get("status").asText());
        assertTrue(stock.get("fix").asText().contains("Enable stock management"), stock.toString());
    }

    @Test
    void manuallyEnteredReadOnlyKeysFailTheWriteCheckWithTheFix() {
        Store store = woo.newStore();
        String siteId = api.post("/api/tenants/" + tenantId + "/stores", ownerToken,
                "{\"url\":\"" + store.siteUrl() + "\",\"name\":\"Manual\"}").json().get("store").get("id").asText();
        ApiKey readOnly = store.issueKey(KeyPermission.READ);
        ApiClient.Response entered = api.send("PUT", "/api/tenants/" + tenantId + "/stores/" + siteId + "/credentials",
                ownerToken, "{\"consumerKey\":\"" + readOnly.consumerKey() + "\",\"consumerSecret\":\"" + readOnly.consumerSecret() + "\"}");
        assertEquals(200, entered.status(), entered.toString());
        assertEquals("ACTIVE", entered.json().get("status").asText());

        Map<String, JsonNode> checks = checks(siteId);
        assertEquals("PASS", checks.get("keys").get("status").asText());
        assertEquals("FAIL", checks.get("write-permission").get("status").asText());
        assertTrue(checks.get("write-permission").get("fix").asText().contains("Read/Write"));

        ApiClient.Response wrong = api.send("PUT", "/api/tenants/" + tenantId + "/stores/" + siteId + "/credentials",
                ownerToken, "{\"consumerKey\":\"ck_" + "0".repeat(40) + "\",\"consumerSecret\":\"" + readOnly.consumerSecret() + "\"}");
        assertEquals(200, wrong.status());
        JsonNode keys = checks(siteId).get("keys");
        assertEquals("FAIL", keys.get("status").asText());
        assertNotNull(keys.get("fix").asText());
    }

    private Map<String, JsonNode> checks(String siteId) {
        ApiClient.Response tested = api.post("/api/tenants/" + tenantId + "/stores/" + siteId + "/test-connection", ownerToken, null);
        assertEquals(200, tested.status(), tested.toString());
        Map<String, JsonNode> byName = new java.util.LinkedHashMap<>();
        tested.json().forEach(c -> byName.put(c.get("check").asText(), c));
        return byName;
    }

    @Test
    void badInputIsA400ProblemNamingTheField() {
        assertField(api.post("/api/tenants/" + tenantId + "/stores", ownerToken, "{\"url\":\"\",\"name\":\"x\"}"), "url");
        assertField(api.post("/api/tenants/" + tenantId + "/stores", ownerToken, "{\"url\":\"https://shop.example.com\",\"name\":\"\"}"), "name");
        assertField(api.post("/api/tenants/" + tenantId + "/stores", ownerToken, "{\"url\":\"shop.example.com\",\"name\":\"x\"}"), "url");
        ApiClient.Response metadata = api.post("/api/tenants/" + tenantId + "/stores", ownerToken,
                "{\"url\":\"http://169.254.169.254/latest\",\"name\":\"x\"}");
        assertField(metadata, "url");
        assertTrue(metadata.json().get("detail").asText().contains("link-local"), metadata.toString());
        assertField(api.post("/api/tenants/" + tenantId + "/stores", ownerToken, "{\"url\":\"https://10.1.2.3\",\"name\":\"x\"}"), "url");
        String siteId = api.post("/api/tenants/" + tenantId + "/stores", ownerToken,
                "{\"url\":\"" + woo.newStore().siteUrl() + "\",\"name\":\"Keys\"}").json().get("store").get("id").asText();
        assertField(api.send("PUT", "/api/tenants/" + tenantId + "/stores/" + siteId + "/credentials", ownerToken,
                "{\"consumerKey\":\"nope\",\"consumerSecret\":\"cs_" + "b".repeat(40) + "\"}"), "consumerKey");
    }

    private static void assertField(ApiClient.Response response, String field) {
        assertEquals(400, response.status(), response.toString());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.toString());
        assertEquals(field, response.json().get("errors").get(0).get("field").asText(), response.toString());
    }

    @Test
    void aTenantLinksSeveralStoresAndAnotherTenantSeesNoneOfThem() {
        String tenant = WooStoresFixture.newTenant(api, ownerToken, "Multi Co");
        String first = WooStoresFixture.link(api, ownerToken, tenant, woo.newStore());
        String second = WooStoresFixture.link(api, ownerToken, tenant, woo.newStore());
        assertEquals(2, api.get("/api/tenants/" + tenant + "/stores", ownerToken).json().size());

        String intruder = SharedKeycloak.token(SharedKeycloak.createUser("intruder"));
        WooStoresFixture.newTenant(api, intruder, "Intruder Co");
        String base = "/api/tenants/" + tenant + "/stores";
        assertEquals(404, api.get(base, intruder).status());
        assertEquals(404, api.get(base + "/" + first, intruder).status());
        assertEquals(404, api.post(base + "/" + first + "/test-connection", intruder, null).status());
        assertEquals(404, api.send("DELETE", base + "/" + first, intruder, null).status());
        assertEquals(404, api.post(base, intruder, "{\"url\":\"https://shop.example.com\",\"name\":\"x\"}").status());
        assertEquals(404, api.post(base + "/" + first + "/webhooks", intruder, null).status());

        assertEquals(204, api.send("DELETE", base + "/" + second, ownerToken, null).status());
        assertEquals(404, api.get(base + "/" + second, ownerToken).status());
        assertEquals(1, api.get(base, ownerToken).json().size());
    }
}
