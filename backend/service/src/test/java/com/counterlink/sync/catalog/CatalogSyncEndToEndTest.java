package com.counterlink.sync.catalog;

import com.counterlink.bridge.protocol.operations.ReadStock;
import com.counterlink.counterpoint.demo.CounterpointDemoServer;
import com.counterlink.counterpoint.demo.NewItem;
import com.counterlink.counterpoint.demo.StoreSimulator;
import com.counterlink.orders.AllocationsChanged;
import com.counterlink.sync.JobType;
import com.counterlink.sync.RunTrigger;
import com.counterlink.sync.SyncJobRunner;
import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedPostgres;
import com.counterlink.testing.WooStoresFixture;
import com.counterlink.woo.sandbox.product.Product;
import com.counterlink.woo.sandbox.product.ProductService;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Catalog sync end to end: the demo Counterpoint database, a real bridge process, the backend and
 * two sandbox stores with their own settings on the one Counterpoint.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogSyncEndToEndTest extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();
    static final String CP_PASSWORD = "Cp-Catalog-7";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;
    @Inject
    SyncJobRunner runner;
    @Inject
    StorageProvider storageProvider;
    @Inject
    CatalogTriggers triggers;
    @Inject
    Counterpoint bridgeReads;
    @Inject
    io.micronaut.context.event.ApplicationEventPublisher<AllocationsChanged> allocationEvents;

    CatalogStack stack;
    CounterpointDemoServer counterpoint;
    Connection cp;
    ApiClient api;
    String token;
    String tenant;
    Store storeA;
    Store storeB;
    String siteA;
    String siteB;
    String adoptedSku;
    String duplicateSku;
    String merchantsCategory;
    long merchantsCategoryId;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(WooStoresFixture.backendProperties(PORT));
        properties.put("counterlink.catalog.follow-up-runs", "false");
        return properties;
    }

    @BeforeAll
    void start() throws Exception {
        stack = CatalogStack.start(server.getURL(), "catalog", "Catalog Outfitters", 60, 20_261_130L, CP_PASSWORD, 2);
        counterpoint = stack.counterpoint;
        cp = stack.cp;
        api = stack.api;
        token = stack.token();
        tenant = stack.tenant;
        storeA = stack.store(0);
        storeB = stack.store(1);
        siteA = stack.site(0);
        siteB = stack.site(1);
    }

    @AfterAll
    void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void syncSettingsHaveDefaultsAndABadPutNamesEachField() {
        JsonNode defaults = api.get(settingsPath(siteA), token).json();
        assertEquals("REG_PRC", defaults.get("regularPriceLevel").asText());
        assertEquals("NONE", defaults.get("saleSource").asText());
        assertTrue(defaults.get("newProductsAsDraft").asBoolean());
        assertEquals("SET_ONCE", defaults.get("ownership").get("name").asText());
        assertFalse(defaults.get("configured").asBoolean(), "a store whose settings were never saved is not configured");

        ApiClient.Response bad = api.send("PUT", settingsPath(siteA), token,
                "{\"locations\":[\"not a location!\"],\"regularPriceLevel\":\"PRC_9\",\"saleSource\":\"PRICE_LEVEL\","
                        + "\"safetyBuffer\":-1,\"ownership\":{\"name\":\"SOMETIMES\"}}");
        assertEquals(400, bad.status(), bad.toString());
        List<String> fields = new ArrayList<>();
        bad.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(List.of("locations", "regularPriceLevel", "salePriceLevel", "safetyBuffer", "ownership.name"), fields);

        putSettings(siteA, "{\"locations\":[\"main\",\"WEB\"],\"regularPriceLevel\":\"REG_PRC\",\"saleSource\":\"PROMOTIONS\","
                + "\"safetyBuffer\":1,\"newProductsAsDraft\":true}");
        putSettings(siteB, "{\"locations\":[\"WEB\"],\"regularPriceLevel\":\"PRC_1\",\"saleSource\":\"PRICE_LEVEL\","
                + "\"salePriceLevel\":\"PRC_2\",\"safetyBuffer\":0,\"newProductsAsDraft\":false}");
        JsonNode savedA = api.get(settingsPath(siteA), token).json();
        assertEquals(List.of("MAIN", "WEB"), strings(savedA.get("locations")));
        assertTrue(savedA.get("configured").asBoolean(), "saved settings make the store configured");
        List<String> recurring = storageProvider.getRecurringJobs().stream().map(j -> j.getId()).toList();
        assertTrue(recurring.contains("catalog-reconcile-" + siteA), "a configured store gets its nightly reconcile");
        assertTrue(recurring.contains("sync-" + siteA + "-inventory") && recurring.contains("sync-" + siteB + "-products"),
                "and its catalog jobs on their intervals: " + recurring);
        assertEquals(404, api.post("/api/tenants/" + tenant + "/stores/" + UUID.randomUUID() + "/sync-reconcile", token, null)
                .status());
    }

    @Test
    @Order(2)
    void theFirstProductSyncCreatesAdoptsAndReportsDuplicateSkusInBothStores() throws Exception {
        List<String> simple = items("TRK_METH = 'N' AND IS_ECOMM_ITEM = 'Y'");
        List<String> gridded = items("TRK_METH = 'G' AND IS_ECOMM_ITEM = 'Y'");
        assertTrue(simple.size() >= 4 && !gridded.isEmpty(), "the demo data has simple and gridded web items");
        adoptedSku = simple.get(0);
        duplicateSku = simple.get(1);
        ProductService productsA = new ProductService(storeA);
        storeA.locked(() -> {
            productsA.create(JSON.createObjectNode().put("sku", adoptedSku).put("name", "Merchant's own name"));
            productsA.create(JSON.createObjectNode().put("sku", duplicateSku).put("name", "Twin one"));
            Product twin = productsA.create(JSON.createObjectNode().put("sku", duplicateSku + "-b").put("name", "Twin two"));
            twin.sku = duplicateSku; // WooCommerce does not enforce unique SKUs under concurrency (#24651)
            productsA.create(JSON.createObjectNode().put("sku", "MERCHANT-ONLY").put("name", "Gift wrap"));
        });
        merchantsCategory = cpStrings("SELECT DESCR FROM EC_CATEG ORDER BY DISP_SEQ_NO DESC, CATEG_ID DESC").getFirst();
        merchantsCategoryId = storeA.locked(() -> {
            com.counterlink.woo.sandbox.category.Category own = new com.counterlink.woo.sandbox.category.Category();
            own.id = storeA.nextTermId();
            own.name = merchantsCategory;
            own.slug = "merchants-own";
            storeA.categories.put(own.id, own);
            return own.id;
        });
        int before = storeA.productsJson().size();

        JsonNode preview = run(siteA, JobType.PRODUCTS, RunTrigger.PREVIEW);
        assertEquals(before, storeA.productsJson().size(), "a preview writes nothing");
        assertEquals("DUPLICATE_SKU", failedItem(preview, duplicateSku).get("errorCode").asText());
        assertEquals("ADOPTED", outcome(preview, adoptedSku));
        assertEquals("CREATED", outcome(preview, simple.get(2)));
        assertEquals("CREATED", outcome(preview, gridded.get(0)));
        assertTrue(items(preview).stream().anyMatch(i -> i.get("itemKey").asText().endsWith(" MERCHANT-ONLY")
                && i.get("outcome").asText().equals("SKIPPED")), "products no item matches are left alone: " + preview);
        assertEquals(404, api.post("/api/tenants/" + tenant + "/stores/" + UUID.randomUUID() + "/sync-preview", token, null).status());

        JsonNode runA = run(siteA, JobType.PRODUCTS);
        assertEquals("PARTIAL", runA.get("status").asText(), runA.toString());
        JsonNode dup = failedItem(runA, duplicateSku);
        assertEquals("DUPLICATE_SKU", dup.get("errorCode").asText());
        assertTrue(dup.get("actionHint").asText().contains("Keep one WooCommerce product"));
        assertTrue(items(runA).stream().anyMatch(i -> i.get("itemKey").asText().equals(adoptedSku)
                && i.get("outcome").asText().equals("ADOPTED")));

        JsonNode adopted = storeA.productBySku(adoptedSku).orElseThrow();
        assertEquals("Merchant's own name", adopted.get("name").asText(), "set-once fields of an adopted product are the merchant's");
        for (String itemNo : simple.subList(2, simple.size())) {
            JsonNode product = storeA.productBySku(itemNo).orElseThrow(() -> new AssertionError(itemNo + " missing in A"));
            assertEquals("draft", product.get("status").asText());
            assertEquals("simple", product.get("type").asText());
            assertEquals(cpString("SELECT DESCR FROM IM_ITEM WHERE ITEM_NO = ?", itemNo), product.get("name").asText());
            assertEquals(cpString("SELECT HTML_DESCR FROM EC_ITEM_DESCR WHERE ITEM_NO = ?", itemNo),
                    storeA.locked(() -> storeA.products.get(product.get("id").asLong()).description),
                    "HTML and unicode descriptions are stored unchanged");
        }
        String griddedItem = gridded.get(0);
        JsonNode variable = storeA.productBySku(griddedItem).orElseThrow();
        assertEquals("variable", variable.get("type").asText());
        List<String> cells = cells(griddedItem);
        assertEquals(cells.size(), variable.get("variations").size());
        for (String cell : cells) {
            JsonNode variation = storeA.productBySku(griddedItem + "|" + cell).orElseThrow(() -> new AssertionError(cell));
            assertEquals(variable.get("id").asLong(), variation.get("parent_id").asLong());
        }
        String notForTheWeb = items("IS_ECOMM_ITEM = 'N'").getFirst();
        assertTrue(storeA.productBySku(notForTheWeb).isEmpty(), "items not flagged for the web are not created");

        Map<String, Long> categoriesA = storeCategories(storeA);
        assertEquals(merchantsCategoryId, categoriesA.get(merchantsCategory),
                "a category the merchant already had is used, not made twice: " + categoriesA);
        for (String itemNo : simple.subList(2, simple.size())) {
            List<String> expected = new ArrayList<>(cpStrings("SELECT c.DESCR FROM EC_CATEG c JOIN EC_CATEG_ITEM ci ON ci.CATEG_ID = c.CATEG_ID"
                    + " WHERE ci.ITEM_NO = '" + itemNo + "'"));
            java.util.Collections.sort(expected);
            JsonNode product = storeA.productBySku(itemNo).orElseThrow();
            List<String> shown = new ArrayList<>();
            product.get("categories").forEach(c -> shown.add(c.get("name").asText()));
            java.util.Collections.sort(shown);
            assertEquals(expected.isEmpty() ? List.of("Uncategorized") : expected, shown, "web categories of " + itemNo);
            if (expected.contains(merchantsCategory)) {
                List<Long> ids = new ArrayList<>();
                product.get("categories").forEach(c -> ids.add(c.get("id").asLong()));
                assertTrue(ids.contains(merchantsCategoryId), itemNo + " is in the merchant's own category: " + ids);
            }
        }

        JsonNode runB = run(siteB, JobType.PRODUCTS);
        assertEquals("SUCCEEDED", runB.get("status").asText(), runB.toString());
        assertEquals("publish", storeB.productBySku(simple.get(2)).orElseThrow().get("status").asText(),
                "store B publishes new products at once");
        assertEquals(simple.size() + gridded.size(), runB.get("itemsCreated").asInt() - variationCount(storeB));

        JsonNode again = run(siteB, JobType.PRODUCTS);
        assertEquals(0, again.get("itemsRead").asInt(), "an incremental run after the watermark reads nothing new");
    }

    @Test
    @Order(3)
    void inventorySendsTheWebQuantityPerStoreAndOnlyChanges() throws Exception {
        String simple = items("TRK_METH = 'N' AND IS_ECOMM_ITEM = 'Y'").get(2);
        String griddedItem = items("TRK_METH = 'G' AND IS_ECOMM_ITEM = 'Y'").get(0);
        String cell = cells(griddedItem).get(0);
        try (PreparedStatement s = cp.prepareStatement("UPDATE IM_INV SET QTY_ON_HND = 3.7, QTY_COMMIT = 0 WHERE ITEM_NO = ? AND LOC_ID IN ('MAIN', 'WEB')")) {
            s.setString(1, simple);
            s.executeUpdate();
        }
        String negative = items("TRK_METH = 'N' AND IS_ECOMM_ITEM = 'Y'").get(3);
        try (PreparedStatement s = cp.prepareStatement("UPDATE IM_INV SET QTY_ON_HND = -4, QTY_COMMIT = 0 WHERE ITEM_NO = ?")) {
            s.setString(1, negative);
            s.executeUpdate();
        }

        JsonNode runA = run(siteA, JobType.INVENTORY);
        assertEquals("SUCCEEDED", runA.get("status").asText(), runA.toString());
        JsonNode product = storeA.productBySku(simple).orElseThrow();
        assertTrue(product.get("manage_stock").asBoolean(), "stock management is switched on at the first push");
        assertEquals(6, product.get("stock_quantity").asInt(), "3.7 + 3.7 = 7.4, minus a buffer of 1, whole units");
        assertEquals(0, storeA.productBySku(negative).orElseThrow().get("stock_quantity").asInt(), "never below zero");
        JsonNode variation = storeA.productBySku(griddedItem + "|" + cell).orElseThrow();
        assertEquals(expectedCell(griddedItem, cell, List.of("MAIN", "WEB"), 1), variation.get("stock_quantity").asInt());

        JsonNode runB = run(siteB, JobType.INVENTORY);
        assertEquals("SUCCEEDED", runB.get("status").asText(), runB.toString());
        assertEquals(3, storeB.productBySku(simple).orElseThrow().get("stock_quantity").asInt(), "store B sells WEB only, no buffer");

        JsonNode unchanged = run(siteA, JobType.INVENTORY);
        assertEquals(0, unchanged.get("itemsUpdated").asInt(), "nothing changed, nothing sent");
        assertEquals(0, unchanged.get("itemsRead").asInt(), "an incremental run reads only stock changed after the watermark");

        long tasksBefore = bridgeTasks("READ_STOCK");
        new StoreSimulator(cp).changeStock(simple, "WEB", new BigDecimal("5"));
        new StoreSimulator(cp).changeStock(notSold(), "OUTLET", new BigDecimal("5"));
        JsonNode changed = run(siteA, JobType.INVENTORY);
        assertEquals(1, changed.get("itemsUpdated").asInt(), changed.toString());
        assertEquals(1, changed.get("itemsRead").asInt(), "only the item whose stock changed at the store's locations: " + changed);
        assertEquals(1, bridgeTasks("READ_STOCK") - tasksBefore, "one stock read, for that item");
        assertEquals(11, storeA.productBySku(simple).orElseThrow().get("stock_quantity").asInt());

        JsonNode full = run(siteA, JobType.INVENTORY, RunTrigger.FULL_RESYNC);
        assertEquals(mappedSellable(siteA), full.get("itemsRead").asInt(), "a full resync reads every mapped item: " + full);
        assertEquals(full.get("itemsRead").asInt(), full.get("itemsUnchanged").asInt());
    }

    @Test
    @Order(4)
    void pricingFollowsEachStoresLevelsAndSaleSource() throws Exception {
        List<String> simple = items("TRK_METH = 'N' AND IS_ECOMM_ITEM = 'Y'");
        String noPrice = simple.get(4);
        try (PreparedStatement s = cp.prepareStatement("DELETE FROM IM_PRC WHERE ITEM_NO = ?")) {
            s.setString(1, noPrice);
            s.executeUpdate();
        }
        // a deleted price row leaves no trail in the price feed: a full resync (or the nightly reconcile) finds it
        JsonNode runA = run(siteA, JobType.PRICING, RunTrigger.FULL_RESYNC);
        assertEquals("PARTIAL", runA.get("status").asText(), runA.toString());
        assertEquals("NO_PRICE", failedItem(runA, noPrice).get("errorCode").asText());
        assertEquals(1, runA.get("itemsFailed").asInt(), "only the item without a price failed");

        String apparel = items("TRK_METH = 'N' AND IS_ECOMM_ITEM = 'Y' AND CATEG_COD = 'APPAREL' AND ITEM_NO <> '" + noPrice + "'")
                .stream().filter(i -> !i.equals(adoptedSku) && !i.equals(duplicateSku)).findFirst().orElse(null);
        if (apparel != null) {
            JsonNode product = storeA.productBySku(apparel).orElseThrow();
            BigDecimal regular = cpDecimal("SELECT REG_PRC FROM IM_PRC WHERE ITEM_NO = ?", apparel);
            BigDecimal sale = cpDecimal("SELECT PRC_1 FROM IM_PRC WHERE ITEM_NO = ?", apparel).multiply(new BigDecimal("0.8"))
                    .setScale(2, RoundingMode.HALF_UP);
            assertEquals(regular.setScale(2, RoundingMode.HALF_UP).toPlainString(), product.get("regular_price").asText());
            assertEquals(sale.toPlainString(), product.get("sale_price").asText(), "20% off Price-1 in the running promotion");
            assertNotNull(product.get("date_on_sale_to_gmt").textValue(), "the promotion's end date is the sale's end");
        }
        JsonNode runB = run(siteB, JobType.PRICING, RunTrigger.FULL_RESYNC);
        assertEquals(1, runB.get("itemsFailed").asInt(), runB.toString());
        for (String itemNo : simple.subList(2, simple.size())) {
            if (itemNo.equals(noPrice)) {
                continue;
            }
            JsonNode product = storeB.productBySku(itemNo).orElseThrow();
            BigDecimal price1 = cpDecimal("SELECT PRC_1 FROM IM_PRC WHERE ITEM_NO = ?", itemNo).setScale(2, RoundingMode.HALF_UP);
            BigDecimal price2 = cpDecimal("SELECT PRC_2 FROM IM_PRC WHERE ITEM_NO = ?", itemNo);
            assertEquals(price1.toPlainString(), product.get("regular_price").asText(), itemNo);
            String expectedSale = price2 != null && price2.compareTo(price1) < 0 ? price2.setScale(2, RoundingMode.HALF_UP).toPlainString() : "";
            assertEquals(expectedSale, product.get("sale_price").asText(), "another level is a sale only when lower: " + itemNo);
            assertNull(product.get("date_on_sale_from_gmt").textValue());
        }
        JsonNode again = run(siteB, JobType.PRICING);
        assertEquals(0, again.get("itemsUpdated").asInt(), "only changed prices are sent");
    }

    @Test
    @Order(5)
    void anItemWooCommerceRefusesIsRecordedTheRestProceedAndTheWatermarkStaysBeforeIt() throws Exception {
        List<String> simple = items("TRK_METH = 'N' AND IS_ECOMM_ITEM = 'Y'");
        String gone = simple.get(2);
        String other = simple.get(6);
        long goneId = storeA.productBySku(gone).orElseThrow().get("id").asLong();
        storeA.locked(() -> { storeA.products.remove(goneId); });

        StoreSimulator simulator = new StoreSimulator(cp);
        simulator.changeStock(gone, "WEB", BigDecimal.ONE);
        simulator.changeStock(other, "WEB", BigDecimal.ONE);
        JsonNode inventory = run(siteA, JobType.INVENTORY);
        assertEquals("PARTIAL", inventory.get("status").asText(), inventory.toString());
        assertEquals("WOO_PRODUCT_MISSING", failedItem(inventory, gone).get("errorCode").asText());
        assertEquals(1, inventory.get("itemsUpdated").asInt(), "the other change in the batch went through");
        JsonNode inventoryAgain = run(siteA, JobType.INVENTORY);
        assertEquals("WOO_PRODUCT_MISSING", failedItem(inventoryAgain, gone).get("errorCode").asText(),
                "the stock watermark stayed before the failed item, so its change is read again");

        putSettings(siteA, "{\"locations\":[\"MAIN\",\"WEB\"],\"saleSource\":\"PROMOTIONS\",\"safetyBuffer\":1,"
                + "\"ownership\":{\"name\":\"ALWAYS\"}}");
        rename(gone, "Renamed first");
        Thread.sleep(20);
        rename(other, "Renamed second ✓ ünïcödé");
        JsonNode products = run(siteA, JobType.PRODUCTS);
        assertEquals("PARTIAL", products.get("status").asText(), products.toString());
        assertEquals("WOO_PRODUCT_MISSING", failedItem(products, gone).get("errorCode").asText());
        assertEquals("Renamed second ✓ ünïcödé", storeA.productBySku(other).orElseThrow().get("name").asText());

        JsonNode retry = run(siteA, JobType.PRODUCTS);
        assertTrue(retry.get("itemsRead").asInt() >= 2, "the failed item (and what followed it) is read again: " + retry);
        assertEquals("WOO_PRODUCT_MISSING", failedItem(retry, gone).get("errorCode").asText());
    }

    @Test
    @Order(6)
    void unflaggingUnpublishesWithoutDeletingAndReflaggingRestores() throws Exception {
        String item = items("TRK_METH = 'N' AND IS_ECOMM_ITEM = 'Y'").get(5);
        long id = storeB.productBySku(item).orElseThrow().get("id").asLong();
        new StoreSimulator(cp).setEcommerce(item, false);
        run(siteB, JobType.PRODUCTS);
        JsonNode product = storeB.productJson(id).orElseThrow();
        assertEquals("draft", product.get("status").asText());

        new StoreSimulator(cp).setEcommerce(item, true);
        run(siteB, JobType.PRODUCTS);
        assertEquals("publish", storeB.productJson(id).orElseThrow().get("status").asText());
    }

    @Test
    @Order(7)
    void aProductChangedInWooCommerceIsPutBackOnItsHintAndAReconcileFixesEveryDriftWithItsReason() throws Exception {
        List<String> simple = items("TRK_METH = 'N' AND IS_ECOMM_ITEM = 'Y'");
        String hinted = simple.get(6);
        String silent = simple.get(7);
        run(siteB, JobType.INVENTORY);
        run(siteB, JobType.PRICING);
        JsonNode before = storeB.productBySku(hinted).orElseThrow();
        JsonNode silentBefore = storeB.productBySku(silent).orElseThrow();
        long hintedId = before.get("id").asLong();
        long silentId = silentBefore.get("id").asLong();
        storeB.locked(() -> {
            storeB.products.get(hintedId).stockQuantity = 99;
            storeB.products.get(hintedId).regularPrice = "1.00";
            storeB.products.get(silentId).stockQuantity = 42;
        });
        hint(siteB, hintedId);

        JsonNode inventory = run(siteB, JobType.INVENTORY);
        assertEquals(before.get("stock_quantity").asInt(), storeB.productBySku(hinted).orElseThrow().get("stock_quantity").asInt());
        assertTrue(items(inventory).stream().anyMatch(i -> i.get("itemKey").asText().equals(hinted)
                && i.get("reason").asText().contains("WooCommerce showed stock 99")), inventory.toString());
        assertEquals(42, storeB.productBySku(silent).orElseThrow().get("stock_quantity").asInt(), "without a hint nothing is read back");
        JsonNode pricing = run(siteB, JobType.PRICING);
        assertEquals(before.get("regular_price").asText(), storeB.productBySku(hinted).orElseThrow().get("regular_price").asText(),
                "the hint's price drift is put back by the pricing job too: " + pricing);

        JsonNode reconcile = run(siteB, JobType.INVENTORY, RunTrigger.RECONCILE);
        assertEquals(silentBefore.get("stock_quantity").asInt(), storeB.productBySku(silent).orElseThrow().get("stock_quantity").asInt());
        assertEquals(1, reconcile.get("itemsUpdated").asInt(), reconcile.toString());
        assertTrue(outcomeReason(reconcile, silent).contains("WooCommerce showed stock 42"));
    }

    @Test
    @Order(8)
    void aCounterpointChangeReachesBothStoresWithoutWaitingForTheInterval() throws Exception {
        String item = items("TRK_METH = 'N' AND IS_ECOMM_ITEM = 'Y'").get(8);
        int a = storeA.productBySku(item).orElseThrow().get("stock_quantity").asInt();
        int b = storeB.productBySku(item).orElseThrow().get("stock_quantity").asInt();
        new StoreSimulator(cp).changeStock(item, "WEB", new BigDecimal("7"));

        triggers.changed(UUID.fromString(tenant), java.util.Set.of(JobType.INVENTORY)); // what the bridge's change probe reports
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until) && (storeA.productBySku(item).orElseThrow().get("stock_quantity").asInt() != a + 7
                || storeB.productBySku(item).orElseThrow().get("stock_quantity").asInt() != b + 7)) {
            Thread.sleep(200);
        }
        assertEquals(a + 7, storeA.productBySku(item).orElseThrow().get("stock_quantity").asInt());
        assertEquals(b + 7, storeB.productBySku(item).orElseThrow().get("stock_quantity").asInt());
    }

    @Test
    @Order(9)
    void aNewGridValueGetsItsOptionOnTheProductAndItsVariation() throws Exception {
        String item = items("TRK_METH = 'G' AND IS_ECOMM_ITEM = 'Y' AND DIM_COUNT = 1").getFirst();
        try (PreparedStatement s = cp.prepareStatement("INSERT INTO IM_INV_CELL (ITEM_NO, LOC_ID, DIM_1_UPR, DIM_2_UPR, DIM_3_UPR,"
                + " QTY_ON_HND, QTY_COMMIT, LST_MAINT_DT, LST_MAINT_USR_ID) VALUES (?, 'WEB', 'XXXL', '*', '*', 4, 0, CURRENT_TIMESTAMP, 'MGR')")) {
            s.setString(1, item);
            s.executeUpdate();
        }
        rename(item, cpString("SELECT DESCR FROM IM_ITEM WHERE ITEM_NO = ?", item)); // Counterpoint stamps the item when a cell is added

        JsonNode run = run(siteA, JobType.PRODUCTS);
        assertEquals("CREATED", outcome(run, item + " XXXL/*/*"), run.toString());
        JsonNode parent = storeA.productBySku(item).orElseThrow();
        assertTrue(strings(parent.get("attributes").get(0).get("options")).contains("XXXL"), parent.toString());
        JsonNode variation = storeA.productBySku(item + "|XXXL|*|*").orElseThrow();
        assertEquals(parent.get("id").asLong(), variation.get("parent_id").asLong());
        run(siteA, JobType.INVENTORY);
        assertEquals(3, storeA.productBySku(item + "|XXXL|*|*").orElseThrow().get("stock_quantity").asInt(), "4 at WEB minus the buffer");
    }

    @Test
    @Order(10)
    void storesNeedingTheSameReadAtTheSameMomentShareOneBridgeTask() throws Exception {
        List<String> itemNos = items("IS_ECOMM_ITEM = 'Y'").subList(0, 5);
        ReadStock same = new ReadStock(List.of("WEB"), itemNos);
        ReadStock other = new ReadStock(List.of("MAIN"), itemNos);
        long before = bridgeTasks("READ_STOCK");
        UUID tenantId = UUID.fromString(tenant);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService stores = Executors.newFixedThreadPool(4);
        try {
            List<Future<ReadStock.Result>> reads = new ArrayList<>();
            for (ReadStock request : List.of(same, same, same, other)) {
                reads.add(stores.submit(() -> {
                    start.await();
                    return bridgeReads.read(tenantId, request);
                }));
            }
            start.countDown();
            ReadStock.Result first = reads.get(0).get(60, TimeUnit.SECONDS);
            assertFalse(first.levels().isEmpty());
            assertEquals(first, reads.get(1).get(60, TimeUnit.SECONDS));
            assertEquals(first, reads.get(2).get(60, TimeUnit.SECONDS));
            assertTrue(reads.get(3).get(60, TimeUnit.SECONDS).levels().stream().allMatch(l -> l.locationId().equals("MAIN")));
        } finally {
            stores.shutdownNow();
        }
        assertEquals(2, bridgeTasks("READ_STOCK") - before, "three stores asking the same at once share one task; MAIN is its own");
        bridgeReads.read(tenantId, same);
        assertEquals(3, bridgeTasks("READ_STOCK") - before, "a read asked after the shared one finished goes to Counterpoint again");
    }

    @Test
    @Order(11)
    void aNameAsLongAsCounterpointAllowsAndAVeryLongUnicodeHtmlDescriptionArriveAsWordPressKeepsThem() throws Exception {
        String name = "Ærøskøbing Tee & Café ✓ 30 chr"; // DESCR is VARCHAR(30): the longest name Counterpoint holds
        assertEquals(30, name.length());
        StringBuilder html = new StringBuilder("<h2>Größentabelle — サイズ表</h2><ul>");
        while (html.length() < 200_000) {
            html.append("<li><strong>Größe ").append(html.length()).append("</strong> · 寸法 &amp; “fit” ✓ 🧵</li>");
        }
        html.append("</ul>");
        new StoreSimulator(cp).addItem(new NewItem("LONG-HTML-1", name, "APPAREL", new BigDecimal("19.99"), true));
        try (PreparedStatement s = cp.prepareStatement("INSERT INTO EC_ITEM_DESCR (ITEM_NO, HTML_DESCR, LST_MAINT_DT) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
            s.setString(1, "LONG-HTML-1");
            s.setString(2, html.toString());
            s.executeUpdate();
        }
        rename("LONG-HTML-1", name); // the web description changed after the item: stamp the item again

        JsonNode run = run(siteB, JobType.PRODUCTS);
        assertEquals("CREATED", outcome(run, "LONG-HTML-1"), run.toString());
        JsonNode product = storeB.productBySku("LONG-HTML-1").orElseThrow();
        // WordPress stores a name's "&" as "&amp;" (and shows it as "&"), as a real WooCommerce 10.0.2 does
        assertEquals(name.replace("&", "&amp;"), product.get("name").asText());
        assertEquals(html.toString(), storeB.locked(() -> storeB.products.get(product.get("id").asLong()).description),
                "200 KB of HTML with accents, CJK and emoji, byte for byte");
    }

    @Test
    @Order(12)
    void itemsWebOrdersAllocatedAreRecheckedByEveryStoreAlthoughCounterpointsStockDidNotMove() throws Exception {
        String item = items("TRK_METH = 'N' AND IS_ECOMM_ITEM = 'Y'").get(9);
        java.util.Map<String, java.util.Set<String>> earlier = new HashMap<>();
        java.util.Map<String, Integer> shown = new HashMap<>();
        for (String site : List.of(siteA, siteB)) {
            earlier.put(site, runIds(site, JobType.INVENTORY));
            // as if an order had taken 1,000 units: the quantity last sent no longer matches what the stock gives
            shiftSentQty(site, item, 1000);
        }
        shown.put(siteA, storeA.productBySku(item).orElseThrow().get("stock_quantity").asInt());
        shown.put(siteB, storeB.productBySku(item).orElseThrow().get("stock_quantity").asInt());
        allocationEvents.publishEvent(new AllocationsChanged(UUID.fromString(tenant), UUID.fromString(siteA), java.util.Set.of(item)));
        for (String site : List.of(siteA, siteB)) {
            JsonNode recheck = awaitRun(site, JobType.INVENTORY, earlier.get(site), run -> outcome(run, item).equals("UPDATED"));
            assertEquals("CHANGE", recheck.get("runTrigger").asText(), "read again at once, although no stock row changed: " + recheck);
        }
        assertEquals(shown.get(siteA), storeA.productBySku(item).orElseThrow().get("stock_quantity").asInt());
        assertEquals(shown.get(siteB), storeB.productBySku(item).orElseThrow().get("stock_quantity").asInt());
        assertEquals(0, pendingRechecks(), "done rechecks are cleared");
        JsonNode after = run(siteA, JobType.INVENTORY);
        assertEquals(0, after.get("itemsUpdated").asInt(), after.toString());
    }

    private long pendingRechecks() throws SQLException {
        return SharedPostgres.countAsTenant(tenant, "SELECT count(*) FROM catalog_rechecks WHERE job_type = 'INVENTORY'");
    }

    private void shiftSentQty(String site, String itemNo, int by) throws SQLException {
        try (Connection c = SharedPostgres.appConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement scope = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                scope.setString(1, tenant);
                scope.executeQuery();
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE catalog_links SET sent_qty = sent_qty + ? WHERE site_id = ? AND item_no = ?")) {
                update.setInt(1, by);
                update.setObject(2, UUID.fromString(site));
                update.setString(3, itemNo);
                assertEquals(1, update.executeUpdate());
            }
            c.commit();
        }
    }

    private java.util.Set<String> runIds(String site, JobType job) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        api.get("/api/tenants/" + tenant + "/stores/" + site + "/runs?jobType=" + job.name(), token).json()
                .forEach(run -> ids.add(run.get("id").asText()));
        return ids;
    }

    /** The first finished run of the job, not among {@code earlier}, that satisfies {@code wanted}, within 30 s. */
    private JsonNode awaitRun(String site, JobType job, java.util.Set<String> earlier, java.util.function.Predicate<JsonNode> wanted) {
        Instant until = Instant.now().plusSeconds(30);
        String base = "/api/tenants/" + tenant + "/stores/" + site + "/runs";
        while (Instant.now().isBefore(until)) {
            for (JsonNode run : api.get(base + "?jobType=" + job.name(), token).json()) {
                if (earlier.contains(run.get("id").asText()) || !run.hasNonNull("finishedAt")) {
                    continue;
                }
                JsonNode detail = api.get(base + "/" + run.get("id").asText(), token).json();
                ObjectNode full = ((ObjectNode) detail.get("run")).deepCopy();
                full.set("items", detail.get("items"));
                if (wanted.test(full)) {
                    return full;
                }
            }
            sleep(200);
        }
        throw new AssertionError("no new " + job + " run of " + site + " as expected");
    }

    /** Category name → how many the store has (names must not repeat), and for a single one its id. */
    private static Map<String, Long> storeCategories(Store store) {
        return store.locked(() -> {
            Map<String, Long> byName = new HashMap<>();
            Map<String, Integer> counts = new HashMap<>();
            store.categories.values().forEach(c -> {
                counts.merge(c.name, 1, Integer::sum);
                byName.put(c.name, c.id);
            });
            counts.forEach((name, n) -> assertEquals(1, n, "category " + name + " exists " + n + " times"));
            return byName;
        });
    }

    private List<String> cpStrings(String sql) throws SQLException {
        List<String> list = new ArrayList<>();
        try (PreparedStatement s = cp.prepareStatement(sql); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                list.add(rows.getString(1));
            }
        }
        return list;
    }

    /** The store's rows WooCommerce sells: simple products and variations. */
    private int mappedSellable(String site) throws SQLException {
        return (int) SharedPostgres.countAsTenant(tenant, "SELECT count(*) FROM catalog_links WHERE site_id = ?"
                + " AND NOT (gridded AND cell = '')", UUID.fromString(site));
    }

    private long bridgeTasks(String operation) throws SQLException {
        return SharedPostgres.countAsTenant(tenant, "SELECT count(*) FROM bridge_tasks WHERE tenant_id = ? AND operation = ?",
                UUID.fromString(tenant), operation);
    }

    /** A web item whose stock changes at OUTLET, a location neither store sells from. */
    private String notSold() throws SQLException {
        return items("TRK_METH = 'N' AND IS_ECOMM_ITEM = 'Y' AND ITEM_NO IN (SELECT ITEM_NO FROM IM_INV WHERE LOC_ID = 'OUTLET')")
                .getLast();
    }

    // ---- helpers ------------------------------------------------------------------------

    private void hint(String site, long productId) throws SQLException {
        try (Connection c = SharedPostgres.appConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement scope = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                scope.setString(1, tenant);
                scope.execute();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO webhook_hints (tenant_id, site_id, topic, resource_id)"
                    + " VALUES (?, ?, 'product.updated', ?)")) {
                insert.setObject(1, UUID.fromString(tenant));
                insert.setObject(2, UUID.fromString(site));
                insert.setLong(3, productId);
                insert.executeUpdate();
            }
            c.commit();
        }
    }

    private static String outcomeReason(JsonNode run, String key) {
        return items(run).stream().filter(i -> i.get("itemKey").asText().equals(key)).map(i -> i.path("reason").asText(""))
                .findFirst().orElse("");
    }

    private String settingsPath(String site) {
        return "/api/tenants/" + tenant + "/stores/" + site + "/sync-settings";
    }

    private void putSettings(String site, String json) {
        ApiClient.Response saved = api.send("PUT", settingsPath(site), token, json);
        assertEquals(200, saved.status(), saved.toString());
        assertTrue(saved.json().get("configured").asBoolean(), saved.toString());
    }

    /** The run the busy one started for us when it ended. */
    private UUID followUp(String site, JobType job, RunTrigger trigger, Instant asked) {
        for (int attempt = 0; attempt < 300; attempt++) {
            for (JsonNode run : api.get("/api/tenants/" + tenant + "/stores/" + site + "/runs?jobType=" + job, token).json()) {
                if (run.get("runTrigger").asText().equals(trigger.name()) && !run.get("status").asText().equals("RUNNING")
                        && !Instant.parse(run.get("startedAt").asText()).isBefore(asked)) {
                    return UUID.fromString(run.get("id").asText());
                }
            }
            sleep(200);
        }
        throw new AssertionError("no " + trigger + " run followed the busy " + job + " run");
    }

    private JsonNode run(String site, JobType job) {
        return run(site, job, RunTrigger.MANUAL);
    }

    private JsonNode run(String site, JobType job, RunTrigger trigger) {
        Instant asked = Instant.now();
        Optional<UUID> runId = runner.run(UUID.fromString(tenant), UUID.fromString(site), job, trigger);
        if (runId.isEmpty() && trigger.followsUpABusyRun()) {
            runId = Optional.of(followUp(site, job, trigger, asked));
        }
        for (int attempt = 0; runId.isEmpty() && attempt < 150; attempt++) {
            // a scheduled run of the same job holds the store's lock: wait for it, as the next interval would
            sleep(200);
            runId = runner.run(UUID.fromString(tenant), UUID.fromString(site), job, trigger);
        }
        assertTrue(runId.isPresent(), "the run started");
        JsonNode detail = api.get("/api/tenants/" + tenant + "/stores/" + site + "/runs/" + runId.get(), token).json();
        ObjectNode run = ((ObjectNode) detail.get("run")).deepCopy();
        run.set("items", detail.get("items"));
        return run;
    }

    private static List<JsonNode> items(JsonNode run) {
        List<JsonNode> list = new ArrayList<>();
        run.get("items").forEach(list::add);
        return list;
    }

    private static JsonNode failedItem(JsonNode run, String key) {
        return items(run).stream().filter(i -> i.get("itemKey").asText().equals(key) && i.get("outcome").asText().equals("FAILED"))
                .findFirst().orElseThrow(() -> new AssertionError("no failure recorded for " + key + " in " + run));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String outcome(JsonNode run, String key) {
        return items(run).stream().filter(i -> i.get("itemKey").asText().equals(key)).map(i -> i.get("outcome").asText())
                .findFirst().orElse("none");
    }

    private static int variationCount(Store store) {
        return (int) store.productsJson().stream().mapToLong(p -> p.path("variations").size()).sum();
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private List<String> items(String where) throws SQLException {
        List<String> list = new ArrayList<>();
        try (PreparedStatement s = cp.prepareStatement("SELECT ITEM_NO FROM IM_ITEM WHERE " + where + " ORDER BY ITEM_NO");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                list.add(rows.getString(1));
            }
        }
        return list;
    }

    private List<String> cells(String itemNo) throws SQLException {
        List<String> list = new ArrayList<>();
        try (PreparedStatement s = cp.prepareStatement("SELECT DISTINCT DIM_1_UPR, DIM_2_UPR, DIM_3_UPR FROM IM_INV_CELL"
                + " WHERE ITEM_NO = ? ORDER BY 1, 2, 3")) {
            s.setString(1, itemNo);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    list.add(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getString(3));
                }
            }
        }
        return list;
    }

    private int expectedCell(String itemNo, String cell, List<String> locations, int buffer) throws SQLException {
        String[] dims = cell.split("\\|");
        BigDecimal sum = BigDecimal.ZERO;
        for (String location : locations) {
            try (PreparedStatement s = cp.prepareStatement("SELECT QTY_AVAIL FROM IM_INV_CELL WHERE ITEM_NO = ? AND LOC_ID = ?"
                    + " AND DIM_1_UPR = ? AND DIM_2_UPR = ? AND DIM_3_UPR = ?")) {
                s.setString(1, itemNo);
                s.setString(2, location);
                s.setString(3, dims[0]);
                s.setString(4, dims[1]);
                s.setString(5, dims[2]);
                try (ResultSet rows = s.executeQuery()) {
                    if (rows.next()) {
                        sum = sum.add(rows.getBigDecimal(1));
                    }
                }
            }
        }
        return Math.max(0, sum.subtract(BigDecimal.valueOf(buffer)).setScale(0, RoundingMode.FLOOR).intValue());
    }

    private void rename(String itemNo, String name) throws SQLException {
        try (PreparedStatement s = cp.prepareStatement("UPDATE IM_ITEM SET DESCR = ? WHERE ITEM_NO = ?")) {
            s.setString(1, name);
            s.setString(2, itemNo);
            s.executeUpdate();
        }
    }

    private String cpString(String sql, String itemNo) throws SQLException {
        try (PreparedStatement s = cp.prepareStatement(sql)) {
            s.setString(1, itemNo);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private BigDecimal cpDecimal(String sql, String itemNo) throws SQLException {
        try (PreparedStatement s = cp.prepareStatement(sql)) {
            s.setString(1, itemNo);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getBigDecimal(1) : null;
            }
        }
    }
}
