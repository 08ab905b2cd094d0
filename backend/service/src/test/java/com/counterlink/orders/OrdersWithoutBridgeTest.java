package com.counterlink.orders;

import com.counterlink.platform.net.OutboundUrlPolicy;
import com.counterlink.sync.JobType;
import com.counterlink.sync.RunTrigger;
import com.counterlink.sync.SyncJobRunner;
import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedKeycloak;
import com.counterlink.testing.WooStoresFixture;
import com.counterlink.woo.WooClient;
import com.counterlink.woo.WooClientConfig;
import com.counterlink.woo.WooCredentials;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger side without Counterpoint: intake and allocation work with no bridge, writing waits for
 * it, an order a person must handle waits with its reason and can be resolved, and other companies
 * see none of it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdersWithoutBridgeTest extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;
    @Inject
    SyncJobRunner runner;
    @Inject
    AllocationEventsProbe allocationEvents;
    @Inject
    com.counterlink.sync.catalog.Allocations inventoryAllocations;
    @Inject
    OrderLedger ledger;
    @Inject
    org.jobrunr.storage.StorageProvider storage;
    @Inject
    com.counterlink.platform.db.TenantTransactions transactions;

    WooStoresFixture woo;
    ApiClient api;
    String token;
    UUID tenant;
    UUID site;
    Store store;
    WooClient shop;

    @Override
    protected Map<String, String> extraProperties() {
        return WooStoresFixture.backendProperties(PORT);
    }

    @BeforeAll
    void linkAStore() throws Exception {
        woo = new WooStoresFixture();
        api = new ApiClient(server.getURL());
        token = SharedKeycloak.token(SharedKeycloak.createUser("orders-nobridge"));
        tenant = UUID.fromString(WooStoresFixture.newTenant(api, token, "No Bridge Co"));
        store = woo.newStore();
        site = UUID.fromString(WooStoresFixture.link(api, token, tenant.toString(), store));
        JsonNode key = JSON.readTree(sandbox("/keys", "{\"permissions\":\"read_write\"}").body());
        shop = WooClient.forStore(store.siteUrl(), new WooCredentials(key.path("consumer_key").asText(),
                key.path("consumer_secret").asText()), WooClientConfig.defaults(), new OutboundUrlPolicy(true));
    }

    @AfterAll
    void tearDown() {
        woo.close();
    }

    @Test
    void ordersAreAllocatedWithoutTheBridgeAndTheRunWaitsForItToWrite() throws Exception {
        long productId = product("OFFLINE-1");
        long wooId = checkout("completed", productId, 2);
        UUID run = runOrders();
        assertEquals("WAITING_FOR_BRIDGE", api.get("/api/tenants/" + tenant + "/stores/" + site + "/runs/" + run, token)
                .json().get("run").get("status").asText());
        JsonNode order = find(wooId);
        assertEquals("READY", order.get("state").asText());
        JsonNode allocations = api.get("/api/tenants/" + tenant + "/allocations?itemNo=OFFLINE-1", token).json();
        assertEquals(1, allocations.size());
        assertEquals(2, allocations.get(0).get("allocated").asInt());
        assertEquals(2, transactions.inTenant(tenant, null, () -> ledger.allocated(tenant, "OFFLINE-1", "*|*|*")).intValue());
        // the inventory job's formula sees the same allocation for the simple item ("" cell)
        assertEquals(java.util.Map.of(new com.counterlink.sync.catalog.Allocations.StockKey("OFFLINE-1", ""), new java.math.BigDecimal("2")),
                normalized(inventoryAllocations.allocated(tenant, java.util.List.of("OFFLINE-1", "NOT-ORDERED"))));

        // allocation off for the company: still recorded, no longer held against the stock
        String settings = "/api/tenants/" + tenant + "/allocations/settings";
        assertTrue(api.get(settings, token).json().get("enabled").asBoolean());
        assertEquals(400, api.send("PUT", settings, token, "{\"enabled\":\"maybe\"}").status());
        assertEquals(200, api.send("PUT", settings, token, "{\"enabled\":false}").status());
        assertEquals(0, transactions.inTenant(tenant, null, () -> ledger.allocated(tenant, "OFFLINE-1")).intValue());
        assertEquals(java.util.Map.of(), inventoryAllocations.allocated(tenant, java.util.List.of("OFFLINE-1")));
        assertEquals(200, api.send("PUT", settings, token, "{\"enabled\":true}").status());
        assertEquals(2, transactions.inTenant(tenant, null, () -> ledger.allocated(tenant, "OFFLINE-1")).intValue());
        assertTrue(allocationEvents.received.stream().anyMatch(e -> e.tenantId().equals(tenant) && e.siteId().equals(site)
                && e.itemNos().contains("OFFLINE-1")), "the inventory job is told which items' allocation changed");
    }

    @Test
    void anEditBeforeWritingIsTakenAgainAndAnEditAfterWritingIsFlaggedForAPerson() throws Exception {
        long wooId = 900_000 + (long) (Math.random() * 90_000);
        ingest(edit(wooId, 2, "20.00"));
        // edited in WooCommerce before it was written: 2 → 5 units; lines, total and allocation follow
        ingest(edit(wooId, 5, "50.00"));
        OrderLedger.Stored stored = transactions.inTenant(tenant, null, () -> ledger.find(site, wooId, false)).orElseThrow();
        assertEquals(5, stored.lines().get(0).qty().intValue());
        assertEquals(0, new java.math.BigDecimal("50.00").compareTo(stored.total()));
        assertEquals(5, transactions.inTenant(tenant, null, () -> ledger.allocated(tenant, "EDIT-1", "*|*|*")).intValue());

        // written to Counterpoint (as the writer records it), then edited again in WooCommerce
        transactions.inTenant(tenant, null, () -> {
            ledger.transition(tenant, stored.id(), OrderState.ALLOCATED, OrderState.READY, "test: sending status");
            return ledger.markWritten(tenant, stored.id(), "1001", 100_000_000_999L, "W1", true, 'T', "W1-100");
        });
        ingest(edit(wooId, 4, "40.00"));
        JsonNode detail = api.get("/api/tenants/" + tenant + "/orders/" + stored.id(), token).json();
        assertEquals("WRITTEN", detail.at("/order/state").asText());
        assertTrue(detail.at("/order/flag").asText().contains("edited in WooCommerce after it was written"), detail.toString());
        assertEquals(5, detail.get("lines").get(0).get("qty").asInt(), "the ledger keeps what Counterpoint has");
        assertEquals(5, transactions.inTenant(tenant, null, () -> ledger.allocated(tenant, "EDIT-1", "*|*|*")).intValue());
    }

    private void ingest(WooOrder order) {
        transactions.inTenant(tenant, null, () -> ledger.ingest(tenant, site, order, OrderSettings.defaults(), "poll"));
    }

    private static WooOrder edit(long wooId, int quantity, String total) throws Exception {
        return WooOrder.parse(JSON.readTree("{\"id\": " + wooId + ", \"number\": \"" + wooId + "\", \"status\": \"processing\","
                + " \"total\": \"" + total + "\", \"billing\": {\"email\": \"edit@example.org\"}, \"line_items\": [{\"id\": 1,"
                + " \"sku\": \"EDIT-1\", \"quantity\": " + quantity + ", \"subtotal\": \"" + total + "\", \"total\": \"" + total
                + "\"}]}"));
    }

    @Test
    void aLineWithoutSkuNeedsAttentionAndAnOwnerResolvesItAudited() throws Exception {
        long productId = product(null);
        long wooId = checkout("processing", productId, 1);
        runOrders();
        JsonNode order = find(wooId);
        assertEquals("NEEDS_ATTENTION", order.get("state").asText());
        assertTrue(order.get("reason").asText().contains("no SKU"), order.toString());

        String path = "/api/tenants/" + tenant + "/orders/" + order.get("id").asText();
        assertEquals(400, api.post(path + "/resolve", token, "{\"note\":\" \"}").status());
        ApiClient.Response resolved = api.post(path + "/resolve", token, "{\"note\":\"entered as ticket 123 by hand\"}");
        assertEquals(200, resolved.status(), resolved.toString());
        assertEquals("RELEASED", resolved.json().at("/order/state").asText());
        assertTrue(resolved.json().get("transitions").toString().contains("entered as ticket 123 by hand"));
        assertTrue(api.get("/api/tenants/" + tenant + "/audit", token).body().contains("order.resolve"));
        assertEquals(409, api.post(path + "/retry", token, null).status(), "only an order that needs attention is retried");
    }

    @Test
    void anotherCompanySeesNoneOfTheOrders() {
        String stranger = SharedKeycloak.token(SharedKeycloak.createUser("orders-stranger"));
        assertEquals(404, api.get("/api/tenants/" + tenant + "/orders", stranger).status());
        assertEquals(404, api.get("/api/tenants/" + tenant + "/customers", stranger).status());
        String own = WooStoresFixture.newTenant(api, stranger, "Stranger Co");
        assertEquals(0, api.get("/api/tenants/" + own + "/orders", stranger).json().size());
    }

    @Test
    void orderSettingsAreValidatedAndSaved() {
        String path = "/api/tenants/" + tenant + "/stores/" + site + "/order-settings";
        assertEquals("completed", api.get(path, token).json().get("sendStatus").asText());
        assertEquals(400, api.send("PUT", path, token, "{\"sendStatus\":\"shipped\"}").status());
        ApiClient.Response saved = api.send("PUT", path, token, "{\"documentType\":\"O\",\"payCodes\":{\"stripe\":\"CARD\"}}");
        assertEquals(200, saved.status(), saved.toString());
        JsonNode now = api.get(path, token).json();
        assertEquals("processing", now.get("sendStatus").asText());
        assertEquals("CARD", now.get("payCodes").get("stripe").asText());
        assertTrue(storage.getRecurringJobs().stream().anyMatch(j -> j.getId().equals("sync-" + site + "-orders")),
                "saving the order settings starts the store's orders job on its interval");
        api.send("PUT", path, token, "{}");
    }

    private UUID runOrders() throws InterruptedException {
        Instant until = Instant.now().plusSeconds(60);
        while (true) {
            Optional<UUID> run = runner.run(tenant, site, JobType.ORDERS, RunTrigger.MANUAL);
            if (run.isPresent()) {
                return run.get();
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("the orders job stayed busy");
            }
            Thread.sleep(100);
        }
    }

    private JsonNode find(long wooId) {
        for (JsonNode o : api.get("/api/tenants/" + tenant + "/orders?siteId=" + site, token).json()) {
            if (o.get("wooOrderId").asLong() == wooId) {
                return o;
            }
        }
        throw new AssertionError("order " + wooId + " is not in the ledger");
    }

    private long product(String sku) {
        ObjectNode body = JSON.createObjectNode().put("name", "Thing " + sku).put("regular_price", "4.00");
        if (sku != null) {
            body.put("sku", sku);
        }
        return shop.post("products", body).path("id").asLong();
    }

    private long checkout(String status, long productId, int quantity) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("status", status);
        body.putObject("billing").put("first_name", "Off").put("last_name", "Line").put("email", "off@example.org");
        body.putArray("line_items").addObject().put("product_id", productId).put("quantity", quantity);
        HttpResponse<String> created = sandbox("/checkout", body.toString());
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).get("id").asLong();
    }

    private HttpResponse<String> sandbox(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(woo.sandbox.baseUrl() + "/__sandbox/stores/" + store.name() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static java.util.Map<com.counterlink.sync.catalog.Allocations.StockKey, java.math.BigDecimal> normalized(
            java.util.Map<com.counterlink.sync.catalog.Allocations.StockKey, java.math.BigDecimal> allocated) {
        java.util.Map<com.counterlink.sync.catalog.Allocations.StockKey, java.math.BigDecimal> result = new java.util.HashMap<>();
        allocated.forEach((k, v) -> result.put(k, v.stripTrailingZeros()));
        return result;
    }
}
