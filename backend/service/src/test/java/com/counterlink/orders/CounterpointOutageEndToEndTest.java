package com.counterlink.orders;

import com.counterlink.sync.JobType;
import com.counterlink.sync.SyncJobRunner;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.WooStoresFixture;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Counterpoint's database stopped and started again under a running real bridge: the bridge stays online and says
 * Counterpoint does not answer (since when), runs that need Counterpoint wait with the retailer's words instead of
 * failing with the driver's, orders are neither failed nor listed twice, and everything resumes by itself.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CounterpointOutageEndToEndTest extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();
    static final String WAITING = "Counterpoint is not answering on the bridge's server — waiting";

    @Inject
    EmbeddedServer server;
    @Inject
    SyncJobRunner runner;

    OrdersStack stack;
    Store store;
    UUID site;
    String item;

    @Override
    protected Map<String, String> extraProperties() {
        return OrdersStack.backendProperties(PORT);
    }

    @BeforeAll
    void start() throws Exception {
        stack = new OrdersStack(server.getURL(), runner, "Outage Co", 1, 40);
        store = stack.stores.get(0);
        site = stack.sites.get(0);
        item = stack.simpleWebItems().get(0);
        stack.setAvailable(item, 5);
    }

    @AfterAll
    void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void counterpointNotAnsweringIsItsOwnStateThatRunsWaitOutWithoutTheDriversWordsAndEverythingResumesWhenItAnswers()
            throws Exception {
        Instant stopped = Instant.now();
        stack.stopCounterpoint();

        JsonNode bridge = awaitBridge(b -> !b.get("counterpointReachable").asBoolean(), 30);
        assertTrue(bridge.get("online").asBoolean(), "the bridge itself is fine: " + bridge);
        Instant since = Instant.parse(bridge.get("counterpointUnreachableSince").asText());
        assertTrue(!since.isBefore(stopped.minusSeconds(2)) && !since.isAfter(Instant.now()), "since " + since);

        // an order comes in: its webhook runs the orders job, which takes it in and holds its stock, then waits
        HttpResponse<String> placed = stack.checkout(store, "completed", "outage@example.org", item, 1);
        assertEquals(201, placed.statusCode(), placed.body());
        long wooId = OrdersStack.JSON.readTree(placed.body()).get("id").asLong();
        JsonNode order = stack.awaitOrder(site, wooId, o -> o.get("state").asText().equals("READY"), 30);
        UUID ordersRun = stack.run(site, JobType.ORDERS);
        UUID inventoryRun = stack.run(site, JobType.INVENTORY);
        for (UUID run : List.of(ordersRun, inventoryRun)) {
            JsonNode detail = runDetail(run);
            assertEquals("WAITING_FOR_COUNTERPOINT", detail.get("run").get("status").asText(), detail.toString());
            assertTrue(detail.get("run").get("statusReason").asText().startsWith(WAITING), detail.toString());
        }
        for (JsonNode run : runs(JobType.ORDERS)) {
            if (Instant.parse(run.get("startedAt").asText()).isAfter(stopped)) {
                assertTrue(List.of("WAITING_FOR_COUNTERPOINT", "SUCCEEDED").contains(run.get("status").asText()),
                        "no orders run fails or times out while Counterpoint is down: " + run);
                JsonNode items = runDetail(UUID.fromString(run.get("id").asText())).get("items");
                int listed = 0;
                for (JsonNode runItem : items) {
                    assertFalse(runItem.get("outcome").asText().equals("FAILED"), "no order is marked failed: " + runItem);
                    if (runItem.get("itemKey").asText().equals("order " + order.get("wooNumber").asText())) {
                        listed++;
                    }
                }
                assertTrue(listed <= 1, "the order is listed once in a run at most: " + items);
            }
        }
        assertEquals("READY", stack.awaitOrder(site, wooId, o -> true, 5).get("state").asText());

        JsonNode dashboard = dashboard();
        List<String> kinds = new ArrayList<>();
        dashboard.get("attention").forEach(a -> kinds.add(a.get("kind").asText()));
        assertTrue(kinds.contains("COUNTERPOINT_UNREACHABLE"), kinds.toString());
        assertFalse(kinds.contains("BRIDGE_OFFLINE") || kinds.contains("RUN_FAILED") || kinds.contains("FAILED_ITEMS"),
                kinds.toString());
        JsonNode attention = find(dashboard.get("attention"), a -> a.get("kind").asText().equals("COUNTERPOINT_UNREACHABLE"));
        assertEquals(WAITING, attention.get("title").asText());
        assertTrue(attention.get("detail").asText().contains("is online, but Counterpoint's database has not answered it since"),
                attention.toString());

        // the retailer sees none of the driver's words; the bridge's log keeps them
        for (String shown : List.of(dashboard.toString(), bridges().toString(), runDetail(ordersRun).toString(),
                runDetail(inventoryRun).toString(), stack.api.get("/api/tenants/" + stack.tenant + "/orders/"
                        + order.get("id").asText(), stack.token).body(), allocationsText())) {
            assertFalse(shown.contains("90067") || shown.contains("Connection refused") || shown.contains("jdbc:"), shown);
        }
        assertTrue(stack.bridgeOutput().contains("Counterpoint's database does not answer") && stack.bridgeOutput()
                .contains("90067"), stack.bridgeOutput());

        // SQL Server is started again: nobody runs anything here
        stack.startCounterpoint();
        awaitBridge(b -> b.get("counterpointReachable").asBoolean() && b.get("counterpointUnreachableSince").isNull(), 30);
        JsonNode written = stack.awaitOrder(site, wooId, o -> o.get("state").asText().equals("WRITTEN"), 60);
        try (Connection c = stack.counterpoint.connect();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM USR_WEB_ORD_KEY WHERE ORD_KEY = ?")) {
            s.setString(1, "woo:" + site + ":" + wooId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(1, r.getInt(1), "written once: " + written);
            }
        }
        Instant until = Instant.now().plusSeconds(30);
        while (dashboard().toString().contains("COUNTERPOINT_UNREACHABLE") && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
        assertFalse(dashboard().toString().contains("COUNTERPOINT_UNREACHABLE"), "the dashboard is clear again");
    }

    private JsonNode awaitBridge(Predicate<JsonNode> done, int seconds) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(seconds);
        JsonNode last = null;
        while (Instant.now().isBefore(until)) {
            last = bridges().get(0);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the bridge did not get there; last seen " + last + "\n" + stack.bridgeOutput());
    }

    private JsonNode bridges() {
        return stack.api.get("/api/tenants/" + stack.tenant + "/bridges", stack.token).json();
    }

    private JsonNode dashboard() {
        return stack.api.get("/api/tenants/" + stack.tenant + "/dashboard", stack.token).json();
    }

    private JsonNode runs(JobType job) {
        return stack.api.get(stack.storePath(site) + "/runs?jobType=" + job, stack.token).json();
    }

    private JsonNode runDetail(UUID run) {
        return stack.api.get(stack.storePath(site) + "/runs/" + run, stack.token).json();
    }

    private String allocationsText() {
        return stack.api.get("/api/tenants/" + stack.tenant + "/allocations?itemNo=" + item, stack.token).body();
    }

    private static JsonNode find(JsonNode list, Predicate<JsonNode> which) {
        for (JsonNode node : list) {
            if (which.test(node)) {
                return node;
            }
        }
        throw new AssertionError("not in " + list);
    }
}
