package com.counterlink.dashboard;

import com.counterlink.bridge.BridgeProcess;
import com.counterlink.counterpoint.demo.CounterpointDemoServer;
import com.counterlink.counterpoint.demo.DemoServerOptions;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard after real runs: the demo Counterpoint through a real bridge process, a sandbox store,
 * a product that fails for a real reason and is retried after the fix, and an order that needs a person.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardEndToEndTest extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();
    static final String CP_PASSWORD = "Cp-Dash-11";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ZoneId ZONE = ZoneId.of("America/Chicago");

    @Inject
    EmbeddedServer server;
    @Inject
    SyncJobRunner runner;

    WooStoresFixture woo;
    CounterpointDemoServer counterpoint;
    BridgeProcess bridge;
    ApiClient api;
    String token;
    String tenant;
    Store store;
    String site;
    WooClient shop;
    String conflicted;
    long conflictingProductId;
    UUID failedRun;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(WooStoresFixture.backendProperties(PORT));
        properties.put("counterlink.catalog.follow-up-runs", "false");
        return properties;
    }

    @BeforeAll
    void start() throws Exception {
        Path work = Files.createTempDirectory("dashboard-e2e");
        counterpoint = CounterpointDemoServer.start(new DemoServerOptions(0, 60, work.resolve("cp"), "counterpoint",
                20_261_130L, "sa", CP_PASSWORD));
        woo = new WooStoresFixture();
        api = new ApiClient(server.getURL());
        token = SharedKeycloak.token(SharedKeycloak.createUser("dashboard"));
        tenant = WooStoresFixture.newTenant(api, token, "Dashboard Outfitters");
        store = woo.newStore();
        site = WooStoresFixture.link(api, token, tenant, store);
        JsonNode key = sandboxJson("POST", "/keys", "{\"permissions\":\"read_write\"}");
        shop = WooClient.forStore(store.siteUrl(), new WooCredentials(key.path("consumer_key").asText(),
                key.path("consumer_secret").asText()), WooClientConfig.defaults(), new OutboundUrlPolicy(true));
    }

    @AfterAll
    void stop() throws Exception {
        if (bridge != null) {
            bridge.kill();
        }
        if (counterpoint != null) {
            counterpoint.close();
        }
        if (woo != null) {
            woo.close();
        }
    }

    @Test
    @Order(1)
    void beforeTheBridgeTheDashboardAsksForItAndShowsEmptyDays() throws Exception {
        JsonNode dashboard = dashboard();
        assertEquals(List.of("NO_BRIDGE"), kinds(dashboard));
        assertEquals(14, dashboard.get("days").size());
        assertEquals(LocalDate.now(ZONE).toString(), dashboard.get("days").get(13).get("day").asText());
        dashboard.get("days").forEach(d -> assertEquals(0, d.get("itemsSynced").asInt() + d.get("ordersReceived").asInt()));
        JsonNode jobs = dashboard.at("/stores/0/jobs");
        assertEquals(4, jobs.size());
        assertTrue(jobs.get(0).get("lastRun").isNull() && jobs.get(0).get("nextRunAt").isNull(), jobs.toString());

        assertEquals(400, api.get(dashboardPath() + "?days=0", token).status());
        assertEquals("tz", api.get(dashboardPath() + "?tz=Mars/Olympus", token).json().at("/errors/0/field").asText());
        String stranger = SharedKeycloak.token(SharedKeycloak.createUser("dash-stranger"));
        assertEquals(404, api.get(dashboardPath(), stranger).status(), "another company's person learns nothing");

        Path work = Files.createTempDirectory("dashboard-bridge");
        String enrollment = api.post("/api/tenants/" + tenant + "/bridges/enrollment-tokens", token, null).json()
                .get("token").asText();
        Path config = work.resolve("counterlink-bridge.properties");
        BridgeProcess enroll = BridgeProcess.start(work, "enroll", "--server", server.getURL().toString(), "--token", enrollment,
                "--name", "Back office", "--config", config.toString(), "--counterpoint-url", counterpoint.jdbcUrl(),
                "--counterpoint-user", "sa", "--counterpoint-password", CP_PASSWORD, "--heartbeat-seconds", "1");
        assertEquals(0, enroll.waitForExit(60), enroll.output());
        bridge = BridgeProcess.start(work, "run", "--config", config.toString(), "--change-probe-seconds", "0");
        JsonNode online = await(this::dashboard, d -> d.at("/bridges/0/online").asBoolean(), "the bridge to come online");
        assertFalse(kinds(online).contains("NO_BRIDGE"));
        assertFalse(online.at("/bridges/0/version").asText().isBlank());
    }

    @Test
    @Order(2)
    void afterAProductRunTheDashboardCountsItsItemsAndNamesTheFailedOne() throws Exception {
        List<String> simple = cp("SELECT ITEM_NO FROM IM_ITEM WHERE TRK_METH = 'N' AND IS_ECOMM_ITEM = 'Y' ORDER BY ITEM_NO");
        conflicted = simple.get(0);
        // a WooCommerce product with the item's SKU but of the wrong type: the item cannot be adopted
        conflictingProductId = shop.post("products", JSON.createObjectNode().put("name", "Merchant's bundle")
                .put("type", "variable").put("sku", conflicted)).path("id").asLong();
        assertEquals(200, api.send("PUT", "/api/tenants/" + tenant + "/stores/" + site + "/sync-settings", token,
                "{\"locations\":[\"WEB\"],\"regularPriceLevel\":\"REG_PRC\",\"saleSource\":\"NONE\",\"safetyBuffer\":0,"
                        + "\"newProductsAsDraft\":false}").status());

        JsonNode run = run(JobType.PRODUCTS);
        assertEquals("PARTIAL", run.at("/run/status").asText(), run.toString());
        failedRun = UUID.fromString(run.at("/run/id").asText());
        int created = run.at("/run/itemsCreated").asInt();
        int updated = run.at("/run/itemsUpdated").asInt();
        assertTrue(created > 3, run.toString());

        JsonNode dashboard = dashboard();
        JsonNode products = job(dashboard, "PRODUCTS");
        assertEquals(failedRun.toString(), products.at("/lastRun/id").asText());
        assertEquals(created, products.at("/lastRun/itemsCreated").asInt());
        assertEquals(1, products.at("/lastRun/itemsFailed").asInt());
        assertNotNull(Instant.parse(products.get("nextRunAt").asText()), "saving the settings put the job on its schedule");
        assertTrue(products.get("progress").isNull(), "nothing is running");
        JsonNode today = dashboard.get("days").get(13);
        assertEquals(created + updated, today.get("itemsSynced").asInt(), "what this company's runs sent today");
        assertEquals(1, today.get("itemsFailed").asInt());
        JsonNode failedItems = attention(dashboard, "FAILED_ITEMS").orElseThrow(() -> new AssertionError(dashboard.toString()));
        assertEquals(failedRun.toString(), failedItems.get("runId").asText());
        assertEquals(site, failedItems.get("siteId").asText());
        assertEquals(1, failedItems.get("count").asInt());
        assertTrue(failedItems.get("title").asText().startsWith("1 item failed in the products sync"), failedItems.toString());
    }

    @Test
    @Order(3)
    void retryingTheFailedItemAfterTheFixCreatesIt() throws Exception {
        JsonNode detail = api.get("/api/tenants/" + tenant + "/stores/" + site + "/runs/" + failedRun, token).json();
        JsonNode failed = null;
        for (JsonNode item : detail.get("items")) {
            if (item.get("itemKey").asText().equals(conflicted)) {
                failed = item;
            }
        }
        assertNotNull(failed, detail.toString());
        assertEquals("SKU_TYPE_CONFLICT", failed.get("errorCode").asText());
        String itemPath = "/api/tenants/" + tenant + "/stores/" + site + "/runs/" + failedRun + "/items/" + failed.get("id").asLong();
        JsonNode other = null;
        for (JsonNode item : detail.get("items")) {
            if (item.get("outcome").asText().equals("CREATED")) {
                other = item;
            }
        }
        assertEquals(409, api.post("/api/tenants/" + tenant + "/stores/" + site + "/runs/" + failedRun + "/items/"
                + other.get("id").asLong() + "/retry", token, null).status(), "only a failed item is retried");

        // the merchant gives their own product another SKU, then retries
        shop.put("products/" + conflictingProductId, JSON.createObjectNode().put("sku", conflicted + "-BUNDLE"));
        ApiClient.Response retried = api.post(itemPath + "/retry", token, null);
        assertEquals(202, retried.status(), retried.toString());
        JsonNode after = await(() -> api.get(itemPath, token).json(),
                f -> !f.get("since").isNull() && !f.at("/since/status").asText().equals("RUNNING"), "the retry to run");
        assertEquals("CREATED", after.at("/since/outcome").asText(), after.toString());
        assertEquals("SUCCEEDED", after.at("/since/status").asText());
        assertTrue(store.productBySku(conflicted).isPresent(), "the item is in WooCommerce now");
        assertTrue(attention(dashboard(), "FAILED_ITEMS").isEmpty(), "the newest run had no failures");
    }

    @Test
    @Order(4)
    void anOrderForAnUnknownItemIsCountedAndNeedsAttention() throws Exception {
        String sku = "NOPE-" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        shop.post("products", JSON.createObjectNode().put("name", "Not in Counterpoint").put("sku", sku)
                .put("regular_price", "4.00"));
        ObjectNode body = JSON.createObjectNode().put("status", "completed").put("payment_method", "cod");
        body.putObject("billing").put("first_name", "Ada").put("last_name", "Lovelace").put("email", "ada@example.org");
        body.putArray("line_items").addObject().put("sku", sku).put("quantity", 1);
        HttpResponse<String> order = sandbox("POST", "/checkout", body.toString());
        assertEquals(201, order.statusCode(), order.body());
        run(JobType.ORDERS);

        JsonNode dashboard = dashboard();
        assertEquals(1, dashboard.at("/orders/needsAttention").asInt(), dashboard.toString());
        assertEquals(1, dashboard.get("days").get(13).get("ordersReceived").asInt());
        JsonNode needs = attention(dashboard, "ORDERS_NEED_ATTENTION").orElseThrow();
        assertEquals("CRITICAL", needs.get("severity").asText());
        assertEquals("1 web order needs attention", needs.get("title").asText());
        assertEquals("ORDERS_NEED_ATTENTION", kinds(dashboard).get(0), "the most urgent first");
        assertEquals("PARTIAL", job(dashboard, "ORDERS").at("/lastRun/status").asText());
        assertTrue(attention(dashboard, "FAILED_ITEMS").isEmpty(), "the order is named once, as an order: " + dashboard);
    }

    private JsonNode run(JobType job) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(60);
        Optional<UUID> runId = runner.run(UUID.fromString(tenant), UUID.fromString(site), job, RunTrigger.MANUAL);
        while (runId.isEmpty() && Instant.now().isBefore(until)) {
            Thread.sleep(200); // a scheduled run of the job holds the store's lock
            runId = runner.run(UUID.fromString(tenant), UUID.fromString(site), job, RunTrigger.MANUAL);
        }
        return api.get("/api/tenants/" + tenant + "/stores/" + site + "/runs/" + runId.orElseThrow(), token).json();
    }

    private JsonNode dashboard() {
        ApiClient.Response response = api.get(dashboardPath() + "?tz=" + ZONE.getId(), token);
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    private String dashboardPath() {
        return "/api/tenants/" + tenant + "/dashboard";
    }

    private static JsonNode job(JsonNode dashboard, String type) {
        for (JsonNode job : dashboard.at("/stores/0/jobs")) {
            if (job.get("jobType").asText().equals(type)) {
                return job;
            }
        }
        throw new AssertionError("no " + type + " job in " + dashboard);
    }

    private static List<String> kinds(JsonNode dashboard) {
        List<String> kinds = new ArrayList<>();
        dashboard.get("attention").forEach(a -> kinds.add(a.get("kind").asText()));
        return kinds;
    }

    private static Optional<JsonNode> attention(JsonNode dashboard, String kind) {
        for (JsonNode a : dashboard.get("attention")) {
            if (a.get("kind").asText().equals(kind)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    private interface Source {
        JsonNode get() throws Exception;
    }

    private static JsonNode await(Source source, Predicate<JsonNode> done, String what) throws Exception {
        Instant until = Instant.now().plusSeconds(60);
        JsonNode last = null;
        while (Instant.now().isBefore(until)) {
            last = source.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("waited in vain for " + what + "; last: " + last);
    }

    private List<String> cp(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = counterpoint.connect(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private HttpResponse<String> sandbox(String method, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(woo.sandbox.baseUrl() + "/__sandbox/stores/" + store.name() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode sandboxJson(String method, String path, String json) throws Exception {
        return JSON.readTree(sandbox(method, path, json).body());
    }
}
