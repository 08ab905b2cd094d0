package com.counterlink.sync.catalog;

import com.counterlink.counterpoint.demo.OddItems;
import com.counterlink.counterpoint.demo.StoreSimulator;
import com.counterlink.sync.JobType;
import com.counterlink.sync.RunTrigger;
import com.counterlink.sync.SyncJobRunner;
import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedPostgres;
import com.counterlink.testing.WooStoresFixture;
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

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Counterpoint data as retailers really have it, end to end (the demo Counterpoint with its odd items, a real
 * bridge, two sandbox stores): item numbers with accents, spaces and slashes sync like any other; an item number
 * that cannot be a SKU fails on its own run item while everything else goes through and every feed moves past
 * it; a non-inventory item is sold without stock management, left alone by the inventory job, and its web orders
 * are written to Counterpoint without holding any stock.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OddItemsEndToEndTest extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();
    static final String CP_PASSWORD = "Cp-Odd-Items-3";
    /** A tab pasted into the item number: Counterpoint takes it, a WooCommerce SKU cannot carry it. */
    static final String PASTED = "PASTED\tITEM";
    static final String PASTED_SHOWN = "PASTED[tab]ITEM";
    /** The later twin of each pair: WooCommerce takes its number for the earlier one's SKU. */
    static final List<String> TWINS = List.of(OddItems.ACCENT_TWIN, OddItems.CASE_TWIN_LOWER);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;
    @Inject
    SyncJobRunner runner;

    CatalogStack stack;
    Connection cp;
    ApiClient api;
    String tenant;
    Store storeA;
    Store storeB;
    String siteA;
    String siteB;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(WooStoresFixture.backendProperties(PORT));
        properties.put("counterlink.catalog.follow-up-runs", "false");
        return properties;
    }

    @BeforeAll
    void start() throws Exception {
        stack = CatalogStack.startWithOddItems(server.getURL(), "odd-items", "Odd Items Emporium", 30, 20_261_201L, CP_PASSWORD, 2);
        cp = stack.cp;
        api = stack.api;
        tenant = stack.tenant;
        storeA = stack.store(0);
        storeB = stack.store(1);
        siteA = stack.site(0);
        siteB = stack.site(1);
        Thread.sleep(20); // the pasted item's rows are the newest in every feed
        cpUpdate("INSERT INTO IM_ITEM (ITEM_NO, DESCR, ITEM_TYP, REG_PRC, PRC_1, IS_ECOMM_ITEM) VALUES (?, 'Pasted from a sheet', 'I', 5, 5, 'Y')", PASTED);
        cpUpdate("INSERT INTO IM_PRC (ITEM_NO, REG_PRC, PRC_1) VALUES (?, 5, 5)", PASTED);
        cpUpdate("INSERT INTO IM_INV (ITEM_NO, LOC_ID, QTY_ON_HND) VALUES (?, 'WEB', 7)", PASTED);
        putSettings(siteA, "{\"locations\":[\"WEB\",\"MAIN\"],\"safetyBuffer\":0,\"newProductsAsDraft\":false}");
        putSettings(siteB, "{\"locations\":[\"WEB\"],\"regularPriceLevel\":\"PRC_1\",\"newProductsAsDraft\":false}");
    }

    @AfterAll
    void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theFirstSyncCreatesEveryProductWhateverItsNumberAndTheUnusableItemFailsAloneSayingWhatToDo() throws Exception {
        JsonNode preview = run(siteB, JobType.PRODUCTS, RunTrigger.PREVIEW);
        assertEquals("CREATED", outcome(preview, OddItems.ACCENTED), preview.toString());
        assertEquals("ITEM_NUMBER_UNUSABLE", failedItem(preview, PASTED_SHOWN).get("errorCode").asText(), "the preview says so too");
        assertEquals("SKU_TWIN", failedItem(preview, OddItems.ACCENT_TWIN).get("errorCode").asText(), "and of the twins");
        assertEquals("kept as draft: no price in Counterpoint at level PRC_1; published as soon as it has one",
                item(preview, OddItems.NO_PRICE).get("reason").asText(), "the preview says the unpriced item stays a draft");

        List<String> webItems = cpStrings("SELECT ITEM_NO FROM IM_ITEM WHERE IS_ECOMM_ITEM = 'Y' ORDER BY ITEM_NO");
        assertTrue(webItems.containsAll(OddItems.itemNos()) && webItems.contains(PASTED), webItems.toString());
        for (String site : List.of(siteA, siteB)) {
            Store store = site.equals(siteA) ? storeA : storeB;
            JsonNode first = run(site, JobType.PRODUCTS, RunTrigger.MANUAL);
            assertEquals("PARTIAL", first.get("status").asText(), first.toString());
            assertEquals(1 + TWINS.size(), first.get("itemsFailed").asInt(), "only the pasted item and the twins failed: " + first);
            JsonNode failed = failedItem(first, PASTED_SHOWN);
            assertEquals("ITEM_NUMBER_UNUSABLE", failed.get("errorCode").asText());
            assertTrue(failed.get("reason").asText().contains("has a control character (tab) at position 7"), failed.toString());
            assertTrue(failed.get("actionHint").asText().startsWith("In Counterpoint, change the item number"), failed.toString());
            for (String itemNo : webItems) {
                if (!itemNo.equals(PASTED) && !TWINS.contains(itemNo)) {
                    assertTrue(store.productBySku(itemNo).isPresent(), itemNo + " was created in " + store.name());
                }
            }
            assertEquals(webItems.size() - 1 - TWINS.size(), store.productsJson().stream().filter(p -> !p.get("type").asText().equals("variation"))
                    .count(), "every web item but the pasted one and the twins is a product, once");

            JsonNode again = run(site, JobType.PRODUCTS, RunTrigger.MANUAL);
            assertEquals("SUCCEEDED", again.get("status").asText(), again.toString());
            assertEquals(0, again.get("itemsRead").asInt(), "the item feed moved past the pasted item: " + again);
        }
        JsonNode cafe = storeA.productBySku(OddItems.ACCENTED).orElseThrow();
        assertEquals("Café crème 250 g", cafe.get("name").asText());
        assertEquals("9.50", cafe.get("regular_price").asText());
        assertTrue(cafe.get("manage_stock").asBoolean());
        assertEquals(24, cafe.get("stock_quantity").asInt(), "12 at WEB and 12 at MAIN");
        JsonNode spaced = storeB.productBySku(OddItems.SPACED).orElseThrow();
        assertEquals("Fidget ½ Ünïcorn", spaced.get("name").asText());
        assertEquals(5, spaced.get("stock_quantity").asInt(), "store B sells WEB only");
        assertTrue(storeA.productsJson().stream().noneMatch(p -> p.get("sku").asText().startsWith("PASTED")));
    }

    @Test
    @Order(2)
    void theStockAndPriceFeedsMovePastTheUnusableItem() throws Exception {
        StoreSimulator simulator = new StoreSimulator(cp);
        simulator.changeStock(PASTED, "WEB", BigDecimal.ONE);
        simulator.changePrice(PASTED, com.counterlink.counterpoint.demo.PriceLevel.REG_PRC, new BigDecimal("6.00"));
        Thread.sleep(20);
        simulator.changeStock(OddItems.ACCENTED, "WEB", new BigDecimal("3"));
        simulator.changePrice(OddItems.ACCENTED, com.counterlink.counterpoint.demo.PriceLevel.REG_PRC, new BigDecimal("9.90"));

        JsonNode inventory = run(siteA, JobType.INVENTORY, RunTrigger.MANUAL);
        assertEquals("SUCCEEDED", inventory.get("status").asText(), inventory.toString());
        assertEquals(27, storeA.productBySku(OddItems.ACCENTED).orElseThrow().get("stock_quantity").asInt(),
                "the change after the pasted item's arrived");
        assertEquals(OddItems.ACCENTED, watermarkItem(siteA, JobType.INVENTORY), "the stock watermark stands past the pasted item");
        assertEquals(0, run(siteA, JobType.INVENTORY, RunTrigger.MANUAL).get("itemsRead").asInt());

        JsonNode pricing = run(siteA, JobType.PRICING, RunTrigger.MANUAL);
        assertEquals("SUCCEEDED", pricing.get("status").asText(), pricing.toString());
        assertEquals("9.90", storeA.productBySku(OddItems.ACCENTED).orElseThrow().get("regular_price").asText());
        assertEquals(OddItems.ACCENTED, watermarkItem(siteA, JobType.PRICING), "the price watermark stands past the pasted item");
        assertEquals(0, run(siteA, JobType.PRICING, RunTrigger.MANUAL).get("itemsRead").asInt());

        for (JobType job : List.of(JobType.INVENTORY, JobType.PRICING)) {
            JsonNode full = run(siteB, job, RunTrigger.FULL_RESYNC);
            assertEquals("SUCCEEDED", full.get("status").asText(), "a full read of store B passes it too: " + full);
        }
    }

    @Test
    @Order(3)
    void theServiceItemIsSoldWithoutStockManagementAndTheInventoryJobLeavesItAlone() throws Exception {
        for (Store store : List.of(storeA, storeB)) {
            JsonNode admission = store.productBySku(OddItems.SERVICE).orElseThrow();
            assertFalse(admission.get("manage_stock").asBoolean(), "no stock management: " + admission);
            assertEquals("instock", admission.get("stock_status").asText());
            assertTrue(admission.get("purchasable").asBoolean(), "it can be bought: " + admission);
            assertEquals("24.00", admission.get("regular_price").asText());
        }
        long id = storeA.productBySku(OddItems.SERVICE).orElseThrow().get("id").asLong();
        // the merchant caps the tickets in WooCommerce by hand
        storeA.locked(() -> {
            storeA.products.get(id).manageStock = true;
            storeA.products.get(id).stockQuantity = 40;
        });
        hint(siteA, id);
        for (RunTrigger trigger : List.of(RunTrigger.MANUAL, RunTrigger.FULL_RESYNC, RunTrigger.RECONCILE)) {
            JsonNode inventory = run(siteA, JobType.INVENTORY, trigger);
            assertEquals("SUCCEEDED", inventory.get("status").asText(), inventory.toString());
            assertEquals("none", outcome(inventory, OddItems.SERVICE), trigger + " leaves it alone: " + inventory);
        }
        JsonNode after = storeA.productJson(id).orElseThrow();
        assertTrue(after.get("manage_stock").asBoolean(), "the merchant's choice stays: " + after);
        assertEquals(40, after.get("stock_quantity").asInt());
        JsonNode full = run(siteA, JobType.INVENTORY, RunTrigger.FULL_RESYNC);
        assertEquals(sellableTrackingStock(siteA), full.get("itemsRead").asInt(), "every sellable row but the admission's: " + full);
    }

    @Test
    @Order(4)
    void anOrderForTheServiceItemIsWrittenToCounterpointAndHoldsNoStock() throws Exception {
        assertEquals(200, api.send("PUT", "/api/tenants/" + tenant + "/stores/" + siteB + "/order-settings", stack.token(), "{}")
                .status());
        int stockRunsBefore = changeRuns(siteA) + changeRuns(siteB);
        long admissionOnly = checkout(storeB, List.of(OddItems.SERVICE), List.of(2));
        run(siteB, JobType.ORDERS, RunTrigger.MANUAL);
        assertEquals(List.of(OddItems.SERVICE + " 2"), documentLines(written(siteB, admissionOnly)), "the admission is in Counterpoint");
        assertEquals(0, SharedPostgres.countAsTenant(tenant, "SELECT count(*) FROM allocations WHERE item_no = ?", OddItems.SERVICE),
                "the admission holds nothing");
        Thread.sleep(3000); // an allocation would have started every store's inventory job by now
        assertEquals(stockRunsBefore, changeRuns(siteA) + changeRuns(siteB), "no store is asked to push the admission's stock");

        long mixed = checkout(storeB, List.of(OddItems.SERVICE, OddItems.ACCENTED), List.of(1, 1));
        run(siteB, JobType.ORDERS, RunTrigger.MANUAL);
        assertEquals(List.of(OddItems.SERVICE + " 1", OddItems.ACCENTED + " 1"), documentLines(written(siteB, mixed)));
        assertEquals(0, SharedPostgres.countAsTenant(tenant, "SELECT count(*) FROM allocations WHERE item_no = ?", OddItems.SERVICE));
        assertEquals(1, SharedPostgres.countAsTenant(tenant, "SELECT count(*) FROM allocations WHERE item_no = ?", OddItems.ACCENTED),
                "the stocked item on the same order is held as always");
        JsonNode admission = storeB.productBySku(OddItems.SERVICE).orElseThrow();
        assertFalse(admission.get("manage_stock").asBoolean());
        assertEquals("instock", admission.get("stock_status").asText(), "still for sale after the orders");

        String allocations = "/api/tenants/" + tenant + "/allocations?itemNo=";
        assertEquals(0, api.get(allocations + OddItems.SERVICE, stack.token()).json().size(), "the allocation view has nothing for it");
        JsonNode cafe = api.get(allocations + java.net.URLEncoder.encode(OddItems.ACCENTED, java.nio.charset.StandardCharsets.UTF_8),
                stack.token()).json();
        assertEquals(OddItems.ACCENTED, cafe.get(0).get("itemNo").asText(), cafe.toString());
        assertEquals(0, BigDecimal.ONE.compareTo(new BigDecimal(cafe.get(0).get("allocated").asText())), cafe.toString());
    }

    @Test
    @Order(5)
    void anItemThatStopsOrStartsTrackingStockIsSwitchedAtItsNextProductsRun() throws Exception {
        String item = cpStrings("SELECT ITEM_NO FROM IM_ITEM WHERE IS_ECOMM_ITEM = 'Y' AND ITEM_TYP = 'I' AND TRK_METH = 'N'"
                + " AND ITEM_NO NOT IN ('CAFÉ-01', 'FID 1/2 Ünï', 'CAFE-01', 'TEE-1', 'tee-1') ORDER BY ITEM_NO").getFirst();
        assertTrue(storeA.productBySku(item).orElseThrow().get("manage_stock").asBoolean());

        // as for a row made before the connector knew item types: the next read of the item corrects it
        cpUpdate("UPDATE IM_ITEM SET ITEM_TYP = 'N' WHERE ITEM_NO = ?", item);
        JsonNode products = run(siteA, JobType.PRODUCTS, RunTrigger.MANUAL);
        assertEquals("UPDATED", outcome(products, item), products.toString());
        assertEquals("sold without stock management: Counterpoint no longer tracks its stock (item type N)",
                item(products, item).get("reason").asText(), "the run says why it changed the product");
        JsonNode product = storeA.productBySku(item).orElseThrow();
        assertFalse(product.get("manage_stock").asBoolean(), product.toString());
        assertEquals("instock", product.get("stock_status").asText());
        new StoreSimulator(cp).changeStock(item, "WEB", new BigDecimal("-2"));
        JsonNode inventory = run(siteA, JobType.INVENTORY, RunTrigger.MANUAL);
        assertEquals("none", outcome(inventory, item), "its stock is no longer sent: " + inventory);

        cpUpdate("UPDATE IM_ITEM SET ITEM_TYP = 'I' WHERE ITEM_NO = ?", item);
        run(siteA, JobType.PRODUCTS, RunTrigger.MANUAL);
        inventory = run(siteA, JobType.INVENTORY, RunTrigger.MANUAL);
        assertEquals("UPDATED", outcome(inventory, item), "tracked again, its stock is sent at once: " + inventory);
        product = storeA.productBySku(item).orElseThrow();
        assertTrue(product.get("manage_stock").asBoolean());
        assertEquals(cpInt("SELECT CAST(SUM(QTY_AVAIL) AS INT) FROM IM_INV WHERE ITEM_NO = ? AND LOC_ID IN ('WEB', 'MAIN')", item),
                product.get("stock_quantity").asInt());
    }

    @Test
    @Order(6)
    void aTwinNeverTakesOverItsTwinsProductAndSaysWhichItemToRename() throws Exception {
        for (Store store : List.of(storeA, storeB)) {
            JsonNode cafe = store.productBySku(OddItems.ACCENTED).orElseThrow();
            assertEquals("Café crème 250 g", cafe.get("name").asText(), "the decaf did not rename it: " + cafe);
            assertTrue(store.productBySku(OddItems.ACCENT_TWIN).isEmpty());
            assertEquals("Tee, adult", store.productBySku(OddItems.CASE_TWIN_UPPER).orElseThrow().get("name").asText());
            assertTrue(store.productBySku(OddItems.CASE_TWIN_LOWER).isEmpty());
        }
        // a change of the twin, read by an incremental run: WooCommerce's look-up of CAFE-01 now answers CAFÉ-01's product
        cpUpdate("UPDATE IM_ITEM SET DESCR = 'Cafe creme decaf 500 g' WHERE ITEM_NO = ?", OddItems.ACCENT_TWIN);
        int writesBefore = storeA.productsJson().size();
        JsonNode run = run(siteA, JobType.PRODUCTS, RunTrigger.MANUAL);
        JsonNode twin = failedItem(run, OddItems.ACCENT_TWIN);
        assertEquals("SKU_TWIN", twin.get("errorCode").asText(), twin.toString());
        assertTrue(twin.get("reason").asText().contains("CAFÉ-01 is WooCommerce product #"
                + storeA.productBySku(OddItems.ACCENTED).orElseThrow().get("id").asText()), twin.toString());
        assertEquals("Rename one of the two items in Counterpoint; WooCommerce treats CAFE-01 and CAFÉ-01 as the same SKU",
                twin.get("actionHint").asText());
        assertEquals("Café crème 250 g", storeA.productBySku(OddItems.ACCENTED).orElseThrow().get("name").asText(),
                "the twin's change did not reach CAFÉ-01's product");
        assertEquals(writesBefore, storeA.productsJson().size());
        assertEquals("none", outcome(run, OddItems.ACCENTED), run.toString());
        assertEquals(0, SharedPostgres.countAsTenant(tenant, "SELECT count(*) FROM catalog_links WHERE item_no = ?",
                OddItems.ACCENT_TWIN), "the twin is linked to nothing");
        assertEquals(0, run(siteA, JobType.PRODUCTS, RunTrigger.MANUAL).get("itemsRead").asInt(),
                "a twin does not hold the feed: it comes again when it changes");

        JsonNode full = run(siteB, JobType.PRODUCTS, RunTrigger.FULL_RESYNC);
        assertEquals("SKU_TWIN", failedItem(full, OddItems.CASE_TWIN_LOWER).get("errorCode").asText(), full.toString());
        assertEquals("Tee, adult", storeB.productBySku(OddItems.CASE_TWIN_UPPER).orElseThrow().get("name").asText());
    }

    @Test
    @Order(7)
    void anItemWithoutAPriceIsKeptAsADraftUntilItHasOneThenPublished() throws Exception {
        for (Store store : List.of(storeA, storeB)) {
            JsonNode box = store.productBySku(OddItems.NO_PRICE).orElseThrow();
            assertEquals("draft", box.get("status").asText(), "nobody sees a product that cannot be bought: " + box);
            assertEquals("", box.get("regular_price").asText());
        }
        JsonNode created = runs(siteA, JobType.PRODUCTS).stream().filter(r -> !outcome(r, OddItems.NO_PRICE).equals("none"))
                .map(r -> item(r, OddItems.NO_PRICE)).findFirst().orElseThrow();
        assertEquals("CREATED", created.get("outcome").asText());
        assertEquals("kept as draft: no price in Counterpoint at level REG_PRC; published as soon as it has one",
                created.get("reason").asText(), created.toString());
        JsonNode stillNone = run(siteA, JobType.PRICING, RunTrigger.MANUAL);
        assertEquals("SUCCEEDED", stillNone.get("status").asText(), "waiting for a price is no failure: " + stillNone);

        new StoreSimulator(cp).changePrice(OddItems.NO_PRICE, com.counterlink.counterpoint.demo.PriceLevel.REG_PRC,
                new BigDecimal("7.50"));
        JsonNode priced = run(siteA, JobType.PRICING, RunTrigger.MANUAL);
        JsonNode published = item(priced, OddItems.NO_PRICE);
        assertEquals("UPDATED", published.get("outcome").asText(), priced.toString());
        assertEquals("published: it has a price in Counterpoint now (kept as draft until then)", published.get("reason").asText());
        JsonNode box = storeA.productBySku(OddItems.NO_PRICE).orElseThrow();
        assertEquals("publish", box.get("status").asText(), box.toString());
        assertEquals("7.50", box.get("regular_price").asText());
        assertTrue(box.get("purchasable").asBoolean());
        assertEquals("draft", storeB.productBySku(OddItems.NO_PRICE).orElseThrow().get("status").asText(),
                "store B sells PRC_1, still without a price");
    }

    @Test
    @Order(8)
    void everyProductChangeSaysWhy() throws Exception {
        cpUpdate("UPDATE IM_ITEM SET IS_ECOMM_ITEM = 'N' WHERE ITEM_NO = ?", OddItems.SPACED);
        JsonNode unflagged = run(siteA, JobType.PRODUCTS, RunTrigger.MANUAL);
        JsonNode off = item(unflagged, OddItems.SPACED);
        assertEquals("UPDATED", off.get("outcome").asText(), unflagged.toString());
        assertEquals("unpublished (draft): the e-commerce flag was removed in Counterpoint", off.get("reason").asText());
        assertEquals("draft", storeA.productBySku(OddItems.SPACED).orElseThrow().get("status").asText());

        cpUpdate("UPDATE IM_ITEM SET IS_ECOMM_ITEM = 'Y' WHERE ITEM_NO = ?", OddItems.SPACED);
        JsonNode flagged = run(siteA, JobType.PRODUCTS, RunTrigger.MANUAL);
        assertEquals("re-published (publish): flagged for e-commerce again in Counterpoint",
                item(flagged, OddItems.SPACED).get("reason").asText(), flagged.toString());
        assertEquals("publish", storeA.productBySku(OddItems.SPACED).orElseThrow().get("status").asText());
    }

    // ---- helpers ------------------------------------------------------------------------

    /** The runs of a job at a store, oldest first, each with its items. */
    private List<JsonNode> runs(String site, JobType job) {
        List<JsonNode> runs = new ArrayList<>();
        for (JsonNode summary : api.get("/api/tenants/" + tenant + "/stores/" + site + "/runs?jobType=" + job, stack.token()).json()) {
            JsonNode detail = api.get("/api/tenants/" + tenant + "/stores/" + site + "/runs/" + summary.get("id").asText(),
                    stack.token()).json();
            ObjectNode run = ((ObjectNode) detail.get("run")).deepCopy();
            run.set("items", detail.get("items"));
            runs.add(run);
        }
        runs.sort(java.util.Comparator.comparing(r -> r.get("startedAt").asText()));
        return runs;
    }

    private static JsonNode item(JsonNode run, String key) {
        for (JsonNode item : run.get("items")) {
            if (item.get("itemKey").asText().equals(key)) {
                return item;
            }
        }
        throw new AssertionError("no run item for " + key + " in " + run);
    }

    /** A shopper's checkout, completed at once; answers WooCommerce's order id. */
    private long checkout(Store store, List<String> skus, List<Integer> quantities) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("status", "completed").put("payment_method", "stripe").put("customer_id", 0);
        body.putObject("billing").put("first_name", "Ada").put("last_name", "Lovelace").put("email", "ada.odd@example.org")
                .put("address_1", "12 St James's Square").put("city", "London").put("postcode", "SW1Y 4JH").put("country", "GB");
        com.fasterxml.jackson.databind.node.ArrayNode lines = body.putArray("line_items");
        for (int i = 0; i < skus.size(); i++) {
            lines.addObject().put("sku", skus.get(i)).put("quantity", quantities.get(i));
        }
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.woo.sandbox.baseUrl() + "/__sandbox/stores/"
                        + store.name() + "/checkout")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), "the admission can be bought: " + response.body());
        return JSON.readTree(response.body()).get("id").asLong();
    }

    /** The Counterpoint document the order was written as. */
    private long written(String site, long wooId) {
        for (JsonNode o : api.get("/api/tenants/" + tenant + "/orders?siteId=" + site + "&q=" + wooId, stack.token()).json()) {
            if (o.get("wooOrderId").asLong() == wooId) {
                assertEquals("WRITTEN", o.get("state").asText(), o.toString());
                return api.get("/api/tenants/" + tenant + "/orders/" + o.get("id").asText(), stack.token()).json()
                        .at("/order/cpDocId").asLong();
            }
        }
        throw new AssertionError("order " + wooId + " is not in the ledger");
    }

    private List<String> documentLines(long docId) throws SQLException {
        return cpStrings("SELECT ITEM_NO || ' ' || CAST(CAST(QTY_SOLD AS INT) AS VARCHAR) FROM PS_DOC_LIN WHERE DOC_ID = " + docId
                + " ORDER BY LIN_SEQ_NO");
    }

    /** Inventory runs a change started (web orders' allocations do). */
    private int changeRuns(String site) {
        int runs = 0;
        for (JsonNode run : api.get("/api/tenants/" + tenant + "/stores/" + site + "/runs?jobType=INVENTORY", stack.token()).json()) {
            runs += run.get("runTrigger").asText().equals("CHANGE") ? 1 : 0;
        }
        return runs;
    }

    private int sellableTrackingStock(String site) throws SQLException {
        return (int) SharedPostgres.countAsTenant(tenant, "SELECT count(*) FROM catalog_links WHERE site_id = ?"
                + " AND NOT (gridded AND cell = '') AND tracks_stock", UUID.fromString(site));
    }

    private String watermarkItem(String site, JobType job) throws SQLException {
        try (Connection c = SharedPostgres.appConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement scope = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                scope.setString(1, tenant);
                scope.executeQuery();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT item_no FROM sync_watermarks WHERE site_id = ? AND job_type = ?")) {
                s.setObject(1, UUID.fromString(site));
                s.setString(2, job.name());
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next() ? rows.getString(1) : null;
                } finally {
                    c.commit();
                }
            }
        }
    }

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

    private void putSettings(String site, String json) {
        ApiClient.Response saved = api.send("PUT", "/api/tenants/" + tenant + "/stores/" + site + "/sync-settings", stack.token(), json);
        assertEquals(200, saved.status(), saved.toString());
    }

    private JsonNode run(String site, JobType job, RunTrigger trigger) throws InterruptedException {
        Optional<UUID> runId = runner.run(UUID.fromString(tenant), UUID.fromString(site), job, trigger);
        for (int attempt = 0; runId.isEmpty() && attempt < 150; attempt++) {
            // a scheduled run of the same job holds the store's lock: wait for it, as the next interval would
            Thread.sleep(200);
            runId = runner.run(UUID.fromString(tenant), UUID.fromString(site), job, trigger);
        }
        assertTrue(runId.isPresent(), "the run started");
        JsonNode detail = api.get("/api/tenants/" + tenant + "/stores/" + site + "/runs/" + runId.get(), stack.token()).json();
        ObjectNode run = ((ObjectNode) detail.get("run")).deepCopy();
        run.set("items", detail.get("items"));
        return run;
    }

    private static String outcome(JsonNode run, String key) {
        for (JsonNode item : run.get("items")) {
            if (item.get("itemKey").asText().equals(key)) {
                return item.get("outcome").asText();
            }
        }
        return "none";
    }

    private static JsonNode failedItem(JsonNode run, String key) {
        for (JsonNode item : run.get("items")) {
            if (item.get("itemKey").asText().equals(key) && item.get("outcome").asText().equals("FAILED")) {
                return item;
            }
        }
        throw new AssertionError("no failure recorded for " + key + " in " + run);
    }

    private void cpUpdate(String sql, String itemNo) throws SQLException {
        try (PreparedStatement s = cp.prepareStatement(sql)) {
            s.setString(1, itemNo);
            s.executeUpdate();
        }
    }

    private int cpInt(String sql, String itemNo) throws SQLException {
        try (PreparedStatement s = cp.prepareStatement(sql)) {
            s.setString(1, itemNo);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return Math.max(0, rows.getInt(1));
            }
        }
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
}
