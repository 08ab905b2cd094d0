package com.counterlink.sync.catalog;

import com.counterlink.counterpoint.demo.CounterpointDemoServer;
import com.counterlink.counterpoint.demo.DemoStoreSetup;
import com.counterlink.counterpoint.demo.PriceLevel;
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
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pricing job's change feed and web category changes, end to end: the demo Counterpoint database,
 * a real bridge process, the backend and a sandbox store whose sales come from the promotions and
 * whose categories are owned by the connector.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PriceFeedEndToEndTest extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();
    static final String CP_PASSWORD = "Cp-Prices-5";

    @Inject
    EmbeddedServer server;
    @Inject
    SyncJobRunner runner;

    CatalogStack stack;
    CounterpointDemoServer counterpoint;
    Connection cp;
    ApiClient api;
    String token;
    String tenant;
    Store store;
    String site;
    int mapped;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(WooStoresFixture.backendProperties(PORT));
        properties.put("counterlink.catalog.follow-up-runs", "false");
        return properties;
    }

    @BeforeAll
    void start() throws Exception {
        stack = CatalogStack.start(server.getURL(), "prices", "Price Feed Provisions", 120, 20_261_201L, CP_PASSWORD, 1);
        counterpoint = stack.counterpoint;
        cp = stack.cp;
        api = stack.api;
        token = stack.token();
        tenant = stack.tenant;
        store = stack.store(0);
        site = stack.site(0);
        // intervals long enough that only the runs this test starts (or the change probe's) run
        for (JobType job : List.of(JobType.PRODUCTS, JobType.INVENTORY, JobType.PRICING)) {
            assertEquals(200, api.send("PUT", storePath() + "/jobs/" + job, token, "{\"enabled\":true,\"intervalSeconds\":86400}")
                    .status());
        }
        assertEquals(200, api.send("PUT", storePath() + "/sync-settings", token, "{\"locations\":[\"WEB\"],"
                + "\"saleSource\":\"PROMOTIONS\",\"newProductsAsDraft\":false,\"ownership\":{\"categories\":\"ALWAYS\"}}").status());
        JsonNode products = run(JobType.PRODUCTS);
        assertEquals("SUCCEEDED", products.get("status").asText(), products.toString());
    }

    @AfterAll
    void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void anIncrementalPricingRunAsksTheBridgeOnlyForTheThreeChangedItemsAndSendsOneBatch() throws Exception {
        JsonNode first = run(JobType.PRICING);
        assertEquals("SUCCEEDED", first.get("status").asText(), first.toString());
        assertEquals(0, first.get("itemsRead").asInt(), "the store's first products run created every product priced and"
                + " handed the price feed's position over: nothing to read again: " + first);
        JsonNode verified = run(JobType.PRICING, RunTrigger.FULL_RESYNC);
        mapped = verified.get("itemsRead").asInt();
        assertTrue(mapped > 100, "a full resync reads every mapped product and variation: " + verified);
        assertEquals(mapped, verified.get("itemsUnchanged").asInt(), "and finds every price as the products run sent it: " + verified);

        JsonNode quiet = run(JobType.PRICING);
        assertEquals(0, quiet.get("itemsRead").asInt(), "nothing changed, nothing read: " + quiet);
        assertEquals(0, quiet.get("itemsUpdated").asInt());

        List<String> changed = webItems("i.TRK_METH = 'N'").subList(3, 6);
        StoreSimulator simulator = new StoreSimulator(cp);
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < changed.size(); i++) {
            BigDecimal price = new BigDecimal("70.1" + i);
            simulator.changePrice(changed.get(i), PriceLevel.REG_PRC, price);
            expected.put(changed.get(i), price.setScale(2, RoundingMode.HALF_UP).toPlainString());
        }
        long batches = store.batchRequests();
        long priceReads = bridgeTasks("READ_PRICES");
        long feedReads = bridgeTasks("READ_PRICE_CHANGES");
        JsonNode incremental = run(JobType.PRICING);
        assertEquals("SUCCEEDED", incremental.get("status").asText(), incremental.toString());
        assertEquals(3, incremental.get("itemsRead").asInt(), "only the three items in the price feed: " + incremental);
        assertEquals(3, incremental.get("itemsUpdated").asInt());
        assertEquals(1, store.batchRequests() - batches, "one WooCommerce batch");
        assertEquals(1, bridgeTasks("READ_PRICE_CHANGES") - feedReads, "one page of the feed");
        assertEquals(2, bridgeTasks("READ_PRICES") - priceReads, "the regular level and Price-1 (the rules' basis), for those three");
        expected.forEach((itemNo, price) -> assertEquals(price, product(itemNo).get("regular_price").asText(), itemNo));

        JsonNode full = run(JobType.PRICING, RunTrigger.FULL_RESYNC);
        assertEquals(mapped, full.get("itemsRead").asInt(), "a full resync still reads every mapped item");
        assertEquals(0, full.get("itemsUpdated").asInt(), "and finds nothing the feed missed: " + full);
    }

    @Test
    @Order(2)
    void aChangedOrDeletedPromotionalRuleRereadsEveryMappedItemAndSendsOnlyTheAffectedOnes() throws Exception {
        List<String> apparel = webItems("i.TRK_METH = 'N' AND i.CATEG_COD = 'APPAREL'");
        List<String> footwear = webItems("i.TRK_METH = 'N' AND i.CATEG_COD = 'FOOTWEAR'");
        assertFalse(apparel.isEmpty() || footwear.isEmpty(), "the demo data has apparel and footwear web items");
        Map<String, String> salesBefore = salePrices();
        update("UPDATE IM_PRC_RUL_BRK SET AMT_OR_PCT = 30 WHERE GRP_TYP = 'P' AND GRP_COD = ?", DemoStoreSetup.ACTIVE_PROMOTION);

        JsonNode ruled = run(JobType.PRICING);
        assertEquals(mapped, ruled.get("itemsRead").asInt(), "a rule may concern any item: every mapped item is read: " + ruled);
        assertTrue(ruled.get("statusReason").asText("").contains("promotional price rules changed"), ruled.toString());
        Set<String> changedSales = changedSince(salesBefore);
        assertEquals(changedSales.size(), ruled.get("itemsUpdated").asInt(), "only the products whose sale moved are sent");
        assertTrue(changedSales.containsAll(apparel) && !changedSales.isEmpty() && changedSales.size() < mapped, changedSales.toString());
        String item = apparel.getFirst();
        assertEquals(cpDecimal("SELECT PRC_1 FROM IM_PRC WHERE ITEM_NO = ?", item).multiply(new BigDecimal("0.7"))
                .setScale(2, RoundingMode.HALF_UP).toPlainString(), product(item).get("sale_price").asText(), "30% off Price-1 now");

        JsonNode after = run(JobType.PRICING);
        assertEquals(0, after.get("itemsRead").asInt(), "the rule change is accounted for: " + after);

        List<String> summerSales = footwear.stream().filter(i -> !product(i).get("sale_price").asText().isEmpty()).toList();
        assertFalse(summerSales.isEmpty(), "footwear above 39.99 gets the coming summer price");
        assertTrue(product(summerSales.getFirst()).hasNonNull("date_on_sale_from_gmt"), "the summer promotion is sent ahead");
        update("DELETE FROM IM_PRC_RUL_BRK WHERE GRP_TYP = 'P' AND GRP_COD = ?", DemoStoreSetup.FUTURE_PROMOTION);
        update("DELETE FROM IM_PRC_RUL WHERE GRP_TYP = 'P' AND GRP_COD = ?", DemoStoreSetup.FUTURE_PROMOTION);
        update("DELETE FROM IM_PRC_GRP WHERE GRP_TYP = 'P' AND GRP_COD = ?", DemoStoreSetup.FUTURE_PROMOTION);
        salesBefore = salePrices();
        JsonNode deleted = run(JobType.PRICING);
        assertEquals(mapped, deleted.get("itemsRead").asInt(), "a deleted promotion leaves no stamp but fewer rule rows: " + deleted);
        assertTrue(changedSince(salesBefore).containsAll(summerSales), "footwear lost its coming sale");
        assertEquals(changedSince(salesBefore).size(), deleted.get("itemsUpdated").asInt());
        assertEquals("", product(summerSales.getFirst()).get("sale_price").asText());
        assertNull(product(summerSales.getFirst()).get("date_on_sale_from_gmt").textValue());
    }

    @Test
    @Order(3)
    void aPromotionThatBeginsWithoutAnyRowChangingReachesWooCommerceAtTheNextIncrementalRun() throws Exception {
        String item = webItems("i.TRK_METH = 'N' AND i.CATEG_COD = 'APPAREL'").get(1);
        String springSale = product(item).get("sale_price").asText();
        LocalDateTime begins = LocalDateTime.now(ZoneOffset.UTC).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        // listed before the spring sale, so once it runs it is the item's promotion
        update("INSERT INTO IM_PRC_GRP (GRP_TYP, GRP_COD, GRP_SEQ_NO, DESCR, NO_BEG_DAT, BEG_DAT, NO_END_DAT, END_DAT, ENABLED)"
                + " VALUES ('P', 'FLASH', 0, 'Flash sale', 'N', ?, 'N', ?, 'Y')", begins, begins.plusDays(1));
        update("INSERT INTO IM_PRC_RUL (GRP_TYP, GRP_COD, RUL_SEQ_NO, DESCR, ITEM_FILT) VALUES ('P', 'FLASH', 1, 'One item',"
                + " ?)", "(IM_ITEM.ITEM_NO = '" + item + "')");
        update("INSERT INTO IM_PRC_RUL_BRK (GRP_TYP, GRP_COD, RUL_SEQ_NO, MIN_QTY, PRC_METH, PRC_BASIS, AMT_OR_PCT)"
                + " VALUES ('P', 'FLASH', 1, 1, 'F', '!', 1.00)");
        JsonNode before = run(JobType.PRICING);
        assertEquals(mapped, before.get("itemsRead").asInt(), before.toString());
        assertEquals(springSale, product(item).get("sale_price").asText(), "the flash sale has not begun: the running one holds");

        while (!LocalDateTime.now(ZoneOffset.UTC).isAfter(begins)) {
            Thread.sleep(100);
        }
        JsonNode begun = run(JobType.PRICING);
        assertTrue(begun.get("statusReason").asText("").contains("A promotion began or ended"), begun.toString());
        assertEquals(mapped, begun.get("itemsRead").asInt(), "no row changed, yet every item is priced again: " + begun);
        assertEquals(1, begun.get("itemsUpdated").asInt(), begun.toString());
        assertEquals("1.00", product(item).get("sale_price").asText());

        JsonNode after = run(JobType.PRICING);
        assertEquals(0, after.get("itemsRead").asInt(), "that moment is accounted for: " + after);
    }

    @Test
    @Order(4)
    void anItemMovedToAnotherWebCategoryGetsItAtTheNextIncrementalProductsRun() throws Exception {
        run(JobType.PRODUCTS); // the price changes above stamped their items
        String item = webItems("i.TRK_METH = 'N' AND i.ITEM_NO IN (SELECT ITEM_NO FROM EC_CATEG_ITEM)").getFirst();
        int from = cpInt("SELECT MIN(CATEG_ID) FROM EC_CATEG_ITEM WHERE ITEM_NO = ?", item);
        int to = cpInt("SELECT MIN(CATEG_ID) FROM EC_CATEG WHERE CATEG_ID NOT IN (SELECT CATEG_ID FROM EC_CATEG_ITEM"
                + " WHERE ITEM_NO = ?)", item);
        update("UPDATE EC_CATEG_ITEM SET CATEG_ID = ? WHERE ITEM_NO = ? AND CATEG_ID = ?", to, item, from);

        JsonNode moved = run(JobType.PRODUCTS);
        assertEquals("SUCCEEDED", moved.get("status").asText(), moved.toString());
        assertEquals(1, moved.get("itemsRead").asInt(), "only the re-categorized item, though IM_ITEM did not change: " + moved);
        assertEquals(cpCategories(item), categoryNames(item), "the product's categories are the item's web categories now");
    }

    @Test
    @Order(5)
    void theChangeProbeStartsTheProductsRunForACategoryChangeAndThePricingRunForARuleChange() throws Exception {
        stack.restartBridge(1);
        // the probe's first marks are only recorded: a change is one that comes after them
        Instant until = Instant.now().plusSeconds(60);
        while (bridgeMarks().startsWith("null") && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
        assertFalse(bridgeMarks().startsWith("null"), "the restarted bridge's probe reported its first marks");
        Set<String> products = runIds(JobType.PRODUCTS);
        Set<String> pricing = runIds(JobType.PRICING);

        String item = webItems("i.TRK_METH = 'N' AND i.ITEM_NO IN (SELECT ITEM_NO FROM EC_CATEG_ITEM)").get(1);
        int added = cpInt("SELECT MIN(CATEG_ID) FROM EC_CATEG WHERE CATEG_ID NOT IN (SELECT CATEG_ID FROM EC_CATEG_ITEM"
                + " WHERE ITEM_NO = ?)", item);
        update("INSERT INTO EC_CATEG_ITEM (CATEG_ID, ITEM_NO, ENTRY_SEQ_NO) VALUES (?, ?, 9)", added, item);
        Set<String> expected = cpCategories(item);
        awaitRun(JobType.PRODUCTS, products, run -> run.get("runTrigger").asText().equals("CHANGE")
                && expected.equals(categoryNames(item)));

        String apparel = webItems("i.TRK_METH = 'N' AND i.CATEG_COD = 'APPAREL'").get(2);
        update("UPDATE IM_PRC_RUL_BRK SET AMT_OR_PCT = 50 WHERE GRP_TYP = 'P' AND GRP_COD = ?", DemoStoreSetup.ACTIVE_PROMOTION);
        String half = cpDecimal("SELECT PRC_1 FROM IM_PRC WHERE ITEM_NO = ?", apparel).multiply(new BigDecimal("0.5"))
                .setScale(2, RoundingMode.HALF_UP).toPlainString();
        awaitRun(JobType.PRICING, pricing, run -> run.get("runTrigger").asText().equals("CHANGE")
                && half.equals(product(apparel).get("sale_price").asText()));
    }

    // ---- helpers ------------------------------------------------------------------------

    private String storePath() {
        return "/api/tenants/" + tenant + "/stores/" + site;
    }

    private JsonNode run(JobType job) {
        return run(job, RunTrigger.MANUAL);
    }

    private JsonNode run(JobType job, RunTrigger trigger) {
        java.util.Optional<UUID> runId = runner.run(UUID.fromString(tenant), UUID.fromString(site), job, trigger);
        for (int attempt = 0; runId.isEmpty() && attempt < 150; attempt++) {
            sleep(200); // a change-driven run holds the store's lock: wait for it
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

    /** A finished run of the job, not among {@code earlier}, for which {@code wanted} holds, within 60 s. */
    private void awaitRun(JobType job, Set<String> earlier, Predicate<JsonNode> wanted) {
        Instant until = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(until)) {
            ApiClient.Response runs = api.get(storePath() + "/runs?jobType=" + job.name(), token);
            assertEquals(200, runs.status(), runs.toString());
            for (JsonNode run : runs.json()) {
                if (!earlier.contains(run.get("id").asText()) && run.hasNonNull("finishedAt")
                        && wanted.test(detail(run.get("id").asText()))) {
                    return;
                }
            }
            sleep(200);
        }
        throw new AssertionError("no " + job + " run started by the change probe did what was expected; the bridge's marks: "
                + bridgeMarks() + "; runs: " + api.get(storePath() + "/runs?jobType=" + job.name(), token).json());
    }

    private JsonNode product(String sku) {
        return store.productBySku(sku).orElseThrow(() -> new AssertionError("no product " + sku));
    }

    /** SKU → sale price of every simple product and variation (what the pricing job writes). */
    private Map<String, String> salePrices() {
        return store.locked(() -> {
            Map<String, String> sales = new HashMap<>();
            store.products.values().stream().filter(p -> !p.type.equals("variable"))
                    .forEach(p -> sales.put(p.sku, p.salePrice == null ? "" : p.salePrice));
            return sales;
        });
    }

    private Set<String> changedSince(Map<String, String> before) {
        Set<String> changed = new HashSet<>();
        salePrices().forEach((sku, sale) -> {
            if (!sale.equals(before.get(sku))) {
                changed.add(sku);
            }
        });
        return changed;
    }

    private Set<String> categoryNames(String sku) {
        Set<String> names = new HashSet<>();
        product(sku).path("categories").forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    private Set<String> cpCategories(String itemNo) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement s = cp.prepareStatement("SELECT c.DESCR FROM EC_CATEG_ITEM m JOIN EC_CATEG c ON c.CATEG_ID = m.CATEG_ID"
                + " WHERE m.ITEM_NO = ?")) {
            s.setString(1, itemNo);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    /** Simple web items (with a price) matching {@code where} on IM_ITEM i, in item order. */
    private List<String> webItems(String where) throws SQLException {
        List<String> list = new ArrayList<>();
        try (PreparedStatement s = cp.prepareStatement("SELECT i.ITEM_NO FROM IM_ITEM i JOIN IM_PRC p ON p.ITEM_NO = i.ITEM_NO"
                + " WHERE i.IS_ECOMM_ITEM = 'Y' AND p.REG_PRC > 0 AND " + where + " ORDER BY i.ITEM_NO");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                list.add(rows.getString(1));
            }
        }
        return list;
    }

    private void update(String sql, Object... args) throws SQLException {
        try (PreparedStatement s = cp.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            assertTrue(s.executeUpdate() > 0, sql);
        }
    }

    private int cpInt(String sql, String itemNo) throws SQLException {
        try (PreparedStatement s = cp.prepareStatement(sql)) {
            s.setString(1, itemNo);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private BigDecimal cpDecimal(String sql, String itemNo) throws SQLException {
        try (PreparedStatement s = cp.prepareStatement(sql)) {
            s.setString(1, itemNo);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getBigDecimal(1);
            }
        }
    }

    private String bridgeMarks() {
        try (Connection c = SharedPostgres.appConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement scope = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                scope.setString(1, tenant);
                scope.executeQuery();
            }
            try (PreparedStatement marks = c.prepareStatement("SELECT items_changed_at, stock_changed_at, prices_changed_at,"
                    + " last_seen_at FROM bridges WHERE tenant_id = ?")) {
                marks.setObject(1, UUID.fromString(tenant));
                try (ResultSet rows = marks.executeQuery()) {
                    StringBuilder text = new StringBuilder();
                    while (rows.next()) {
                        text.append(rows.getObject(1)).append(" / ").append(rows.getObject(2)).append(" / ")
                                .append(rows.getObject(3)).append(" seen ").append(rows.getObject(4)).append("; ");
                    }
                    c.commit();
                    return text.toString();
                }
            }
        } catch (SQLException e) {
            return e.toString();
        }
    }

    private long bridgeTasks(String operation) throws SQLException {
        return SharedPostgres.countAsTenant(tenant, "SELECT count(*) FROM bridge_tasks WHERE tenant_id = ? AND operation = ?",
                UUID.fromString(tenant), operation);
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
