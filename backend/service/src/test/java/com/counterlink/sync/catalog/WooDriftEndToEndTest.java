package com.counterlink.sync.catalog;

import com.counterlink.platform.net.OutboundUrlPolicy;
import com.counterlink.sync.JobType;
import com.counterlink.sync.RunTrigger;
import com.counterlink.sync.SyncJobRunner;
import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedPostgres;
import com.counterlink.testing.WooDeliveries;
import com.counterlink.testing.WooStoresFixture;
import com.counterlink.woo.WooClient;
import com.counterlink.woo.WooClientConfig;
import com.counterlink.woo.WooCredentials;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stock and prices changed by hand in WooCommerce, end to end: the change is made through the sandbox's REST
 * API, WooCommerce's product.updated webhook reaches the backend, and the catalog jobs put Counterpoint's values
 * back within a minute (the inventory job's interval), prices included, each saying why. The demo Counterpoint,
 * a real bridge process, the backend and one sandbox store with our webhooks registered.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WooDriftEndToEndTest extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();
    static final String CP_PASSWORD = "Cp-Drift-3";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;
    @Inject
    SyncJobRunner runner;

    CatalogStack stack;
    ApiClient api;
    String token;
    String tenant;
    Store store;
    String site;
    /** The merchant's own REST key: changes "by hand" in WooCommerce. */
    WooClient merchant;
    List<String> simpleItems;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(WooStoresFixture.backendProperties(PORT));
        properties.put("counterlink.catalog.follow-up-runs", "false");
        return properties;
    }

    @BeforeAll
    void start() throws Exception {
        stack = CatalogStack.start(server.getURL(), "drift", "Drift Dry Goods", 40, 20_261_215L, CP_PASSWORD, 1);
        api = stack.api;
        token = stack.token();
        tenant = stack.tenant;
        store = stack.store(0);
        site = stack.site(0);
        assertEquals(200, api.post(storePath() + "/webhooks", token, null).status());
        // intervals of a day: only the runs this test starts, and those the jobs ask for, run
        for (JobType job : List.of(JobType.PRODUCTS, JobType.INVENTORY, JobType.PRICING)) {
            assertEquals(200, api.send("PUT", storePath() + "/jobs/" + job, token, "{\"enabled\":true,\"intervalSeconds\":86400}")
                    .status());
        }
        assertEquals(200, api.send("PUT", storePath() + "/sync-settings", token,
                "{\"locations\":[\"WEB\"],\"newProductsAsDraft\":false}").status());
        JsonNode products = run(JobType.PRODUCTS, RunTrigger.MANUAL);
        assertEquals("SUCCEEDED", products.get("status").asText(), products.toString());
        JsonNode key = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(stack.woo.sandbox.baseUrl() + "/__sandbox/stores/"
                        + store.name() + "/keys")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"permissions\":\"read_write\"}")).build(), HttpResponse.BodyHandlers.ofString())
                .body());
        merchant = WooClient.forStore(store.siteUrl(), new WooCredentials(key.path("consumer_key").asText(),
                key.path("consumer_secret").asText()), WooClientConfig.defaults(), new OutboundUrlPolicy(true));
        simpleItems = new ArrayList<>();
        try (PreparedStatement s = stack.cp.prepareStatement("SELECT ITEM_NO FROM IM_ITEM WHERE TRK_METH = 'N'"
                + " AND IS_ECOMM_ITEM = 'Y' ORDER BY ITEM_NO"); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                if (store.productBySku(rows.getString(1)).filter(p -> !p.get("regular_price").asText().isEmpty()).isPresent()) {
                    simpleItems.add(rows.getString(1));
                }
            }
        }
        assertTrue(simpleItems.size() >= 8, "the store sells enough priced simple products: " + simpleItems);
    }

    @AfterAll
    void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aPriceChangedByHandComesBackOnItsWebhookWithoutWaitingForThePricingInterval() throws Exception {
        String item = simpleItems.get(0);
        JsonNode before = product(item);
        long id = before.get("id").asLong();
        Set<String> pricingBefore = runIds(JobType.PRICING);
        long hintsBefore = hints(id);
        setActive(true);

        merchant.put("products/" + id, JSON.createObjectNode().put("regular_price", "1.00"));
        awaitTrue(() -> hints(id) > hintsBefore, "WooCommerce's product.updated delivery became a hint");

        // the inventory job's one-minute interval comes round first: it reads the hinted product back
        JsonNode inventory = run(JobType.INVENTORY, RunTrigger.SCHEDULE);
        assertEquals("SUCCEEDED", inventory.get("status").asText(), inventory.toString());
        JsonNode putBack = awaitRun(JobType.PRICING, pricingBefore, r -> reason(r, item).startsWith("price put back:"));
        assertEquals("CHANGE", putBack.get("runTrigger").asText(), "the inventory run asked for it: " + putBack);
        assertEquals("price put back: WooCommerce showed regular 1.00 / sale none instead of "
                + before.get("regular_price").asText() + " / none", reason(putBack, item));
        assertEquals(before.get("regular_price").asText(), product(item).get("regular_price").asText());
        assertTrue(pricingTriggers(pricingBefore).stream().noneMatch("SCHEDULE"::equals), "no pricing interval run was needed");
    }

    @Test
    void stockChangedByHandThatThePricingJobSeesFirstComesBackByAnInventoryRunItAsksFor() throws Exception {
        String item = simpleItems.get(1);
        JsonNode before = product(item);
        long id = before.get("id").asLong();
        int sent = before.get("stock_quantity").asInt();
        Set<String> inventoryBefore = runIds(JobType.INVENTORY);
        long hintsBefore = hints(id);
        setActive(true);

        merchant.put("products/" + id, JSON.createObjectNode().put("stock_quantity", sent + 50));
        awaitTrue(() -> hints(id) > hintsBefore, "WooCommerce's product.updated delivery became a hint");

        JsonNode pricing = run(JobType.PRICING, RunTrigger.SCHEDULE);
        assertEquals("SUCCEEDED", pricing.get("status").asText(), pricing.toString());
        JsonNode putBack = awaitRun(JobType.INVENTORY, inventoryBefore, r -> reason(r, item).startsWith("stock put back:"));
        assertEquals("CHANGE", putBack.get("runTrigger").asText(), putBack.toString());
        assertEquals("stock put back: WooCommerce showed stock " + (sent + 50) + " instead of the " + sent + " sent",
                reason(putBack, item));
        assertEquals(sent, product(item).get("stock_quantity").asInt());
    }

    @Test
    void stockSetByHandOnThreeProductsInOneBatchIsPutBackOnAllThreeThoughTheirDeliveriesShareOneId() throws Exception {
        List<String> items = simpleItems.subList(2, 5);
        Map<String, Integer> sent = new HashMap<>();
        ObjectNode batch = JSON.createObjectNode();
        ArrayNode update = batch.putArray("update");
        for (String item : items) {
            JsonNode product = product(item);
            sent.put(item, product.get("stock_quantity").asInt());
            update.addObject().put("id", product.get("id").asLong()).put("stock_quantity", 77);
        }
        // the store's Action Scheduler runs the three queued deliveries in one second: one delivery id for all
        setActive(false);
        merchant.post("products/batch", batch);
        String deliveryId = WooDeliveries.sharedDeliveryId(WooDeliveries.webhook(store, "product.updated"),
                System.currentTimeMillis() / 1000);
        Map<String, String> receipts = new HashMap<>();
        for (String item : items) {
            WooDeliveries.Delivery delivery = WooDeliveries.of(store, "product.updated", product(item).get("id").asLong(), deliveryId);
            receipts.put(item, WooDeliveries.receipt(WooDeliveries.send(store, delivery)));
        }

        JsonNode inventory = run(JobType.INVENTORY, RunTrigger.SCHEDULE);
        for (String item : items) {
            assertEquals(sent.get(item).intValue(), product(item).get("stock_quantity").asInt(),
                    item + " was put back (deliveries: " + receipts + "): " + inventory);
            assertEquals("stock put back: WooCommerce showed stock 77 instead of the " + sent.get(item) + " sent",
                    reason(inventory, item));
        }
        items.forEach(item -> assertEquals("accepted", receipts.get(item), item));
        setActive(true);
    }

    // ---- helpers ------------------------------------------------------------------------

    /** Pauses or resumes the store's webhooks (WooCommerce then delivers nothing, or again). */
    private void setActive(boolean active) {
        store.locked(() -> store.webhooks.values().forEach(hook -> hook.status = active ? "active" : "paused"));
    }

    private String storePath() {
        return "/api/tenants/" + tenant + "/stores/" + site;
    }

    private JsonNode product(String sku) {
        return store.productBySku(sku).orElseThrow(() -> new AssertionError("no product " + sku));
    }

    private long hints(long productId) {
        try {
            return SharedPostgres.countAsTenant(tenant, "SELECT count(*) FROM webhook_hints WHERE site_id = ? AND resource_id = ?",
                    UUID.fromString(site), productId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode run(JobType job, RunTrigger trigger) {
        Optional<UUID> runId = runner.run(UUID.fromString(tenant), UUID.fromString(site), job, trigger);
        for (int attempt = 0; runId.isEmpty() && attempt < 150; attempt++) {
            sleep(200); // a run the jobs asked for holds the store's lock: wait for it, as the next interval would
            runId = runner.run(UUID.fromString(tenant), UUID.fromString(site), job, trigger);
        }
        assertTrue(runId.isPresent(), "the run started");
        return detail(runId.get().toString());
    }

    private JsonNode detail(String runId) {
        JsonNode detail = api.get(storePath() + "/runs/" + runId, token).json();
        ObjectNode run = ((ObjectNode) detail.get("run")).deepCopy();
        run.set("items", detail.get("items"));
        return run;
    }

    private Set<String> runIds(JobType job) {
        Set<String> ids = new HashSet<>();
        api.get(storePath() + "/runs?jobType=" + job.name(), token).json().forEach(run -> ids.add(run.get("id").asText()));
        return ids;
    }

    private List<String> pricingTriggers(Set<String> earlier) {
        List<String> triggers = new ArrayList<>();
        api.get(storePath() + "/runs?jobType=PRICING", token).json().forEach(run -> {
            if (!earlier.contains(run.get("id").asText())) {
                triggers.add(run.get("runTrigger").asText());
            }
        });
        return triggers;
    }

    /** A finished run of the job, not among {@code earlier}, for which {@code wanted} holds, within 30 s. */
    private JsonNode awaitRun(JobType job, Set<String> earlier, Predicate<JsonNode> wanted) {
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until)) {
            for (JsonNode run : api.get(storePath() + "/runs?jobType=" + job.name(), token).json()) {
                if (!earlier.contains(run.get("id").asText()) && run.hasNonNull("finishedAt")) {
                    JsonNode detail = detail(run.get("id").asText());
                    if (wanted.test(detail)) {
                        return detail;
                    }
                }
            }
            sleep(200);
        }
        throw new AssertionError("no " + job + " run as expected; runs: " + api.get(storePath() + "/runs?jobType=" + job.name(),
                token).json());
    }

    private static String reason(JsonNode run, String itemKey) {
        for (JsonNode item : run.get("items")) {
            if (item.get("itemKey").asText().equals(itemKey)) {
                return item.path("reason").asText("");
            }
        }
        return "";
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        Instant until = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError(what + ": not within 10 s");
            }
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
