package com.counterlink.billing;

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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sandbox store through its life (linked, keys entered, jobs switched on and off, removed): every change
 * that makes it billable or free is one history row, and the usage API shows the periods it made. The daily
 * reconcile heals what an event missed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillingMeterEndToEndTest extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();

    @Inject
    EmbeddedServer server;

    @Inject
    MeterReconcile reconcile;

    @Inject
    StoreMeter meter;

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
        ownerToken = SharedKeycloak.token(SharedKeycloak.createUser("billing-owner"));
    }

    @AfterAll
    void tearDown() {
        woo.close();
    }

    @Test
    void everyChangeThatMakesAStoreBillableOrFreeIsOneRowAndTheUsageShowsThePeriods() throws Exception {
        String tenant = WooStoresFixture.newTenant(api, ownerToken, "Meter Co");
        String site = WooStoresFixture.link(api, ownerToken, tenant, woo.newStore());
        assertEquals(List.of(), rows(site), "linked, nothing saved, no job runs: free");

        for (String job : List.of("PRODUCTS", "INVENTORY", "PRICING", "ORDERS")) {
            switchJob(tenant, site, job, false); // as the setup wizard holds them
        }
        assertEquals(200, api.send("PUT", store(tenant, site) + "/sync-settings", ownerToken, "{}").status());
        assertEquals(List.of(), rows(site), "in setup with every job off: free");

        switchJob(tenant, site, "PRODUCTS", true);
        switchJob(tenant, site, "ORDERS", true);
        switchJob(tenant, site, "PRODUCTS", false);
        assertEquals(List.of("true JOB_SWITCHED_ON"), rows(site), "a second job on or one of two off changes nothing");
        assertEquals(List.of(UUID.fromString(site)), meter.billableStoresNow(UUID.fromString(tenant)));

        switchJob(tenant, site, "ORDERS", false);
        switchJob(tenant, site, "INVENTORY", true);
        assertEquals(204, api.send("DELETE", store(tenant, site), ownerToken, null).status());
        assertEquals(List.of("true JOB_SWITCHED_ON", "false JOB_SWITCHED_OFF", "true JOB_SWITCHED_ON", "false STORE_REMOVED"),
                rows(site));

        JsonNode usage = usage(tenant);
        assertEquals(0, usage.get("billableStoresNow").asInt());
        assertEquals(1, usage.get("stores").size(), usage.toString());
        JsonNode removed = usage.get("stores").get(0);
        assertEquals(site, removed.get("siteId").asText());
        assertEquals("REMOVED", removed.get("status").asText());
        assertTrue(removed.get("storeDays").asInt() >= 1, removed.toString());
        assertEquals(removed.get("storeDays").asInt(), usage.get("storeDays").asInt());
        JsonNode periods = removed.get("periods");
        assertEquals(2, periods.size(), periods.toString());
        assertPeriod(periods.get(0), "JOB_SWITCHED_ON", "[\"PRODUCTS\"]", "JOB_SWITCHED_OFF", "every job off");
        assertPeriod(periods.get(1), "JOB_SWITCHED_ON", "[\"INVENTORY\"]", "STORE_REMOVED", "store removed");
        assertEquals("linked with keys, jobs on: INVENTORY", periods.get(1).get("startedBy").get("why").asText());
    }

    @Test
    void keysEnteredByHandMakeAStoreWithAJobOnBillable() throws Exception {
        String tenant = WooStoresFixture.newTenant(api, ownerToken, "Keys Co");
        Store shop = woo.newStore();
        String site = api.post("/api/tenants/" + tenant + "/stores", ownerToken,
                "{\"url\":\"" + shop.siteUrl() + "\",\"name\":\"By hand\"}").json().get("store").get("id").asText();
        switchJob(tenant, site, "ORDERS", true);
        assertEquals(List.of(), rows(site), "no keys yet: free");

        ApiKey key = shop.issueKey(KeyPermission.READ_WRITE);
        ApiClient.Response entered = api.send("PUT", store(tenant, site) + "/credentials", ownerToken,
                "{\"consumerKey\":\"" + key.consumerKey() + "\",\"consumerSecret\":\"" + key.consumerSecret() + "\"}");
        assertEquals(200, entered.status(), entered.toString());

        assertEquals(List.of("true KEYS_SAVED"), rows(site));
        JsonNode usage = usage(tenant);
        assertEquals(1, usage.get("billableStoresNow").asInt());
        JsonNode period = usage.get("stores").get(0).get("periods").get(0);
        assertEquals("KEYS_SAVED", period.get("startedBy").get("reason").asText());
        assertTrue(period.get("continues").asBoolean(), "still billable");
        assertTrue(period.get("endedBy").isNull());
        assertEquals(usage.get("countedUntil").asText(), period.get("to").asText(), "counted up to now");
        assertFalse(usage.get("trial").isNull(), "the trial starts with the first billable store");
    }

    @Test
    void savingOrderSettingsStartsTheOrdersJobAndSoTheStoreCounts() throws Exception {
        String tenant = WooStoresFixture.newTenant(api, ownerToken, "Settings Co");
        String site = WooStoresFixture.link(api, ownerToken, tenant, woo.newStore());

        ApiClient.Response saved = api.send("PUT", store(tenant, site) + "/order-settings", ownerToken, "{}");
        assertEquals(200, saved.status(), saved.toString());

        assertEquals(List.of("true SETTINGS_SAVED"), rows(site), "a job never switched either way runs once its settings exist");
        JsonNode started = usage(tenant).get("stores").get(0).get("periods").get(0).get("startedBy");
        assertEquals("[\"ORDERS\"]", started.get("jobsOn").toString());
    }

    @Test
    void theDailyReconcileHealsAMissedEventAndSeesASuspendedCompany() throws Exception {
        try (Connection c = SharedPostgres.superuserConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT jobasjson FROM jobrunr_recurring_jobs WHERE id = 'billing-meter-reconcile'")) {
            assertTrue(rs.next(), "the reconcile is a recurring job");
            assertTrue(rs.getString(1).contains("30 0 * * *"), "daily at 00:30 UTC: " + rs.getString(1));
        }
        String tenant = WooStoresFixture.newTenant(api, ownerToken, "Reconcile Co");
        String site = WooStoresFixture.link(api, ownerToken, tenant, woo.newStore());
        switchJob(tenant, site, "PRODUCTS", true);
        assertEquals(List.of("true JOB_SWITCHED_ON"), rows(site));

        asSuperuser("UPDATE job_settings SET enabled = false WHERE site_id = ?", site); // changed without its event
        reconcile.reconcileAll();
        assertEquals(List.of("true JOB_SWITCHED_ON", "false RECONCILE"), rows(site));
        reconcile.reconcileAll();
        assertEquals(2, rows(site).size(), "nothing more to correct");
        JsonNode period = usage(tenant).get("stores").get(0).get("periods").get(0);
        assertEquals("RECONCILE", period.get("endedBy").get("reason").asText());
        assertEquals("every job off", period.get("endedBy").get("why").asText());

        asSuperuser("UPDATE job_settings SET enabled = true WHERE site_id = ?", site);
        reconcile.reconcileAll();
        assertEquals("true RECONCILE", rows(site).get(2));

        asSuperuser("UPDATE tenants SET status = 'SUSPENDED' WHERE id = ?", tenant);
        reconcile.reconcileAll();
        assertEquals(List.of("true JOB_SWITCHED_ON", "false RECONCILE", "true RECONCILE", "false RECONCILE"), rows(site));
        JsonNode suspended = usage(tenant).get("stores").get(0).get("periods").get(1);
        assertEquals("company suspended", suspended.get("endedBy").get("why").asText());
        assertEquals(0, usage(tenant).get("billableStoresNow").asInt());
    }

    @Test
    void theHistoryIsAppendOnlyAndTenantScopedForTheApplication() throws Exception {
        String tenant = WooStoresFixture.newTenant(api, ownerToken, "Append Co");
        String site = WooStoresFixture.link(api, ownerToken, tenant, woo.newStore());
        switchJob(tenant, site, "PRICING", true);
        assertEquals(1, SharedPostgres.countAsTenant(tenant, "SELECT count(*) FROM billing_store_states"));
        assertEquals(0, SharedPostgres.countAsTenant(UUID.randomUUID().toString(), "SELECT count(*) FROM billing_store_states"));

        try (Connection c = SharedPostgres.appConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement scope = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                scope.setString(1, tenant);
                scope.execute();
            }
            SQLException denied = assertThrows(SQLException.class,
                    () -> c.createStatement().executeUpdate("UPDATE billing_store_states SET billable = false"));
            assertTrue(denied.getMessage().contains("permission denied"), denied.getMessage());
            c.rollback();
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static void assertPeriod(JsonNode period, String startedBy, String jobsOn, String endedBy, String endedWhy) {
        assertEquals(startedBy, period.get("startedBy").get("reason").asText(), period.toString());
        assertEquals(jobsOn, period.get("startedBy").get("jobsOn").toString(), period.toString());
        assertEquals(endedBy, period.get("endedBy").get("reason").asText(), period.toString());
        assertEquals(endedWhy, period.get("endedBy").get("why").asText(), period.toString());
        assertFalse(period.get("continues").asBoolean());
        assertFalse(Instant.parse(period.get("from").asText()).isAfter(Instant.parse(period.get("to").asText())), period.toString());
    }

    private JsonNode usage(String tenant) {
        ApiClient.Response usage = api.get("/api/tenants/" + tenant + "/billing/usage", ownerToken);
        assertEquals(200, usage.status(), usage.toString());
        return usage.json();
    }

    private void switchJob(String tenant, String site, String job, boolean on) {
        ApiClient.Response switched = api.send("PUT", store(tenant, site) + "/jobs/" + job, ownerToken,
                "{\"enabled\":" + on + ",\"intervalSeconds\":86400}");
        assertEquals(200, switched.status(), switched.toString());
    }

    private static String store(String tenant, String site) {
        return "/api/tenants/" + tenant + "/stores/" + site;
    }

    /** The store's history as "billable REASON", oldest first. */
    private static List<String> rows(String site) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = SharedPostgres.superuserConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT billable, reason FROM billing_store_states WHERE site_id = ? ORDER BY id")) {
            ps.setObject(1, UUID.fromString(site));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getBoolean(1) + " " + rs.getString(2));
                }
            }
        }
        return rows;
    }

    private static void asSuperuser(String sql, String id) throws SQLException {
        try (Connection c = SharedPostgres.superuserConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UUID.fromString(id));
            assertTrue(ps.executeUpdate() >= 1, sql);
        }
    }
}
