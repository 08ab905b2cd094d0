package com.counterlink.orders;

import com.counterlink.bridge.BridgeCalls;
import com.counterlink.bridge.BridgeProcess;
import com.counterlink.bridge.CallOutcome;
import com.counterlink.bridge.protocol.operations.CreateCustomer;
import com.counterlink.counterpoint.demo.CounterpointDemoServer;
import com.counterlink.counterpoint.demo.DemoServerOptions;
import com.counterlink.counterpoint.demo.StoreSimulator;
import com.counterlink.platform.net.OutboundUrlPolicy;
import com.counterlink.sync.JobType;
import com.counterlink.sync.RunTrigger;
import com.counterlink.sync.SyncJobRunner;
import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedKeycloak;
import com.counterlink.testing.SharedPostgres;
import com.counterlink.testing.WooStoresFixture;
import com.counterlink.woo.WooClient;
import com.counterlink.woo.WooClientConfig;
import com.counterlink.woo.WooCredentials;
import com.counterlink.woo.sandbox.settings.SettingCatalog;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Orders from a sandbox WooCommerce store to the demo Counterpoint through a real bridge process:
 * checkout → ingested (webhook hint or poll) → allocated → written once on the right customer with
 * totals to the cent → posted by the store simulator → allocation released.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdersEndToEndTest extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();
    private static final String CP_PASSWORD = "Cp-Secret-42";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;
    @Inject
    SyncJobRunner runner;
    @Inject
    BridgeCalls calls;

    Path workDir;
    Path config;
    CounterpointDemoServer counterpoint;
    BridgeProcess bridge;
    WooStoresFixture woo;
    ApiClient api;
    String token;
    UUID tenant;
    UUID site;
    Store store;
    WooClient shop;
    String simpleItem;
    String griddedSku;

    @Override
    protected Map<String, String> extraProperties() {
        return OrdersStack.backendProperties(PORT);
    }

    @BeforeAll
    void start() throws Exception {
        workDir = Files.createTempDirectory("orders-e2e");
        counterpoint = CounterpointDemoServer.start(new DemoServerOptions(0, 60, workDir.resolve("cp"), "counterpoint",
                20_240_601L, "sa", CP_PASSWORD));
        try (Connection c = counterpoint.connect(); PreparedStatement s = c.prepareStatement("SET DEFAULT_LOCK_TIMEOUT 120000")) {
            s.execute(); // the chaos tests hold a write in the middle with a row lock; H2 gives up after 1 s by default
        }
        api = new ApiClient(server.getURL());
        token = SharedKeycloak.token(SharedKeycloak.createUser("orders-owner"));
        woo = new WooStoresFixture();
        tenant = UUID.fromString(WooStoresFixture.newTenant(api, token, "Orders Outfitters"));
        store = woo.newStore();
        site = UUID.fromString(WooStoresFixture.link(api, token, tenant.toString(), store));
        assertEquals(200, api.post(storePath() + "/webhooks", token, null).status());

        // the bridge, enrolled from the portal's token and running as its own process
        config = workDir.resolve("bridge").resolve("counterlink-bridge.properties");
        Files.createDirectories(config.getParent());
        String enrollment = api.post("/api/tenants/" + tenant + "/bridges/enrollment-tokens", token, null).json()
                .get("token").asText();
        BridgeProcess enroll = BridgeProcess.start(workDir, "enroll", "--server", server.getURL().toString(), "--token",
                enrollment, "--name", "Back office", "--config", config.toString(), "--counterpoint-url",
                counterpoint.jdbcUrl(), "--counterpoint-user", "sa", "--counterpoint-password", CP_PASSWORD,
                "--heartbeat-seconds", "1");
        assertEquals(0, enroll.waitForExit(60), enroll.output());
        bridge = BridgeProcess.start(workDir, "run", "--config", config.toString());
        awaitBridge();

        // the store: taxes at 8.25 %, a 10 % coupon, products whose SKUs are Counterpoint item numbers
        store.setOption(SettingCatalog.CALC_TAXES, "yes");
        JsonNode key = sandboxJson("POST", "/keys", "{\"permissions\":\"read_write\"}");
        shop = WooClient.forStore(store.siteUrl(), new WooCredentials(key.path("consumer_key").asText(),
                key.path("consumer_secret").asText()), WooClientConfig.defaults(), new OutboundUrlPolicy(true));
        shop.post("taxes", JSON.createObjectNode().put("country", "").put("rate", "8.2500").put("name", "Tax")
                .put("shipping", false).put("order", 1));
        // shoppers in the US also pay it on shipping (the rate of the lower order wins within a priority)
        shop.post("taxes", JSON.createObjectNode().put("country", "US").put("rate", "8.2500").put("name", "Sales Tax")
                .put("shipping", true).put("order", 0));
        shop.post("coupons", JSON.createObjectNode().put("code", "TENOFF").put("discount_type", "percent").put("amount", "10"));
        try (Connection c = counterpoint.connect()) {
            simpleItem = one(c, "SELECT MIN(ITEM_NO) FROM IM_ITEM WHERE TRK_METH = 'N' AND ITEM_TYP = 'I'");
            String[] cell = row(c, "SELECT TOP 1 ITEM_NO, DIM_1_UPR, DIM_2_UPR, DIM_3_UPR FROM IM_INV_CELL WHERE LOC_ID ="
                    + " (SELECT STK_LOC_ID FROM PS_STR WHERE STR_ID = 'WEB') ORDER BY ITEM_NO, DIM_1_UPR, DIM_2_UPR");
            griddedSku = String.join("|", cell);
        }
        product(simpleItem, "19.99");
        product(griddedSku, "12.50");

        // order settings make order webhooks run the job at once; its interval is a day, so only webhooks and the
        // tests' own runs move orders
        assertEquals(200, api.send("PUT", storePath() + "/jobs/ORDERS", token,
                "{\"enabled\":true,\"intervalSeconds\":86400}").status());
        assertEquals(200, api.send("PUT", storePath() + "/order-settings", token, "{}").status());
    }

    @AfterAll
    void stop() throws Exception {
        if (bridge != null) {
            bridge.kill();
        }
        if (woo != null) {
            woo.close();
        }
        if (counterpoint != null) {
            counterpoint.close();
        }
    }

    @Test
    void aCheckoutIsWrittenOnceOnTheRightCustomerWithTotalsToTheCentThenPostedAndItsAllocationReleased() throws Exception {
        String email = "ada." + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        JsonNode order = checkout("completed", 0, email, "TENOFF",
                line(simpleItem, 2), line(griddedSku, 1));
        long wooId = order.get("id").asLong();
        BigDecimal wooTotal = new BigDecimal(order.get("total").asText());
        assertTrue(new BigDecimal(order.get("total_tax").asText()).signum() > 0, "taxes were charged: " + order);
        assertTrue(new BigDecimal(order.get("discount_total").asText()).signum() > 0, "the coupon applied: " + order);

        JsonNode written = awaitOrder(wooId, o -> o.get("state").asText().equals("WRITTEN"));
        UUID orderId = UUID.fromString(written.get("id").asText());
        JsonNode detail = api.get(ordersPath() + "/" + orderId, token).json();
        assertEquals(0, wooTotal.compareTo(new BigDecimal(detail.at("/order/total").asText())));
        long docId = detail.at("/order/cpDocId").asLong();
        String custNo = detail.at("/order/custNo").asText();
        try (Connection c = counterpoint.connect()) {
            assertEquals(0, wooTotal.compareTo(new BigDecimal(one(c, "SELECT TOT FROM PS_DOC_HDR_TOT WHERE DOC_ID = " + docId))),
                    "Counterpoint's total equals WooCommerce's to the cent");
            assertEquals(custNo, one(c, "SELECT CUST_NO FROM PS_DOC_HDR WHERE DOC_ID = " + docId));
            assertEquals(email, one(c, "SELECT LOWER(EMAIL_ADRS_1) FROM AR_CUST WHERE CUST_NO = '" + custNo + "'"));
            assertEquals("2", one(c, "SELECT COUNT(*) FROM PS_DOC_LIN WHERE DOC_ID = " + docId));
            assertEquals(ref(order.get("number").asText()), one(c, "SELECT REF FROM PS_DOC_HDR WHERE DOC_ID = " + docId),
                    "the store's reference prefix and the web order number are on the document");
            // the coupon is a line discount on the gross price, counted once
            BigDecimal discount = new BigDecimal(order.get("discount_total").asText());
            assertEquals(0, discount.compareTo(new BigDecimal(one(c, "SELECT SUM(DISC_AMT) FROM PS_DOC_DISC WHERE DOC_ID = "
                    + docId + " AND APPLY_TO = 'L'"))));
            assertEquals(0, discount.compareTo(new BigDecimal(one(c, "SELECT TOT_LIN_DISC FROM PS_DOC_HDR_TOT WHERE DOC_ID = "
                    + docId))));
            BigDecimal gross = new BigDecimal(one(c, "SELECT SUM(EXT_PRC) FROM PS_DOC_LIN WHERE DOC_ID = " + docId));
            assertEquals(0, gross.compareTo(new BigDecimal(one(c, "SELECT SUB_TOT FROM PS_DOC_HDR_TOT WHERE DOC_ID = " + docId))));
            BigDecimal wooGross = BigDecimal.ZERO;
            for (JsonNode line : order.get("line_items")) {
                wooGross = wooGross.add(new BigDecimal(line.get("subtotal").asText()));
            }
            assertEquals(0, wooGross.compareTo(gross), "lines at WooCommerce's price before the coupon");
            // shipping on the e-commerce misc charge, the fee on its own misc charge
            String shippingCharge = one(c, "SELECT ORD_MISC_CHRG_NO FROM EC_CTL");
            assertEquals("7.50", one(c, "SELECT MISC_AMT FROM PS_DOC_HDR_MISC_CHRG WHERE DOC_ID = " + docId
                    + " AND MISC_CHRG_NO = " + shippingCharge));
            assertEquals("2.00", one(c, "SELECT MISC_AMT FROM PS_DOC_HDR_MISC_CHRG WHERE DOC_ID = " + docId
                    + " AND MISC_CHRG_NO = 2"));
            assertEquals(0, wooTotal.compareTo(new BigDecimal(one(c, "SELECT SUB_TOT - TOT_LIN_DISC + TAX_AMT + TOT_MISC"
                    + " FROM PS_DOC_HDR_TOT WHERE DOC_ID = " + docId))), "Counterpoint's total formula gives WooCommerce's total");
            assertEquals(0, wooTotal.compareTo(new BigDecimal(one(c, "SELECT SUM(AMT) FROM PS_DOC_PMT WHERE DOC_ID = " + docId))));
        }
        JsonNode identity = identities(email).get(0);
        assertEquals("CREATED", identity.get("linkedHow").asText());
        assertEquals(custNo, identity.get("custNo").asText());

        // allocated until Counterpoint posts the ticket
        assertEquals(0, new BigDecimal("2").compareTo(allocated(simpleItem, orderId)));
        try (Connection c = counterpoint.connect()) {
            new StoreSimulator(c).postTicket(docId);
        }
        awaitOrder(wooId, o -> o.get("state").asText().equals("RELEASED"));
        JsonNode done = api.get(ordersPath() + "/" + orderId, token).json();
        List<String> states = new ArrayList<>();
        done.get("transitions").forEach(t -> states.add(t.get("to").asText()));
        assertEquals(List.of("RECEIVED", "ALLOCATED", "READY", "WRITTEN", "POSTED", "RELEASED"), states);
        done.get("allocations").forEach(a -> assertFalse(a.get("releasedAt").isNull(), a.toString()));
    }

    @Test
    void aTaxableFeeAndTaxedShippingAreInCounterpointsTaxableBaseWithTheTaxWooCommerceChargedToTheCent() throws Exception {
        JsonNode order = checkoutInTexas("completed", "texas." + UUID.randomUUID().toString().substring(0, 6) + "@example.org");
        assertEquals("0.41", order.get("shipping_tax").asText(), "WooCommerce taxed the shipping: " + order);
        assertEquals("0.21", order.at("/fee_lines/0/total_tax").asText(), "and the gift wrap");
        assertEquals("0.00", order.at("/fee_lines/1/total_tax").asText(), "but not the handling fee");
        BigDecimal wooTotal = new BigDecimal(order.get("total").asText());
        BigDecimal wooTax = new BigDecimal(order.get("total_tax").asText());
        BigDecimal wooLines = new BigDecimal(order.at("/line_items/0/total").asText());

        long docId = awaitOrder(order.get("id").asLong(), o -> o.get("state").asText().equals("WRITTEN")).get("cpDocId").asLong();
        assertTaxedAsTexasCheckout(docId, wooLines, wooTax, wooTotal);
    }

    @Test
    void anOrderTakenInBeforeTheLedgerKeptTheTaxOnShippingAndFeesIsReadAgainAndWrittenAsWooCommerceTaxedIt()
            throws Exception {
        JsonNode order = checkoutInTexas("processing", "upgrade." + UUID.randomUUID().toString().substring(0, 6) + "@example.org");
        long wooId = order.get("id").asLong();
        JsonNode allocated = awaitOrder(wooId, o -> o.get("state").asText().equals("ALLOCATED"));
        // as an order taken in by the version before V19 left it
        superuser("UPDATE web_orders SET taxable_shipping = NULL, taxable_fees = NULL WHERE id = ?",
                UUID.fromString(allocated.get("id").asText()));
        shop.put("orders/" + wooId, JSON.createObjectNode().put("status", "completed"));

        long docId = awaitOrder(wooId, o -> o.get("state").asText().equals("WRITTEN")).get("cpDocId").asLong();
        assertTaxedAsTexasCheckout(docId, new BigDecimal(order.at("/line_items/0/total").asText()),
                new BigDecimal(order.get("total_tax").asText()), new BigDecimal(order.get("total").asText()));
    }

    /** A checkout taxed on its line, its shipping (5.00) and its gift wrap fee (2.50), not on its handling fee (1.00). */
    private JsonNode checkoutInTexas(String status, String email) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("status", status).put("customer_id", 0)
                .put("payment_method", "stripe").put("payment_method_title", "Card");
        body.putObject("billing").put("first_name", "Jane").put("last_name", "Tester").put("email", email)
                .put("address_1", "100 Congress Ave").put("city", "Austin").put("state", "TX").put("postcode", "78701")
                .put("country", "US");
        body.putArray("line_items").add(line(simpleItem, 2));
        body.putArray("shipping_lines").addObject().put("method_id", "flat_rate").put("method_title", "Flat rate")
                .put("total", "5.00");
        body.putArray("fee_lines").add(JSON.createObjectNode().put("name", "Gift wrap").put("total", "2.50")
                .put("tax_status", "taxable")).add(JSON.createObjectNode().put("name", "Handling").put("total", "1.00")
                .put("tax_status", "none"));
        HttpResponse<String> created = sandbox("POST", "/checkout", body.toString());
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body());
    }

    /** What a Counterpoint tax report reads for the Texas checkout: the taxable base the tax was levied on, to the cent. */
    private void assertTaxedAsTexasCheckout(long docId, BigDecimal wooLines, BigDecimal wooTax, BigDecimal wooTotal)
            throws SQLException {
        try (Connection c = counterpoint.connect()) {
            String shippingCharge = one(c, "SELECT ORD_MISC_CHRG_NO FROM EC_CTL");
            assertEquals("5.00", one(c, "SELECT MISC_AMT FROM PS_DOC_HDR_MISC_CHRG WHERE DOC_ID = " + docId
                    + " AND MISC_CHRG_NO = " + shippingCharge));
            assertEquals("3.50", one(c, "SELECT MISC_AMT FROM PS_DOC_HDR_MISC_CHRG WHERE DOC_ID = " + docId
                    + " AND MISC_CHRG_NO = 2"), "both fees on the fee misc charge");
            assertEquals("5.00", one(c, "SELECT TXBL_MISC_CHG_AMT_" + shippingCharge + " FROM PS_DOC_TAX WHERE DOC_ID = " + docId),
                    "the shipping is taxable");
            assertEquals("2.50", one(c, "SELECT TXBL_MISC_CHG_AMT_2 FROM PS_DOC_TAX WHERE DOC_ID = " + docId),
                    "the gift wrap is taxable, the handling fee is not");
            BigDecimal base = wooLines.add(new BigDecimal("7.50"));
            assertEquals(0, wooLines.compareTo(new BigDecimal(one(c, "SELECT TXBL_LIN_AMT FROM PS_DOC_TAX WHERE DOC_ID = " + docId))));
            assertEquals(0, base.compareTo(new BigDecimal(one(c, "SELECT TOT_TXBL_AMT FROM PS_DOC_TAX WHERE DOC_ID = " + docId))));
            assertEquals(0, wooTax.compareTo(new BigDecimal(one(c, "SELECT TAX_AMT FROM PS_DOC_TAX WHERE DOC_ID = " + docId))));
            assertEquals(0, wooTax.compareTo(base.multiply(new BigDecimal("0.0825")).setScale(2, java.math.RoundingMode.HALF_UP)),
                    "8.25 % of Counterpoint's taxable base is the tax WooCommerce charged");
            assertEquals(0, wooTax.compareTo(new BigDecimal(one(c, "SELECT TAX_AMT FROM PS_DOC_HDR_TOT WHERE DOC_ID = " + docId))));
            assertEquals(0, new BigDecimal("8.50").compareTo(new BigDecimal(one(c, "SELECT TOT_MISC FROM PS_DOC_HDR_TOT"
                    + " WHERE DOC_ID = " + docId))));
            assertEquals(0, wooTotal.compareTo(new BigDecimal(one(c, "SELECT TOT FROM PS_DOC_HDR_TOT WHERE DOC_ID = " + docId))),
                    "Counterpoint's total equals WooCommerce's to the cent");
            assertEquals(0, wooTotal.compareTo(new BigDecimal(one(c, "SELECT SUB_TOT - TOT_LIN_DISC + TAX_AMT + TOT_MISC"
                    + " FROM PS_DOC_HDR_TOT WHERE DOC_ID = " + docId))));
            assertEquals(0, wooTotal.compareTo(new BigDecimal(one(c, "SELECT SUM(AMT) FROM PS_DOC_PMT WHERE DOC_ID = " + docId))));
        }
    }

    @Test
    void duplicateWebhooksRetriesAndARestartAfterTheWriteStillGiveOneDocument() throws Exception {
        JsonNode order = checkout("completed", 0, "dup." + UUID.randomUUID().toString().substring(0, 6) + "@example.org",
                null, line(simpleItem, 1));
        long wooId = order.get("id").asLong();
        // WooCommerce retrying its delivery under new delivery ids
        for (int i = 0; i < 3; i++) {
            superuser("INSERT INTO webhook_hints (tenant_id, site_id, delivery_id, topic, resource_id) VALUES (?, ?, ?,"
                    + " 'order.updated', ?)", tenant, site, "again-" + wooId + "-" + i, wooId);
        }
        JsonNode written = awaitOrder(wooId, o -> o.get("state").asText().equals("WRITTEN"));
        long docId = written.get("cpDocId").asLong();
        // the backend died after Counterpoint wrote the document and before the ledger recorded it
        superuser("UPDATE web_orders SET state = 'READY' WHERE id = ?", UUID.fromString(written.get("id").asText()));
        runOrders();
        JsonNode again = awaitOrder(wooId, o -> o.get("state").asText().equals("WRITTEN"));
        assertEquals(docId, again.get("cpDocId").asLong());
        try (Connection c = counterpoint.connect()) {
            assertEquals("1", one(c, "SELECT COUNT(*) FROM PS_DOC_HDR WHERE CUST_NO = '" + again.get("custNo").asText() + "'"));
        }
        JsonNode detail = api.get(ordersPath() + "/" + written.get("id").asText(), token).json();
        assertTrue(detail.get("transitions").toString().contains("already written"), detail.toString());
        assertEquals(1, api.get(ordersPath() + "?q=" + wooId, token).json().size(), "one ledger entry per order");
    }

    @Test
    void registeredCustomersMatchTheLowestCustNoByEmailAndKeepTheLinkAfterTheirEmailChanges() throws Exception {
        String email = "twin." + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        String first = createCpCustomer("twin-a-" + email, email);
        String second = createCpCustomer("twin-b-" + email, " " + email.toUpperCase() + " ");
        assertTrue(first.compareTo(second) < 0);
        long customerId = 40_000 + (long) (Math.random() * 10_000);

        long one = checkout("completed", customerId, email, null, line(simpleItem, 1)).get("id").asLong();
        assertEquals(first, awaitOrder(one, o -> o.get("state").asText().equals("WRITTEN")).get("custNo").asText());
        JsonNode identity = identities(email).get(0);
        assertEquals("EMAIL_MATCH", identity.get("linkedHow").asText());

        long two = checkout("completed", customerId, "changed." + email, null, line(simpleItem, 1)).get("id").asLong();
        assertEquals(first, awaitOrder(two, o -> o.get("state").asText().equals("WRITTEN")).get("custNo").asText(),
                "the stored link wins over the new email");

        // an owner relinks by hand: audited, and later orders follow
        ApiClient.Response relinked = api.send("PUT", "/api/tenants/" + tenant + "/customers/" + identity.get("id").asText(),
                token, "{\"custNo\":\"" + second + "\"}");
        assertEquals(200, relinked.status(), relinked.toString());
        assertEquals("MANUAL", relinked.json().get("linkedHow").asText());
        long three = checkout("completed", customerId, email, null, line(simpleItem, 1)).get("id").asLong();
        assertEquals(second, awaitOrder(three, o -> o.get("state").asText().equals("WRITTEN")).get("custNo").asText());
        assertTrue(api.get("/api/tenants/" + tenant + "/audit", token).body().contains("customer.relink"));
    }

    @Test
    void guestsAreMatchedByEmailTheSameWay() throws Exception {
        String email = "guest." + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        String existing = createCpCustomer("store-" + email, email);
        long one = checkout("completed", 0, "  " + email.toUpperCase(), null, line(simpleItem, 1)).get("id").asLong();
        assertEquals(existing, awaitOrder(one, o -> o.get("state").asText().equals("WRITTEN")).get("custNo").asText());
        long two = checkout("completed", 0, email, null, line(simpleItem, 1)).get("id").asLong();
        assertEquals(existing, awaitOrder(two, o -> o.get("state").asText().equals("WRITTEN")).get("custNo").asText());
        assertEquals(1, identities(email).size());
    }

    @Test
    void anItemMissingInCounterpointNeedsAttentionAndIsWrittenAfterTheFixAndARetry() throws Exception {
        String sku = "NEW-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        product(sku, "5.00");
        long wooId = checkout("completed", 0, "late@example.org", null, line(sku, 1)).get("id").asLong();
        JsonNode waiting = awaitOrder(wooId, o -> o.get("state").asText().equals("NEEDS_ATTENTION"));
        assertTrue(waiting.get("reason").asText().contains(sku), waiting.toString());
        assertEquals(0, BigDecimal.ONE.compareTo(allocated(sku, UUID.fromString(waiting.get("id").asText()))),
                "still allocated while it waits");

        try (Connection c = counterpoint.connect()) {
            copyItem(c, simpleItem, sku);
        }
        ApiClient.Response retried = api.post(ordersPath() + "/" + waiting.get("id").asText() + "/retry", token, null);
        assertEquals(200, retried.status(), retried.toString());
        JsonNode written = awaitOrder(wooId, o -> o.get("state").asText().equals("WRITTEN"));
        assertFalse(written.get("cpTicketNo").isNull());
    }

    @Test
    void anOrderCancelledBeforeItIsWrittenReleasesItsAllocation() throws Exception {
        long wooId = checkout("processing", 0, "fickle@example.org", null, line(simpleItem, 3)).get("id").asLong();
        JsonNode allocated = awaitOrder(wooId, o -> o.get("state").asText().equals("ALLOCATED"));
        UUID orderId = UUID.fromString(allocated.get("id").asText());
        assertEquals(0, new BigDecimal("3").compareTo(allocated(simpleItem, orderId)));
        shop.put("orders/" + wooId, JSON.createObjectNode().put("status", "cancelled"));
        awaitOrder(wooId, o -> o.get("state").asText().equals("CANCELLED"));
        assertEquals(0, BigDecimal.ZERO.compareTo(allocated(simpleItem, orderId)));
    }

    @Test
    void ordersTakenWhileTheBridgeIsDownWaitAndAreWrittenOnceWhenItReturns() throws Exception {
        bridge.kill();
        awaitBridgeOffline();
        String email = "outage." + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        long wooId = checkout("completed", 0, email, null, line(simpleItem, 1)).get("id").asLong();
        UUID run = runOrdersOnce();
        assertEquals("WAITING_FOR_BRIDGE", api.get(storePath() + "/runs/" + run, token).json().get("run").get("status").asText());
        JsonNode waiting = awaitOrder(wooId, o -> o.get("state").asText().equals("READY"));
        assertEquals(0, BigDecimal.ONE.compareTo(allocated(simpleItem, UUID.fromString(waiting.get("id").asText()))),
                "allocated while Counterpoint cannot be reached");

        bridge = BridgeProcess.start(workDir, "run", "--config", config.toString());
        awaitBridge();
        JsonNode written = awaitOrder(wooId, o -> o.get("state").asText().equals("WRITTEN"));
        try (Connection c = counterpoint.connect()) {
            assertEquals("1", one(c, "SELECT COUNT(*) FROM PS_DOC_HDR WHERE CUST_NO = '" + written.get("custNo").asText() + "'"));
        }
    }

    @Test
    void anOrderCreatedWebhookWritesTheOrderWithoutWaitingForTheInterval() throws Exception {
        String email = "hook." + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        Instant placed = Instant.now();
        long wooId = checkout("completed", 0, email, null, line(simpleItem, 1)).get("id").asLong();
        // nothing here runs the job: the sandbox's order.created delivery does
        JsonNode written = awaitOrderWithoutRunning(wooId, o -> o.get("state").asText().equals("WRITTEN"), Duration.ofSeconds(30));
        assertTrue(Duration.between(placed, Instant.now()).toSeconds() < 30, "well before the day-long interval");
        JsonNode detail = api.get(ordersPath() + "/" + written.get("id").asText(), token).json();
        // the webhook's run may find it by its hint, or a run another webhook started a moment earlier by its poll
        String seen = detail.get("transitions").get(0).get("reason").asText();
        assertTrue(seen.contains("seen by webhook") || seen.contains("seen by poll"), detail.toString());
        boolean triggered = false;
        for (JsonNode run : api.get(storePath() + "/runs?jobType=ORDERS", token).json()) {
            triggered |= run.get("runTrigger").asText().equals("CHANGE");
        }
        assertTrue(triggered, "a run started by the webhook");
    }

    @Test
    void aPartialRefundAfterWritingIsFlaggedForAPersonAndNothingIsWrittenAgain() throws Exception {
        JsonNode order = checkout("completed", 0, "refund." + UUID.randomUUID().toString().substring(0, 6) + "@example.org",
                null, line(simpleItem, 2));
        long wooId = order.get("id").asLong();
        JsonNode written = awaitOrder(wooId, o -> o.get("state").asText().equals("WRITTEN"));
        shop.post("orders/" + wooId + "/refunds", JSON.createObjectNode().put("amount", "5.00").put("reason", "scratched").put("api_refund", false));
        JsonNode flagged = awaitOrder(wooId, o -> !o.get("flag").isNull());
        assertEquals("WRITTEN", flagged.get("state").asText());
        assertTrue(flagged.get("flag").asText().contains("partly refunded") && flagged.get("flag").asText().contains("return ticket"),
                flagged.toString());
        try (Connection c = counterpoint.connect()) {
            assertEquals("1", one(c, "SELECT COUNT(*) FROM PS_DOC_HDR WHERE REF = '" + ref(order.get("number").asText()) + "'"));
            assertEquals(0, new BigDecimal(order.get("total").asText()).compareTo(new BigDecimal(one(c,
                    "SELECT TOT FROM PS_DOC_HDR_TOT WHERE DOC_ID = " + written.get("cpDocId").asLong()))), "not changed by us");
        }
        ApiClient.Response resolved = api.post(ordersPath() + "/" + flagged.get("id").asText() + "/resolve", token,
                "{\"note\":\"return ticket R-77 made in Counterpoint\"}");
        assertEquals(200, resolved.status(), resolved.toString());
        assertTrue(resolved.json().at("/order/flag").isNull());
        assertTrue(api.get("/api/tenants/" + tenant + "/audit", token).body().contains("order.resolve"));
    }

    @Test
    void aRefundBeforeWritingReleasesTheAllocationAndAPartialOneWaitsForAPerson() throws Exception {
        JsonNode full = checkout("processing", 0, "undo." + UUID.randomUUID().toString().substring(0, 6) + "@example.org",
                null, line(simpleItem, 2));
        long fullId = full.get("id").asLong();
        UUID fullOrder = UUID.fromString(awaitOrder(fullId, o -> o.get("state").asText().equals("ALLOCATED")).get("id").asText());
        assertEquals(0, new BigDecimal("2").compareTo(allocated(simpleItem, fullOrder)));
        shop.post("orders/" + fullId + "/refunds", JSON.createObjectNode().put("amount", full.get("total").asText()).put("api_refund", false));
        awaitOrder(fullId, o -> o.get("state").asText().equals("CANCELLED"));
        assertEquals(0, BigDecimal.ZERO.compareTo(allocated(simpleItem, fullOrder)), "a refunded order holds no stock");

        JsonNode partial = checkout("processing", 0, "half." + UUID.randomUUID().toString().substring(0, 6) + "@example.org",
                null, line(simpleItem, 3));
        long partialId = partial.get("id").asLong();
        UUID partialOrder = UUID.fromString(awaitOrder(partialId, o -> o.get("state").asText().equals("ALLOCATED"))
                .get("id").asText());
        shop.post("orders/" + partialId + "/refunds", JSON.createObjectNode().put("amount", "1.00").put("api_refund", false));
        JsonNode waiting = awaitOrder(partialId, o -> o.get("state").asText().equals("NEEDS_ATTENTION"));
        assertTrue(waiting.get("reason").asText().contains("partly refunded"), waiting.toString());
        assertEquals(0, new BigDecimal("3").compareTo(allocated(simpleItem, partialOrder)), "held until a person decides");
        shop.put("orders/" + partialId, JSON.createObjectNode().put("status", "completed"));
        runOrders();
        try (Connection c = counterpoint.connect()) {
            assertEquals("0", one(c, "SELECT COUNT(*) FROM PS_DOC_HDR WHERE REF IN ('" + ref(full.get("number").asText()) + "', '"
                    + ref(partial.get("number").asText()) + "')"), "neither is written by us");
        }
        assertEquals(200, api.post(ordersPath() + "/" + partialOrder + "/resolve", token,
                "{\"note\":\"entered by hand as ticket 5531\"}").status());
        assertEquals(0, BigDecimal.ZERO.compareTo(allocated(simpleItem, partialOrder)));
    }

    @Test
    void theBridgeKilledWhileWritingAndMissingWebhooksStillGiveExactlyOneDocumentWithTheRightCustomerAndTotals()
            throws Exception {
        pauseWebhooks();
        try {
            String email = "chaos." + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
            JsonNode order;
            Thread job;
            try (Connection lock = counterpoint.connect()) {
                holdTicketNumbers(lock);
                order = checkout("completed", 0, email, "TENOFF", line(simpleItem, 2), line(griddedSku, 1));
                job = Thread.ofVirtual().start(this::runOrdersQuietly);
                awaitWriteHeld();
                bridge.kill(); // in the middle of WriteDocument: its transaction is open in Counterpoint
                lock.rollback();
            }
            job.join(Duration.ofSeconds(90));
            try (Connection c = counterpoint.connect()) {
                assertEquals("0", one(c, "SELECT COUNT(*) FROM PS_DOC_HDR WHERE REF = '" + ref(order.get("number").asText()) + "'"),
                        "the killed write left nothing behind");
            }
            bridge = BridgeProcess.start(workDir, "run", "--config", config.toString());
            awaitBridge();
            JsonNode written = awaitOrder(order.get("id").asLong(), o -> o.get("state").asText().equals("WRITTEN"));
            assertExactlyOneDocument(order, written, email);
            assertTrue(api.get(ordersPath() + "/" + written.get("id").asText(), token).json().get("transitions").get(0)
                    .get("reason").asText().contains("seen by poll"), "found by the poll with its webhook missing");
        } finally {
            resumeWebhooks();
        }
    }

    @Test
    void aBackendReplicaDyingInTheMiddleOfTheJobIsTakenOverAndTheOrderIsWrittenOnce() throws Exception {
        pauseWebhooks();
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("micronaut.server.port", "-1");
        properties.put("jobrunr.background-job-server.enabled", "false");
        ApplicationContext replica = ApplicationContext.builder().environments("test").properties(properties).start();
        try {
            String email = "replica." + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
            JsonNode order;
            Thread job;
            try (Connection lock = counterpoint.connect()) {
                holdTicketNumbers(lock);
                order = checkout("completed", 0, email, null, line(griddedSku, 2));
                SyncJobRunner other = replica.getBean(SyncJobRunner.class);
                job = Thread.ofVirtual().start(() -> {
                    try {
                        while (other.run(tenant, site, JobType.ORDERS, RunTrigger.MANUAL).isEmpty()) {
                            Thread.sleep(100);
                        }
                    } catch (Exception ignored) {
                        // the replica is stopped under it
                    }
                });
                awaitWriteHeld();
                replica.close(); // the replica dies in the middle of the run; its write is already with the bridge
                lock.rollback();
            }
            job.join(Duration.ofSeconds(90));
            JsonNode written = awaitOrder(order.get("id").asLong(), o -> o.get("state").asText().equals("WRITTEN"));
            assertExactlyOneDocument(order, written, email);
        } finally {
            if (replica.isRunning()) {
                replica.close();
            }
            resumeWebhooks();
        }
    }

    /** Counterpoint's reference of a web order of this company's one store: its default prefix and the number. */
    private static String ref(String number) {
        return "W1-" + number;
    }

    /** Counterpoint holds one document for the order, on the linked customer, with WooCommerce's money to the cent. */
    private void assertExactlyOneDocument(JsonNode order, JsonNode written, String email) throws SQLException {
        String number = order.get("number").asText();
        BigDecimal total = new BigDecimal(order.get("total").asText());
        try (Connection c = counterpoint.connect()) {
            assertEquals("1", one(c, "SELECT COUNT(*) FROM PS_DOC_HDR WHERE REF = '" + ref(number) + "'"), "exactly one document");
            assertEquals("1", one(c, "SELECT COUNT(*) FROM USR_WEB_ORD_KEY WHERE ORD_KEY = 'woo:" + site + ":"
                    + order.get("id").asLong() + "'"));
            String docId = one(c, "SELECT DOC_ID FROM PS_DOC_HDR WHERE REF = '" + ref(number) + "'");
            assertEquals(written.get("cpDocId").asText(), docId);
            String custNo = one(c, "SELECT CUST_NO FROM PS_DOC_HDR WHERE DOC_ID = " + docId);
            assertEquals(written.get("custNo").asText(), custNo);
            assertEquals(email, one(c, "SELECT LOWER(EMAIL_ADRS_1) FROM AR_CUST WHERE CUST_NO = '" + custNo + "'"));
            assertEquals("1", one(c, "SELECT COUNT(*) FROM AR_CUST WHERE LOWER(EMAIL_ADRS_1) = '" + email + "'"),
                    "one customer, however often the write was tried");
            int quantity = 0;
            for (JsonNode line : order.get("line_items")) {
                quantity += line.get("quantity").asInt();
            }
            assertEquals(order.get("line_items").size() + "|" + quantity, one(c, "SELECT CAST(COUNT(*) AS VARCHAR) || '|' ||"
                    + " CAST(CAST(SUM(QTY_SOLD) AS INT) AS VARCHAR) FROM PS_DOC_LIN WHERE DOC_ID = " + docId));
            assertEquals(0, total.compareTo(new BigDecimal(one(c, "SELECT TOT FROM PS_DOC_HDR_TOT WHERE DOC_ID = " + docId))));
            assertEquals(0, total.compareTo(new BigDecimal(one(c, "SELECT SUB_TOT - TOT_LIN_DISC + TAX_AMT + TOT_MISC FROM"
                    + " PS_DOC_HDR_TOT WHERE DOC_ID = " + docId))));
            assertEquals("1|" + total.setScale(2), one(c, "SELECT CAST(COUNT(*) AS VARCHAR) || '|' || CAST(SUM(AMT) AS VARCHAR)"
                    + " FROM PS_DOC_PMT WHERE DOC_ID = " + docId));
        }
    }

    /** Holds the web store's row, so the next WriteDocument waits in the middle of its transaction. */
    private static void holdTicketNumbers(Connection lock) throws SQLException {
        lock.setAutoCommit(false);
        try (PreparedStatement s = lock.prepareStatement("UPDATE PS_STR SET NXT_TKT_NO = NXT_TKT_NO WHERE STR_ID = 'WEB'")) {
            s.executeUpdate();
        }
    }

    /** Until the bridge's WriteDocument waits on the held row. */
    private void awaitWriteHeld() throws Exception {
        Instant until = Instant.now().plusSeconds(60);
        try (Connection c = counterpoint.connect()) {
            while (Instant.now().isBefore(until)) {
                if (!one(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL"
                        + " AND EXECUTING_STATEMENT LIKE 'UPDATE PS_STR%'").equals("0")) {
                    return;
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the bridge never started writing; output:\n" + bridge.output());
    }

    private void runOrdersQuietly() {
        try {
            runOrders();
        } catch (Exception | AssertionError ignored) {
            // the bridge is killed under it: the order stays READY for the next run
        }
    }

    private void pauseWebhooks() {
        setWebhooks("paused");
    }

    private void resumeWebhooks() {
        setWebhooks("active");
    }

    private void setWebhooks(String status) {
        for (JsonNode hook : shop.get("webhooks")) {
            shop.put("webhooks/" + hook.get("id").asLong(), JSON.createObjectNode().put("status", status));
        }
    }

    private JsonNode awaitOrderWithoutRunning(long wooId, Predicate<JsonNode> done, Duration within) throws InterruptedException {
        Instant until = Instant.now().plus(within);
        JsonNode last = null;
        while (Instant.now().isBefore(until)) {
            for (JsonNode o : api.get(ordersPath() + "?siteId=" + site + "&q=" + wooId, token).json()) {
                if (o.get("wooOrderId").asLong() == wooId) {
                    last = o;
                    if (done.test(o)) {
                        return o;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("order " + wooId + " did not get there by itself; last seen " + last);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private String storePath() {
        return "/api/tenants/" + tenant + "/stores/" + site;
    }

    private String ordersPath() {
        return "/api/tenants/" + tenant + "/orders";
    }

    private JsonNode identities(String email) {
        return api.get("/api/tenants/" + tenant + "/customers?email=" + email, token).json();
    }

    /** The open allocation of an item held by one order (read from the order's detail). */
    private BigDecimal allocated(String itemNo, UUID orderId) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode a : api.get(ordersPath() + "/" + orderId, token).json().get("allocations")) {
            if (a.get("itemNo").asText().equals(itemNo) && a.get("releasedAt").isNull()) {
                total = total.add(new BigDecimal(a.get("qty").asText()));
            }
        }
        return total;
    }

    private UUID runOrdersOnce() throws InterruptedException {
        Instant until = Instant.now().plusSeconds(60);
        while (true) {
            var run = runner.run(tenant, site, JobType.ORDERS, RunTrigger.MANUAL);
            if (run.isPresent()) {
                return run.get();
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("the orders job stayed busy");
            }
            Thread.sleep(100);
        }
    }

    private void awaitBridgeOffline() throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until)) {
            JsonNode list = api.get("/api/tenants/" + tenant + "/bridges", token).json();
            if (!list.get(0).get("online").asBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the killed bridge still looks online");
    }

    private void runOrders() throws InterruptedException {
        Instant until = Instant.now().plusSeconds(60);
        while (runner.run(tenant, site, JobType.ORDERS, RunTrigger.MANUAL).isEmpty()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("the orders job stayed busy");
            }
            Thread.sleep(100);
        }
    }

    private JsonNode awaitOrder(long wooId, Predicate<JsonNode> done) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(60);
        JsonNode last = null;
        while (Instant.now().isBefore(until)) {
            runOrders();
            for (JsonNode o : api.get(ordersPath() + "?siteId=" + site + "&q=" + wooId, token).json()) {
                if (o.get("wooOrderId").asLong() == wooId) {
                    last = o;
                    if (done.test(o)) {
                        return o;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("order " + wooId + " did not get there; last seen " + last);
    }

    private ObjectNode line(String sku, int quantity) {
        return JSON.createObjectNode().put("sku", sku).put("quantity", quantity);
    }

    private JsonNode checkout(String status, long customerId, String email, String coupon, ObjectNode... lines)
            throws Exception {
        ObjectNode body = JSON.createObjectNode().put("status", status).put("customer_id", customerId)
                .put("payment_method", "stripe").put("payment_method_title", "Card");
        body.putObject("billing").put("first_name", "Ada").put("last_name", "Lovelace").put("email", email)
                .put("address_1", "12 St James's Square").put("city", "London").put("postcode", "SW1Y 4JH").put("country", "GB");
        body.putArray("line_items").addAll(List.of(lines));
        body.putArray("shipping_lines").addObject().put("method_id", "flat_rate").put("method_title", "Flat rate")
                .put("total", "7.50");
        body.putArray("fee_lines").addObject().put("name", "Gift wrap").put("total", "2.00").put("tax_status", "none");
        if (coupon != null) {
            body.putArray("coupons").add(coupon);
        }
        HttpResponse<String> created = sandbox("POST", "/checkout", body.toString());
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body());
    }

    private void product(String sku, String price) {
        shop.post("products", JSON.createObjectNode().put("name", "Item " + sku).put("sku", sku)
                .put("regular_price", price).put("manage_stock", true).put("stock_quantity", 1000));
    }

    private String createCpCustomer(String webKey, String email) {
        CallOutcome<CreateCustomer.Result> created = calls.call(tenant, new CreateCustomer(webKey.substring(0,
                Math.min(50, webKey.length())), "Twin", "Customer", email.strip(), null, null, null, null, null, null, null),
                Duration.ofSeconds(30));
        String custNo = assertInstanceOf(CallOutcome.Completed.class, created).result() instanceof CreateCustomer.Result r
                ? r.customer().customerNo() : null;
        if (!email.equals(email.strip())) {
            try (Connection c = counterpoint.connect();
                 PreparedStatement s = c.prepareStatement("UPDATE AR_CUST SET EMAIL_ADRS_1 = ? WHERE CUST_NO = ?")) {
                s.setString(1, email);
                s.setString(2, custNo);
                s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return custNo;
    }

    private HttpResponse<String> sandbox(String method, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(woo.sandbox.baseUrl() + "/__sandbox/stores/" + store.name() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode sandboxJson(String method, String path, String json) throws Exception {
        return JSON.readTree(sandbox(method, path, json).body());
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

    private static void superuser(String sql, Object... args) throws SQLException {
        try (Connection c = SharedPostgres.superuserConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    private static String one(Connection c, String sql) throws SQLException {
        return row(c, sql)[0];
    }

    private static String[] row(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            assertTrue(r.next(), sql);
            String[] values = new String[r.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = r.getString(i + 1);
            }
            return values;
        }
    }

    /** The fix a retailer makes in Counterpoint: the item now exists (a copy of another one). */
    private static void copyItem(Connection c, String from, String to) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM IM_ITEM WHERE ITEM_NO = ?")) {
            s.setString(1, from);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                ResultSetMetaData meta = r.getMetaData();
                List<String> columns = new ArrayList<>();
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i));
                    values.add(meta.getColumnName(i).equalsIgnoreCase("ITEM_NO") ? to : r.getObject(i));
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO IM_ITEM (" + String.join(", ", columns)
                        + ") VALUES (" + String.join(", ", columns.stream().map(x -> "?").toList()) + ")")) {
                    for (int i = 0; i < values.size(); i++) {
                        insert.setObject(i + 1, values.get(i));
                    }
                    insert.executeUpdate();
                }
            }
        }
    }
}
