package com.counterlink.orders;

import com.counterlink.counterpoint.demo.StoreSimulator;
import com.counterlink.sync.JobType;
import com.counterlink.sync.SyncJobRunner;
import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.WooStoresFixture;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two stores selling the same Counterpoint stock: an order on one takes the unit off the other within
 * seconds (the residual window of WooCommerce's own stock is measured), and the allocation API shows per
 * item Counterpoint's available quantity, the allocation, each store's buffer and what each store was sent.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdersAcrossStoresEndToEndTest extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();

    @Inject
    EmbeddedServer server;
    @Inject
    SyncJobRunner runner;

    OrdersStack stack;
    Store a;
    Store b;
    UUID siteA;
    UUID siteB;
    List<String> items;

    @Override
    protected Map<String, String> extraProperties() {
        return OrdersStack.backendProperties(PORT);
    }

    @BeforeAll
    void start() throws Exception {
        stack = new OrdersStack(server.getURL(), runner, "Two Shops Co", 2, 60);
        a = stack.stores.get(0);
        b = stack.stores.get(1);
        siteA = stack.sites.get(0);
        siteB = stack.sites.get(1);
        items = stack.simpleWebItems();
        assertTrue(items.size() >= 2, "the demo catalog has simple web items in both stores: " + items);
    }

    @AfterAll
    void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anOrderOnOneStoreTakesTheLastUnitOffTheOtherWithinSecondsAndTheAllocationApiShowsWhy() throws Exception {
        String item = items.get(0);
        stack.setAvailable(item, 1);
        assertEquals(1, stack.stock(a, item));
        assertEquals(1, stack.stock(b, item));

        Instant sold = Instant.now();
        HttpResponse<String> first = stack.checkout(a, "processing", "last@example.org", item, 1);
        assertEquals(201, first.statusCode(), first.body());
        // the webhook runs A's orders job, the allocation runs every store's inventory job: nobody runs anything here
        awaitStock(b, item, 0, Duration.ofSeconds(30));
        Duration window = Duration.between(sold, Instant.now());
        System.out.println("ORDERS: store B's stock reached 0 " + window.toMillis() + " ms after the order on store A");
        assertTrue(window.toSeconds() < 30);

        HttpResponse<String> second = stack.checkout(b, "processing", "late@example.org", item, 1);
        assertEquals(409, second.statusCode(), "store B no longer sells the unit store A sold: " + second.body());

        JsonNode row = awaitAllocated(item, 1);
        assertEquals("", row.get("cell").asText());
        assertEquals(0, BigDecimal.ONE.compareTo(new BigDecimal(row.get("allocated").asText())));
        assertEquals(1, row.get("openOrders").asInt());
        assertEquals(2, row.get("stores").size());
        for (JsonNode store : row.get("stores")) {
            assertEquals("READ", store.get("counterpoint").asText(), store.toString());
            assertEquals(List.of("WEB"), List.of(store.get("locations").get(0).asText()));
            BigDecimal available = new BigDecimal(store.get("counterpointAvailable").asText());
            assertEquals(0, BigDecimal.ONE.compareTo(available), "Counterpoint still has the unit until the ticket posts");
            assertTrue(new BigDecimal(row.get("allocated").asText()).compareTo(available) <= 0,
                    "never allocated beyond what Counterpoint has");
            assertEquals(0, store.get("safetyBuffer").asInt());
            assertEquals(0, store.get("webQuantity").asInt());
            assertEquals(0, store.get("lastSentQty").asInt(), "each store was sent 0: " + store);
            assertTrue(store.get("sells").asBoolean());
        }
        assertEquals(400, stack.api.get("/api/tenants/" + stack.tenant + "/allocations?itemNo=A%09B", stack.token).status(),
                "an item number with a control character is refused");
        ApiClient.Response quoted = stack.api.get("/api/tenants/" + stack.tenant + "/allocations?itemNo=%27%3B--", stack.token);
        assertEquals(200, quoted.status(), "a quote is part of an item number, never of the SQL: " + quoted);
    }

    @Test
    void twoStoresSellingTheLastUnitAtTheSameMomentIsTheResidualWindowAndTheApiShowsTheOversell() throws Exception {
        String item = items.get(1);
        stack.setAvailable(item, 1);
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> onA = CompletableFuture.supplyAsync(() -> buy(go, a, item, "same-a@example.org"));
        CompletableFuture<HttpResponse<String>> onB = CompletableFuture.supplyAsync(() -> buy(go, b, item, "same-b@example.org"));
        go.countDown();
        int sold = (onA.get().statusCode() == 201 ? 1 : 0) + (onB.get().statusCode() == 201 ? 1 : 0);
        // each WooCommerce keeps its own stock: inside the window both can sell the one unit
        assertTrue(sold >= 1);
        Duration settle = awaitStock(a, item, 0, Duration.ofSeconds(30));
        awaitStock(b, item, 0, Duration.ofSeconds(30));
        System.out.println("ORDERS: same-moment sale of the last unit: " + sold + " sold; both stores at 0 after "
                + settle.toMillis() + " ms");
        JsonNode row = awaitAllocated(item, sold);
        for (JsonNode store : row.get("stores")) {
            assertEquals(0, store.get("webQuantity").asInt(), "never offered below zero or above what is left");
            assertEquals(0, store.get("lastSentQty").asInt());
        }
        try (Connection c = stack.counterpoint.connect()) {
            assertEquals(0, BigDecimal.ONE.compareTo(stack.available(c, item)), "Counterpoint is not changed by the sales");
        }
    }

    @Test
    void whenBothStoresSoldTheLastUnitTheOrderThatCameLastIsFlaggedAsOversoldWithWhatToDo() throws Exception {
        String item = items.get(2);
        stack.setAvailable(item, 1);
        // no webhooks: both WooCommerce stores still show the unit when their shoppers buy it
        setWebhooks("paused");
        HttpResponse<String> first;
        HttpResponse<String> second;
        try {
            first = stack.checkout(a, "processing", "first@example.org", item, 1);
            second = stack.checkout(b, "processing", "second@example.org", item, 1);
        } finally {
            setWebhooks("active");
        }
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, second.statusCode(), second.body());
        stack.run(siteA, JobType.ORDERS);
        stack.run(siteB, JobType.ORDERS);
        stack.run(siteA, JobType.INVENTORY);
        stack.run(siteB, JobType.INVENTORY);

        long firstId = new ObjectMapper().readTree(first.body()).get("id").asLong();
        long secondId = new ObjectMapper().readTree(second.body()).get("id").asLong();
        JsonNode early = stack.awaitOrder(siteA, firstId, o -> true, 30);
        JsonNode late = stack.awaitOrder(siteB, secondId, o -> o.hasNonNull("flag"), 30);
        assertTrue(early.get("flag").isNull(), "the order that came first keeps the unit: " + early);
        String flag = late.get("flag").asText();
        assertTrue(flag.startsWith("Oversold: Counterpoint has 1 of " + item), flag);
        assertTrue(flag.contains("web orders of your stores hold 2") && flag.contains("Cancel or refund it in WooCommerce"), flag);
        assertEquals(0, stack.stock(a, item));
        assertEquals(0, stack.stock(b, item));
    }

    @Test
    void anOpenOrderIsSubtractedOnceWhenCounterpointCommitsItAndStillOnceAfterItIsPosted() throws Exception {
        String item = items.get(3);
        stack.setAvailable(item, 10);
        ok(stack.api.send("PUT", stack.storePath(siteA) + "/order-settings", stack.token,
                "{\"documentType\":\"O\",\"sendStatus\":\"processing\"}"));
        try {
            HttpResponse<String> placed = stack.checkout(a, "processing", "open-order@example.org", item, 2);
            assertEquals(201, placed.statusCode(), placed.body());
            long wooId = new ObjectMapper().readTree(placed.body()).get("id").asLong();
            JsonNode written = stack.awaitOrder(siteA, wooId, o -> o.get("cpDocId").isNumber(), 30);
            try (Connection c = stack.counterpoint.connect()) {
                assertEquals(0, BigDecimal.valueOf(8).compareTo(stack.available(c, item)),
                        "writing the open order committed 2 in Counterpoint (QTY_COMMIT), so QTY_AVAIL is 8");
            }
            settleInventory();
            assertEquals(8, stack.stock(a, item), "10 less the open order's 2, once");
            assertEquals(8, stack.stock(b, item), "10 less the open order's 2, once");
            JsonNode row = stack.allocations(item).get(0);
            assertEquals(0, BigDecimal.ZERO.compareTo(new BigDecimal(row.get("allocated").asText())),
                    "the hold was released when Counterpoint committed the order: " + row);
            for (JsonNode store : row.get("stores")) {
                assertEquals(8, store.get("webQuantity").asInt(), store.toString());
            }

            try (Connection c = stack.counterpoint.connect()) {
                new StoreSimulator(c).postTicket(written.get("cpDocId").asLong());
            }
            stack.run(siteA, JobType.ORDERS);
            stack.awaitOrder(siteA, wooId, o -> o.get("state").asText().equals("RELEASED"), 30);
            settleInventory();
            assertEquals(8, stack.stock(a, item), "posting moved the 2 from committed to sold: still 8");
            assertEquals(8, stack.stock(b, item), "posting moved the 2 from committed to sold: still 8");
        } finally {
            ok(stack.api.send("PUT", stack.storePath(siteA) + "/order-settings", stack.token, "{\"sendStatus\":\"completed\"}"));
        }
    }

    @Test
    void twoStoresOrder213GetTwoDifferentReferencesInCounterpointAndTheLedgerFindsEachByIt() throws Exception {
        // each store has its own prefix by default, and cannot take another store's
        assertEquals("W1-", stack.api.get(stack.storePath(siteA) + "/order-settings", stack.token).json()
                .get("referencePrefix").asText());
        assertEquals("W2-", stack.api.get(stack.storePath(siteB) + "/order-settings", stack.token).json()
                .get("referencePrefix").asText());
        com.counterlink.testing.ApiClient.Response taken = stack.api.send("PUT", stack.storePath(siteB) + "/order-settings",
                stack.token, "{\"sendStatus\":\"completed\",\"referencePrefix\":\"w1-\"}");
        assertEquals(400, taken.status(), taken.toString());
        assertTrue(taken.json().get("detail").asText().startsWith("referencePrefix w1- is the prefix of store"), taken.body());
        assertEquals("W2-", stack.api.get(stack.storePath(siteB) + "/order-settings", stack.token).json()
                .get("referencePrefix").asText(), "nothing saved");

        String item = items.get(4);
        stack.setAvailable(item, 10);
        // the same next order number in both stores, as two real stores both reach order 213
        long next = Math.max(a.<Long>locked(() -> a.nextPostId()), b.<Long>locked(() -> b.nextPostId())) + 1;
        for (Store store : List.of(a, b)) {
            store.locked(() -> {
                while (store.nextPostId() < next) {
                    // skip ids up to the common one
                }
            });
        }
        HttpResponse<String> onA = stack.checkout(a, "completed", "ref-a@example.org", item, 1);
        HttpResponse<String> onB = stack.checkout(b, "completed", "ref-b@example.org", item, 1);
        JsonNode orderA = new ObjectMapper().readTree(onA.body());
        JsonNode orderB = new ObjectMapper().readTree(onB.body());
        assertEquals(orderA.get("number").asText(), orderB.get("number").asText(), "both stores have an order " + orderA.get("number"));
        String number = orderA.get("number").asText();

        JsonNode writtenA = stack.awaitOrder(siteA, orderA.get("id").asLong(), o -> o.hasNonNull("cpReference"), 30);
        JsonNode writtenB = stack.awaitOrder(siteB, orderB.get("id").asLong(), o -> o.hasNonNull("cpReference"), 30);
        assertEquals("W1-" + number, writtenA.get("cpReference").asText());
        assertEquals("W2-" + number, writtenB.get("cpReference").asText());
        try (Connection c = stack.counterpoint.connect();
             java.sql.PreparedStatement s = c.prepareStatement("SELECT REF FROM PS_DOC_HDR WHERE DOC_ID = ?")) {
            for (JsonNode written : List.of(writtenA, writtenB)) {
                s.setLong(1, written.get("cpDocId").asLong());
                try (java.sql.ResultSet r = s.executeQuery()) {
                    assertTrue(r.next());
                    assertEquals(written.get("cpReference").asText(), r.getString(1), "PS_DOC_HDR.REF");
                }
            }
        }
        for (String search : List.of("W2-" + number, "w2-" + number)) {
            JsonNode found = stack.api.get("/api/tenants/" + stack.tenant + "/orders?q=" + search, stack.token).json();
            assertEquals(1, found.size(), search + ": " + found);
            assertEquals(writtenB.get("id").asText(), found.get(0).get("id").asText());
        }
        assertEquals(2, stack.api.get("/api/tenants/" + stack.tenant + "/orders?q=" + number, stack.token).json().size(),
                "the number alone finds both");
    }

    /** Every store's inventory job runs once more, after whatever the order's own changes started. */
    private void settleInventory() {
        for (UUID site : List.of(siteA, siteB)) {
            stack.run(site, JobType.INVENTORY);
        }
    }

    private static void ok(com.counterlink.testing.ApiClient.Response response) {
        assertTrue(response.status() >= 200 && response.status() < 300, response.toString());
    }

    private void setWebhooks(String status) throws Exception {
        for (Store store : List.of(a, b)) {
            store.locked(() -> {
                store.webhooks.values().forEach(hook -> hook.status = status);
                return null;
            });
        }
    }

    private JsonNode awaitAllocated(String item, int quantity) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        JsonNode rows = null;
        while (Instant.now().isBefore(until)) {
            rows = stack.allocations(item);
            if (rows.size() == 1 && new BigDecimal(rows.get(0).get("allocated").asText()).intValue() == quantity
                    && rows.get(0).get("stores").get(0).get("lastSentQty").asInt(-1) == 0
                    && rows.get(0).get("stores").get(1).get("lastSentQty").asInt(-1) == 0) {
                return rows.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("allocation of " + item + " did not reach " + quantity + ": " + rows);
    }

    private HttpResponse<String> buy(CountDownLatch go, Store store, String item, String email) {
        try {
            go.await();
            return stack.checkout(store, "processing", email, item, 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Duration awaitStock(Store store, String sku, int quantity, Duration within) throws InterruptedException {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).compareTo(within) < 0) {
            if (stack.stock(store, sku) == quantity) {
                return Duration.between(start, Instant.now());
            }
            Thread.sleep(20);
        }
        throw new AssertionError(store.name() + " still shows " + stack.stock(store, sku) + " of " + sku);
    }
}
