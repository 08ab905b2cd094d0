package com.counterlink.sync.catalog;

import com.counterlink.counterpoint.demo.PriceLevel;
import com.counterlink.counterpoint.demo.StoreSimulator;
import com.counterlink.sync.JobType;
import com.counterlink.sync.RunTrigger;
import com.counterlink.sync.SiteJobLock;
import com.counterlink.sync.SyncJobRunner;
import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedPostgres;
import com.counterlink.testing.WooStoresFixture;
import com.counterlink.woo.sandbox.fault.FaultConfig;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * New products and variations are created with their stock and prices, so they are right from their
 * first moment; a store's first products run hands the feeds' positions to the inventory and pricing
 * jobs, whose runs that follow at once (follow-up runs, on by default) have nothing to read or send.
 * A change Counterpoint makes between a later products run's read and its create still reaches
 * WooCommerce, even when another run consumed that change before the product existed; a first run
 * that cannot hand over (an inventory run going on) has its items read again.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewProductsValuesTest extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();

    @Inject
    EmbeddedServer server;
    @Inject
    SyncJobRunner runner;
    @Inject
    SiteJobLock locks;

    @Override
    protected java.util.Map<String, String> extraProperties() {
        return WooStoresFixture.backendProperties(PORT);
    }

    @Test
    void newProductsAreCreatedStockedAndPricedAndALaterChangeStillArrives() throws Exception {
        try (CatalogStack stack = CatalogStack.start(server.getURL(), "follow", "Follow-up Traders", 30, 7L, "Follow-1", 2)) {
            Connection cp = stack.cp;
            ApiClient api = stack.api;
            String token = stack.token();
            String tenant = stack.tenant;
            Store store = stack.store(0);
            String site = stack.site(0);
            String storePath = stack.storePath(0);
            // intervals long enough that only the runs this test starts, and their follow-ups, write
            for (String job : List.of("PRODUCTS", "INVENTORY", "PRICING")) {
                assertEquals(200, api.send("PUT", storePath + "/jobs/" + job, token,
                        "{\"enabled\":true,\"intervalSeconds\":86400}").status());
            }
            assertEquals(200, api.send("PUT", storePath + "/sync-settings", token, "{\"locations\":[\"WEB\"]}").status());
            String itemNo = firstSimpleItem(cp, "Y");

            assertTrue(run(tenant, site, JobType.PRODUCTS), "no other products run holds the store's lock");
            long writesAfterProducts = store.batchRequests();
            JsonNode created = store.productBySku(itemNo).orElseThrow();
            assertTrue(created.get("manage_stock").asBoolean(), "created with its stock managed: " + created);
            assertEquals(webQuantity(cp, itemNo), created.get("stock_quantity").asInt());
            assertEquals(regularPrice(cp, itemNo), created.get("regular_price").asText(), "created with its price");
            String griddedItem = firstGriddedWebItem(cp);
            JsonNode variation = store.productBySku(griddedItem + "|" + firstCellAtWeb(cp, griddedItem)).orElseThrow();
            assertTrue(variation.get("manage_stock").asBoolean(), "a variation too: " + variation);
            assertEquals(regularPrice(cp, griddedItem), variation.get("regular_price").asText());

            // the store's first products run handed the feeds' positions over: the follow-up runs have nothing to read
            List<JsonNode> followUps = awaitFollowUps(api, token, storePath);
            for (JsonNode followUp : followUps) {
                assertEquals(0, followUp.path("itemsRead").asInt(), "nothing to read again: " + followUp);
                assertEquals(0, followUp.path("itemsUpdated").asInt(), "nothing to send: " + followUp);
                assertEquals("SUCCEEDED", followUp.path("status").asText(), followUp.toString());
            }
            assertEquals(writesAfterProducts, store.batchRequests(), "no stock or price batch after the products run");

            // a new web item; the store slowed down so Counterpoint can change between the read and the create
            String newItem = firstSimpleItem(cp, "N");
            StoreSimulator simulator = new StoreSimulator(cp);
            simulator.setEcommerce(newItem, true);
            slowDown(store, 1500);
            long requestsBefore = store.restRequests();
            CompletableFuture<Boolean> products = CompletableFuture.supplyAsync(() -> run(tenant, site, JobType.PRODUCTS));
            awaitUntil(() -> store.restRequests() > requestsBefore, "the products run reached WooCommerce (its reads done)");
            simulator.changeStock(newItem, "WEB", new BigDecimal("5"));
            simulator.changePrice(newItem, PriceLevel.REG_PRC, new BigDecimal("77.70"));
            // runs that read these changes before the product's row existed: their watermarks pass them by
            assertTrue(run(tenant, site, JobType.INVENTORY));
            assertTrue(run(tenant, site, JobType.PRICING));
            assertTrue(products.get(60, TimeUnit.SECONDS));
            slowDown(store, 0);

            Instant until = Instant.now().plusSeconds(60);
            JsonNode product = store.productBySku(newItem).orElseThrow();
            while (Instant.now().isBefore(until) && !(product.path("stock_quantity").asInt() == webQuantity(cp, newItem)
                    && "77.70".equals(product.path("regular_price").asText()))) {
                Thread.sleep(250);
                product = store.productBySku(newItem).orElseThrow();
            }
            assertEquals(webQuantity(cp, newItem), product.get("stock_quantity").asInt(),
                    "the follow-up inventory run read the new item again: " + product);
            assertEquals("77.70", product.get("regular_price").asText(), "the follow-up pricing run read it again");

            // a first sync that ends while an inventory run holds the store's lock cannot hand over: its items are read again
            String otherSite = stack.site(1);
            String otherPath = stack.storePath(1);
            for (String job : List.of("PRODUCTS", "INVENTORY", "PRICING")) {
                assertEquals(200, api.send("PUT", otherPath + "/jobs/" + job, token, "{\"enabled\":true,\"intervalSeconds\":86400}")
                        .status());
            }
            assertEquals(200, api.send("PUT", otherPath + "/sync-settings", token, "{\"locations\":[\"WEB\"]}").status());
            try (SiteJobLock.Held inventoryRunning = locks.tryLock(UUID.fromString(otherSite), JobType.INVENTORY).orElseThrow()) {
                assertTrue(run(tenant, otherSite, JobType.PRODUCTS));
                assertTrue(rechecks(tenant, otherSite, JobType.INVENTORY) > 0, "the created items are to be read again for stock");
                assertEquals(0, rechecks(tenant, otherSite, JobType.PRICING), "pricing, not running, was handed the feed's position");
            }
        }
    }

    private static long rechecks(String tenant, String site, JobType job) throws Exception {
        return SharedPostgres.countAsTenant(tenant, "SELECT count(*) FROM catalog_rechecks WHERE site_id = ? AND job_type = ?",
                UUID.fromString(site), job.name());
    }

    private boolean run(String tenant, String site, JobType job) {
        return runner.run(UUID.fromString(tenant), UUID.fromString(site), job, RunTrigger.MANUAL).isPresent();
    }

    /** The first inventory and pricing runs the products run started (trigger CHANGE), once both have ended. */
    private static List<JsonNode> awaitFollowUps(ApiClient api, String token, String storePath) throws Exception {
        Instant until = Instant.now().plusSeconds(60);
        while (true) {
            List<JsonNode> followUps = new ArrayList<>();
            for (JsonNode run : api.get(storePath + "/runs", token).json()) {
                if ("CHANGE".equals(run.path("runTrigger").asText()) && !"RUNNING".equals(run.path("status").asText())) {
                    followUps.add(run);
                }
            }
            List<String> jobs = followUps.stream().map(r -> r.path("jobType").asText()).toList();
            if (jobs.contains("INVENTORY") && jobs.contains("PRICING")) {
                return followUps;
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("the follow-up inventory and pricing runs did not end within 60 s: " + followUps);
            }
            Thread.sleep(250);
        }
    }

    private static void slowDown(Store store, long millis) {
        FaultConfig none = FaultConfig.none();
        store.faults().configure(new FaultConfig(millis, none.rate429(), none.retryAfterSeconds(), none.rate5xx(), none.status5xx(),
                none.timeoutRate(), none.timeoutMillis(), none.seed()));
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    private static int webQuantity(Connection cp, String itemNo) throws Exception {
        return Math.max(0, decimal(cp, "SELECT QTY_AVAIL FROM IM_INV WHERE ITEM_NO = ? AND LOC_ID = 'WEB'", itemNo)
                .setScale(0, RoundingMode.FLOOR).intValue());
    }

    private static String regularPrice(Connection cp, String itemNo) throws Exception {
        return decimal(cp, "SELECT REG_PRC FROM IM_PRC WHERE ITEM_NO = ?", itemNo).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String firstGriddedWebItem(Connection cp) throws Exception {
        try (PreparedStatement s = cp.prepareStatement("SELECT MIN(i.ITEM_NO) FROM IM_ITEM i JOIN IM_PRC p ON p.ITEM_NO = i.ITEM_NO"
                + " WHERE i.IS_ECOMM_ITEM = 'Y' AND i.TRK_METH = 'G' AND p.REG_PRC > 0"
                + " AND EXISTS (SELECT 1 FROM IM_INV_CELL c WHERE c.ITEM_NO = i.ITEM_NO AND c.LOC_ID = 'WEB')");
             ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String firstCellAtWeb(Connection cp, String itemNo) throws Exception {
        try (PreparedStatement s = cp.prepareStatement("SELECT DIM_1_UPR, DIM_2_UPR, DIM_3_UPR FROM IM_INV_CELL WHERE ITEM_NO = ?"
                + " AND LOC_ID = 'WEB' ORDER BY DIM_1_UPR, DIM_2_UPR, DIM_3_UPR")) {
            s.setString(1, itemNo);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return Cells.of(rows.getString(1), rows.getString(2), rows.getString(3));
            }
        }
    }

    /** A non-gridded item with stock at WEB and a price, on the web ("Y") or not ("N"). */
    private static String firstSimpleItem(Connection cp, String ecommerce) throws Exception {
        try (PreparedStatement s = cp.prepareStatement("SELECT MIN(i.ITEM_NO) FROM IM_ITEM i JOIN IM_INV v ON v.ITEM_NO = i.ITEM_NO"
                + " AND v.LOC_ID = 'WEB' JOIN IM_PRC p ON p.ITEM_NO = i.ITEM_NO WHERE i.IS_ECOMM_ITEM = ? AND i.TRK_METH = 'N'"
                + " AND p.REG_PRC > 0")) {
            s.setString(1, ecommerce);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static BigDecimal decimal(Connection cp, String sql, String itemNo) throws Exception {
        try (PreparedStatement s = cp.prepareStatement(sql)) {
            s.setString(1, itemNo);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getBigDecimal(1);
            }
        }
    }
}
