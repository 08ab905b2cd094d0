package com.counterlink.orders;

import com.counterlink.sync.SyncJobRunner;
import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.Eventually;
import com.counterlink.testing.SharedKeycloak;
import com.counterlink.testing.WooStoresFixture;
import com.counterlink.woo.sandbox.product.ProductService;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.webhook.WebhookDelivery;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks held back as a real store's late ones (the sandbox delivers them only when flushed): an order on one
 * store still reaches the sibling store's stock, through the orders light poll; a company with a single store is
 * not light-polled, so its order waits for the webhook.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiblingOrderPollEndToEndTest extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();
    static final Duration HELD = Duration.ofMillis(-1);

    @Inject
    EmbeddedServer server;
    @Inject
    SyncJobRunner runner;

    OrdersStack stack;
    Store a;
    Store b;
    UUID siteA;
    List<String> items;

    @Override
    protected Map<String, String> extraProperties() {
        return OrdersStack.backendProperties(PORT);
    }

    @BeforeAll
    void start() throws Exception {
        stack = new OrdersStack(server.getURL(), runner, "Held Hooks Co", 2, 60, HELD);
        a = stack.stores.get(0);
        b = stack.stores.get(1);
        siteA = stack.sites.get(0);
        items = stack.simpleWebItems();
    }

    @AfterAll
    void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anOrderOnOneStoreLowersTheSiblingStoresStockThroughTheLightPollWithoutAnyWebhook() throws Exception {
        String item = items.get(0);
        stack.setAvailable(item, 2);
        assertEquals(2, stack.stock(b, item));

        HttpResponse<String> order = stack.checkout(a, "processing", "held@example.org", item, 1);
        assertEquals(201, order.statusCode(), order.body());
        long wooId = OrdersStack.JSON.readTree(order.body()).get("id").asLong();
        // nothing is run here and no webhook arrives: the light poll of store A notices the order
        Duration window = Eventually.until(Duration.ofSeconds(60), "store B's stock shows the order on store A",
                () -> stack.stock(b, item) == 1);
        System.out.println("ORDERS: store B's stock showed the order on store A after " + window.toMillis()
                + " ms, webhooks held back");

        assertEquals(List.of(), orderDeliveries(a), "no webhook was delivered");
        JsonNode listed = stack.awaitOrder(siteA, wooId, o -> true, 10);
        JsonNode detail = stack.api.get("/api/tenants/" + stack.tenant + "/orders/" + listed.get("id").asText(),
                stack.token).json();
        String firstReason = detail.get("transitions").get(0).get("reason").asText();
        assertTrue(firstReason.endsWith("seen by poll"), "taken in by the orders job's poll, not a webhook: " + firstReason);
        assertEquals(0, BigDecimal.ONE.compareTo(new BigDecimal(stack.allocations(item).get(0).get("allocated").asText())),
                "held against every store");
    }

    @Test
    void aCompanyWithOneStoreIsNotLightPolledSoItsOrderWaitsForTheWebhook() throws Exception {
        ApiClient api = stack.api;
        String token = SharedKeycloak.token(SharedKeycloak.createUser("lone-shop"));
        String tenant = WooStoresFixture.newTenant(api, token, "Lone Shop Co");
        Store lone = stack.woo.newStore();
        UUID site = UUID.fromString(WooStoresFixture.link(api, token, tenant, lone));
        String store = "/api/tenants/" + tenant + "/stores/" + site;
        ok(api.send("PUT", store + "/jobs/ORDERS", token, "{\"enabled\":true,\"intervalSeconds\":86400}"));
        ok(api.send("PUT", store + "/order-settings", token, "{\"sendStatus\":\"completed\"}"));
        ok(api.post(store + "/webhooks", token, null));
        JsonNode product = OrdersStack.JSON.readTree(
                "{\"name\":\"Lone item\",\"sku\":\"LONE-1\",\"regular_price\":\"5.00\",\"manage_stock\":true,\"stock_quantity\":3}");
        lone.locked(() -> {
            new ProductService(lone).create(product);
            return null;
        });
        String item = items.get(1);
        stack.setAvailable(item, 2);

        Instant placed = Instant.now();
        assertEquals(201, stack.checkout(lone, "processing", "lone@example.org", "LONE-1", 1).statusCode());
        assertEquals(201, stack.checkout(a, "processing", "busy@example.org", item, 1).statusCode());
        Eventually.until(Duration.ofSeconds(60), "the two-store company's order reaches its sibling store",
                () -> stack.stock(b, item) == 1);
        // longer than a light-polled store ever waits between two looks (idle cap 10 s)
        Eventually.until(Duration.ofSeconds(60), "15 s after the order", () -> Instant.now().isAfter(placed.plusSeconds(15)));
        assertEquals(0, orders(api, token, tenant).size(), "the lone store's order was not polled for");

        lone.webhookDispatcher().flush();
        Eventually.until(Duration.ofSeconds(30), "the lone store's order arrives with its webhook",
                () -> orders(api, token, tenant).size() == 1);
    }

    private static void ok(ApiClient.Response response) {
        assertTrue(response.status() >= 200 && response.status() < 300, response.toString());
    }

    private static JsonNode orders(ApiClient api, String token, String tenant) {
        return api.get("/api/tenants/" + tenant + "/orders", token).json();
    }

    private static List<String> orderDeliveries(Store store) {
        return store.webhookDeliveries().stream().filter(d -> !d.ping()).map(WebhookDelivery::topic).toList();
    }
}
