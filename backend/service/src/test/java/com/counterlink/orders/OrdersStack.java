package com.counterlink.orders;

import com.counterlink.bridge.BridgeProcess;
import com.counterlink.counterpoint.demo.CounterpointDemoServer;
import com.counterlink.counterpoint.demo.DemoServerOptions;
import com.counterlink.counterpoint.demo.StoreSimulator;
import com.counterlink.sync.JobType;
import com.counterlink.sync.RunTrigger;
import com.counterlink.sync.SyncJobRunner;
import com.counterlink.testing.ApiClient;
import com.counterlink.testing.SharedKeycloak;
import com.counterlink.testing.WooStoresFixture;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A company with several sandbox stores on one demo Counterpoint, a real bridge process, catalog sync
 * from the WEB location (no safety buffer) and orders sent on webhooks: what the cross-store order tests
 * and the orders benchmark stand on.
 */
final class OrdersStack implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    CounterpointDemoServer counterpoint;
    private final DemoServerOptions counterpointOptions;
    final WooStoresFixture woo;
    final ApiClient api;
    final String token;
    private final SharedKeycloak.TestUser user;
    final UUID tenant;
    final List<Store> stores = new ArrayList<>();
    final List<UUID> sites = new ArrayList<>();
    private final SyncJobRunner runner;
    private final BridgeProcess bridge;

    /** The sandbox stores' backend settings, with a short lease and online window so a killed bridge is noticed in seconds. */
    static Map<String, String> backendProperties(int port) {
        Map<String, String> properties = new HashMap<>(WooStoresFixture.backendProperties(port));
        properties.put("counterlink.bridge.lease", "3s");
        properties.put("counterlink.bridge.online-window", "4s");
        return properties;
    }

    OrdersStack(URL server, SyncJobRunner runner, String name, int storeCount, int items) throws Exception {
        this(server, runner, name, storeCount, items, Duration.ofMillis(50));
    }

    /** @param webhookDelay when the sandbox delivers webhooks; negative holds them until flushed, 30 s is a real store */
    OrdersStack(URL server, SyncJobRunner runner, String name, int storeCount, int items, Duration webhookDelay)
            throws Exception {
        this.runner = runner;
        Path work = Files.createTempDirectory("orders-stack");
        counterpoint = CounterpointDemoServer.start(new DemoServerOptions(0, items, work.resolve("cp"), "counterpoint",
                20_261_130L, "sa", "Cp-Stack-1"));
        counterpointOptions = new DemoServerOptions(counterpoint.port(), items, work.resolve("cp"), "counterpoint",
                20_261_130L, "sa", "Cp-Stack-1");
        api = new ApiClient(server);
        user = SharedKeycloak.createUser(name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        token = SharedKeycloak.token(user);
        woo = new WooStoresFixture(webhookDelay);
        tenant = UUID.fromString(WooStoresFixture.newTenant(api, token, name));
        for (int i = 0; i < storeCount; i++) {
            Store store = woo.newStore();
            stores.add(store);
            sites.add(UUID.fromString(WooStoresFixture.link(api, token, tenant.toString(), store)));
        }
        Path config = work.resolve("bridge").resolve("counterlink-bridge.properties");
        Files.createDirectories(config.getParent());
        String enrollment = api.post("/api/tenants/" + tenant + "/bridges/enrollment-tokens", token, null).json()
                .get("token").asText();
        BridgeProcess enroll = BridgeProcess.start(work, "enroll", "--server", server.toString(), "--token", enrollment,
                "--name", "Back office", "--config", config.toString(), "--counterpoint-url", counterpoint.jdbcUrl(),
                "--counterpoint-user", "sa", "--counterpoint-password", "Cp-Stack-1", "--heartbeat-seconds", "1");
        assertEquals(0, enroll.waitForExit(60), enroll.output());
        bridge = BridgeProcess.start(work, "run", "--config", config.toString());
        awaitBridge();
        for (UUID site : sites) {
            ok(api.post(storePath(site) + "/webhooks", token, null));
            ok(api.send("PUT", storePath(site) + "/sync-settings", token, "{\"locations\":[\"WEB\"],\"safetyBuffer\":0,\"newProductsAsDraft\":false}"));
            ok(api.send("PUT", storePath(site) + "/jobs/ORDERS", token, "{\"enabled\":true,\"intervalSeconds\":86400}"));
            ok(api.send("PUT", storePath(site) + "/order-settings", token, "{\"sendStatus\":\"completed\"}"));
        }
        for (UUID site : sites) {
            run(site, JobType.PRODUCTS);
            run(site, JobType.INVENTORY);
        }
    }

    /** A new access token (the first one expires during long runs). */
    String freshToken() {
        return SharedKeycloak.token(user);
    }

    String storePath(UUID site) {
        return "/api/tenants/" + tenant + "/stores/" + site;
    }

    /** Simple web items of the demo catalog that every store now sells. */
    List<String> simpleWebItems() throws SQLException {
        List<String> items = new ArrayList<>();
        try (Connection c = counterpoint.connect(); PreparedStatement s = c.prepareStatement("SELECT ITEM_NO FROM IM_ITEM"
                + " WHERE IS_ECOMM_ITEM = 'Y' AND TRK_METH = 'N' AND ITEM_TYP = 'I' ORDER BY ITEM_NO");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                items.add(r.getString(1));
            }
        }
        items.removeIf(item -> stores.stream().anyMatch(store -> store.productBySku(item).isEmpty()));
        return items;
    }

    /** Sets Counterpoint's available quantity of an item at WEB, then pushes it to every store. */
    void setAvailable(String itemNo, int quantity) throws SQLException {
        try (Connection c = counterpoint.connect()) {
            BigDecimal now = available(c, itemNo);
            new StoreSimulator(c).changeStock(itemNo, "WEB", BigDecimal.valueOf(quantity).subtract(now));
        }
        for (UUID site : sites) {
            run(site, JobType.INVENTORY);
        }
    }

    BigDecimal available(Connection c, String itemNo) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT QTY_AVAIL FROM IM_INV WHERE ITEM_NO = ? AND LOC_ID = 'WEB'")) {
            s.setString(1, itemNo);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getBigDecimal(1) : BigDecimal.ZERO;
            }
        }
    }

    /** WooCommerce's stock of the item in a store, as its product shows it. */
    int stock(Store store, String sku) {
        return store.productBySku(sku).orElseThrow().path("stock_quantity").asInt();
    }

    /** A shopper's checkout; answers the HTTP status and the order (or error) JSON. */
    HttpResponse<String> checkout(Store store, String status, String email, String sku, int quantity) throws Exception {
        ObjectNode billing = JSON.createObjectNode().put("first_name", "Grace").put("last_name", "Hopper").put("email", email)
                .put("address_1", "1 Navy Yard").put("city", "Arlington").put("postcode", "22202").put("country", "US");
        return checkout(store, status, 0, billing, sku, quantity);
    }

    /** A checkout with the given billing address, by a registered customer when {@code customerId} > 0. */
    HttpResponse<String> checkout(Store store, String status, long customerId, ObjectNode billing, String sku, int quantity)
            throws Exception {
        ObjectNode body = JSON.createObjectNode().put("status", status).put("payment_method", "stripe")
                .put("customer_id", customerId);
        body.set("billing", billing);
        body.putArray("line_items").addObject().put("sku", sku).put("quantity", quantity);
        return HTTP.send(HttpRequest.newBuilder(URI.create(woo.sandbox.baseUrl() + "/__sandbox/stores/" + store.name()
                        + "/checkout")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode allocations(String itemNo) {
        ApiClient.Response response = api.get("/api/tenants/" + tenant + "/allocations?itemNo=" + itemNo, token);
        ok(response);
        return response.json();
    }

    /** The ledger's view of a WooCommerce order, once it matches (without running the job here). */
    JsonNode awaitOrder(UUID site, long wooId, Predicate<JsonNode> done, int seconds) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(seconds);
        JsonNode last = null;
        while (Instant.now().isBefore(until)) {
            for (JsonNode o : api.get("/api/tenants/" + tenant + "/orders?siteId=" + site + "&q=" + wooId, token).json()) {
                if (o.get("wooOrderId").asLong() == wooId) {
                    last = o;
                    if (done.test(o)) {
                        return o;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("order " + wooId + " did not get there; last seen " + last);
    }

    /** Runs the job once more for the store (after a busy run ends) and answers the run's id. */
    UUID run(UUID site, JobType job) {
        Instant until = Instant.now().plusSeconds(120);
        java.util.Optional<UUID> ran;
        while ((ran = runner.run(tenant, site, job, RunTrigger.MANUAL)).isEmpty()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError(job + " stayed busy");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return ran.get();
    }

    /** Counterpoint's database server goes away under the running bridge (its data kept on disk). */
    void stopCounterpoint() {
        counterpoint.close();
    }

    /** The same database back on the same port, as when SQL Server is started again. */
    void startCounterpoint() throws Exception {
        counterpoint = CounterpointDemoServer.start(counterpointOptions);
    }

    /** What the bridge process printed (its log). */
    String bridgeOutput() {
        return bridge.output();
    }

    /** Stops the bridge process and waits until the backend counts it offline. */
    void stopBridge() throws InterruptedException {
        bridge.kill();
        Instant until = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(until)) {
            JsonNode list = api.get("/api/tenants/" + tenant + "/bridges", token).json();
            if (list.size() > 0 && !list.get(0).get("online").asBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the bridge still counts as online");
    }

    private void awaitBridge() throws InterruptedException {
        Instant until = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(until)) {
            JsonNode list = api.get("/api/tenants/" + tenant + "/bridges", token).json();
            if (list.size() > 0 && list.get(0).get("online").asBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the bridge did not come online; output:\n" + bridge.output());
    }

    private static void ok(ApiClient.Response response) {
        assertTrue(response.status() >= 200 && response.status() < 300, response.toString());
    }

    @Override
    public void close() throws Exception {
        bridge.kill();
        woo.close();
        counterpoint.close();
    }
}
