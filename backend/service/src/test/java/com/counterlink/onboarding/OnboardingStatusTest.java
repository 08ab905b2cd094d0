package com.counterlink.onboarding;

import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedKeycloak;
import com.counterlink.testing.SharedPostgres;
import com.counterlink.testing.WooStoresFixture;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wizard resumes where the saved state says: bridge, stores, settings, preview, start, done. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnboardingStatusTest extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();

    @Inject
    EmbeddedServer server;

    WooStoresFixture woo;
    ApiClient api;
    String ownerToken;

    @Override
    protected Map<String, String> extraProperties() {
        return WooStoresFixture.backendProperties(PORT);
    }

    @BeforeAll
    void setUp() {
        woo = new WooStoresFixture();
        api = new ApiClient(server.getURL());
        ownerToken = SharedKeycloak.token(SharedKeycloak.createUser("onboarding-owner"));
    }

    @AfterAll
    void tearDown() {
        woo.close();
    }

    @Test
    void eachSavedStepMovesTheWizardOnAndANewBrowserLandsOnTheFirstUnfinishedOne() throws SQLException {
        String tenantId = WooStoresFixture.newTenant(api, ownerToken, "Onboarding Co");

        JsonNode fresh = status(tenantId);
        assertEquals("BRIDGE", fresh.get("step").asText());
        assertEquals("NONE", fresh.get("bridge").asText());

        UUID bridgeId = insertBridge(tenantId, null);
        assertEquals("BRIDGE", status(tenantId).get("step").asText(), "an enrolled bridge that never connected");
        assertEquals("NEVER_CONNECTED", status(tenantId).get("bridge").asText());

        heardFrom(bridgeId, Instant.now());
        JsonNode connected = status(tenantId);
        assertEquals("ONLINE", connected.get("bridge").asText());
        assertEquals("STORES", connected.get("step").asText());

        String siteId = WooStoresFixture.link(api, ownerToken, tenantId, woo.newStore());
        JsonNode linked = status(tenantId);
        assertEquals("SETTINGS", linked.get("step").asText());
        assertEquals(siteId, linked.get("siteId").asText());
        JsonNode store = linked.get("stores").get(0);
        assertEquals("NOT_SAVED", store.get("catalogSettings").asText());
        assertEquals("NOT_SAVED", store.get("orderSettings").asText());

        String storePath = "/api/tenants/" + tenantId + "/stores/" + siteId;
        ApiClient.Response orders = api.send("PUT", storePath + "/order-settings", ownerToken,
                "{\"sendStatus\":\"processing\",\"documentType\":\"T\",\"storeId\":\"MAIN\",\"stationId\":\"1\","
                        + "\"drawerId\":\"1\",\"defaultPayCode\":\"CASH\",\"payCodes\":{},\"taxCode\":\"TX\",\"lookbackMinutes\":10}");
        assertEquals(200, orders.status(), orders.toString());
        assertEquals("SETTINGS", status(tenantId).get("step").asText(), "catalog settings are not saved yet");
        assertEquals("SAVED", status(tenantId).get("stores").get(0).get("orderSettings").asText());

        ApiClient.Response catalog = api.send("PUT", storePath + "/sync-settings", ownerToken,
                "{\"locations\":[\"MAIN\"],\"regularPriceLevel\":\"REG_PRC\",\"saleSource\":\"NONE\",\"safetyBuffer\":0,"
                        + "\"newProductsAsDraft\":false,\"ownership\":{\"name\":\"SET_ONCE\",\"descriptions\":\"SET_ONCE\","
                        + "\"categories\":\"SET_ONCE\"}}");
        assertEquals(200, catalog.status(), catalog.toString());
        assertEquals("PREVIEW", status(tenantId).get("step").asText());

        insertRun(tenantId, siteId, "PREVIEW", "RUNNING");
        JsonNode previewing = status(tenantId);
        assertEquals("PREVIEW", previewing.get("step").asText());
        assertEquals("RUNNING", previewing.get("stores").get(0).get("preview").asText());

        finishRuns(siteId);
        assertEquals("START", status(tenantId).get("step").asText());

        insertRun(tenantId, siteId, "MANUAL", "SUCCEEDED");
        JsonNode done = status(tenantId);
        assertEquals("DONE", done.get("step").asText());
        assertTrue(done.get("siteId").isNull(), done.toString());

        heardFrom(bridgeId, Instant.now().minus(Duration.ofHours(1)));
        JsonNode offline = status(tenantId);
        assertEquals("OFFLINE", offline.get("bridge").asText());
        assertEquals("DONE", offline.get("step").asText(), "a bridge that drops out later does not send anyone back to install it");
    }

    @Test
    void anotherCompanysPersonGetsNotFound() {
        String tenantId = WooStoresFixture.newTenant(api, ownerToken, "Private Co");
        String stranger = SharedKeycloak.token(SharedKeycloak.createUser("onboarding-stranger"));
        assertEquals(404, api.get("/api/tenants/" + tenantId + "/onboarding", stranger).status());
    }

    private JsonNode status(String tenantId) {
        ApiClient.Response response = api.get("/api/tenants/" + tenantId + "/onboarding", ownerToken);
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    private static UUID insertBridge(String tenantId, Instant lastSeen) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = SharedPostgres.superuserConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO bridges (id, tenant_id, name, status, public_key, last_seen_at) VALUES (?, ?, 'Back office', 'ENROLLED', 'k', ?)")) {
            ps.setObject(1, id);
            ps.setObject(2, UUID.fromString(tenantId));
            ps.setTimestamp(3, lastSeen == null ? null : Timestamp.from(lastSeen));
            ps.executeUpdate();
        }
        return id;
    }

    private static void heardFrom(UUID bridgeId, Instant at) throws SQLException {
        try (Connection c = SharedPostgres.superuserConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE bridges SET last_seen_at = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setObject(2, bridgeId);
            ps.executeUpdate();
        }
    }

    private static void insertRun(String tenantId, String siteId, String trigger, String status) throws SQLException {
        try (Connection c = SharedPostgres.superuserConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sync_runs (id, tenant_id, site_id, job_type, run_trigger, status) VALUES (?, ?, ?, 'PRODUCTS', ?, ?)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, UUID.fromString(tenantId));
            ps.setObject(3, UUID.fromString(siteId));
            ps.setString(4, trigger);
            ps.setString(5, status);
            ps.executeUpdate();
        }
    }

    private static void finishRuns(String siteId) throws SQLException {
        try (Connection c = SharedPostgres.superuserConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE sync_runs SET status = 'SUCCEEDED', finished_at = now() WHERE site_id = ?")) {
            ps.setObject(1, UUID.fromString(siteId));
            ps.executeUpdate();
        }
    }
}
