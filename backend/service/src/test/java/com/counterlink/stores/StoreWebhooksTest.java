package com.counterlink.stores;

import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedKeycloak;
import com.counterlink.testing.SharedPostgres;
import com.counterlink.testing.WooDeliveries;
import com.counterlink.testing.WooStoresFixture;
import com.counterlink.woo.sandbox.webhook.Webhook;
import com.counterlink.woo.sandbox.webhook.WebhookDelivery;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks registered on a sandbox store, delivered by it, verified and stored as hints: once per signed body,
 * however WooCommerce numbers its deliveries and whatever topic header a replay carries.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreWebhooksTest extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    WooStoresFixture woo;
    ApiClient api;
    String token;
    String tenantId;
    Store store;
    String siteId;
    /** A second store that takes orders, whose own deliveries are paused: its tests send them as WooCommerce would. */
    Store shop;
    String shopSite;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new java.util.HashMap<>(WooStoresFixture.backendProperties(PORT));
        properties.put("counterlink.stores.register-webhooks-on-link", "true");
        return properties;
    }

    @BeforeAll
    void linkAStoreAndRegisterWebhooks() throws InterruptedException {
        woo = new WooStoresFixture();
        api = new ApiClient(server.getURL());
        token = SharedKeycloak.token(SharedKeycloak.createUser("hooks-owner"));
        tenantId = WooStoresFixture.newTenant(api, token, "Hooks Co");
        store = woo.newStore();
        siteId = WooStoresFixture.link(api, token, tenantId, store);
        ApiClient.Response registered = api.post(base() + "/webhooks", token, null);
        assertEquals(200, registered.status(), registered.toString());
        assertEquals(List.of("order.created", "order.updated", "product.updated"), registered.json().findValuesAsText("topic"));
        registered.json().forEach(h -> assertEquals("active", h.get("status").asText()));

        shop = woo.newStore();
        shopSite = WooStoresFixture.link(api, token, tenantId, shop);
        String shopBase = "/api/tenants/" + tenantId + "/stores/" + shopSite;
        assertEquals(200, api.post(shopBase + "/webhooks", token, null).status());
        // order settings make an order hint run the orders job now; its interval is a day
        assertEquals(200, api.send("PUT", shopBase + "/jobs/ORDERS", token, "{\"enabled\":true,\"intervalSeconds\":86400}").status());
        assertEquals(200, api.send("PUT", shopBase + "/order-settings", token, "{}").status());
        // the registration that linking started in the background would re-activate paused webhooks: wait for it
        awaitRegistrations(shopSite, 2);
        shop.locked(() -> shop.webhooks.values().forEach(hook -> hook.status = "paused"));
    }

    private void awaitRegistrations(String site, int count) throws InterruptedException {
        await(() -> {
            int registrations = 0;
            for (JsonNode event : api.get("/api/tenants/" + tenantId + "/audit", token).json()) {
                if (event.path("action").asText().equals("store.webhooks-registered") && event.path("targetId").asText().equals(site)) {
                    registrations++;
                }
            }
            return registrations >= count;
        });
    }

    @AfterAll
    void tearDown() {
        woo.close();
    }

    private String base() {
        return "/api/tenants/" + tenantId + "/stores/" + siteId;
    }

    private String deliveryPath() {
        return "/api/public/woo/webhooks/" + tenantId + "/" + siteId;
    }

    @Test
    void aNewlyLinkedStoreGetsOurWebhooksWithoutAnyoneAskingAndRegisteringAgainMakesNoDuplicates() throws Exception {
        Store fresh = woo.newStore();
        String freshId = WooStoresFixture.link(api, token, tenantId, fresh);
        long deadline = System.currentTimeMillis() + 30_000;
        while (fresh.webhooksList().size() < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(List.of("order.created", "order.updated", "product.updated"),
                fresh.webhooksList().stream().map(w -> w.topic).sorted().toList());
        String freshBase = "/api/tenants/" + tenantId + "/stores/" + freshId;
        awaitListed(freshBase);

        assertEquals(200, api.post(freshBase + "/webhooks", token, null).status());
        assertEquals(3, fresh.webhooksList().size(), "registering again made duplicates");
    }

    private void awaitListed(String storeBase) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (api.get(storeBase + "/webhooks", token).json().size() < 3) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the portal does not list the registered webhooks");
            }
            Thread.sleep(200);
        }
    }

    @Test
    void removingAStoreDeletesOurWebhooksFromIt() {
        Store other = woo.newStore();
        String otherSite = WooStoresFixture.link(api, token, tenantId, other);
        String otherBase = "/api/tenants/" + tenantId + "/stores/" + otherSite;
        assertEquals(200, api.post(otherBase + "/webhooks", token, null).status());
        assertEquals(3, other.webhooksList().size());

        assertEquals(204, api.send("DELETE", otherBase, token, null).status());
        assertEquals(List.of(), other.webhooksList(), "the removed store still calls us");
        assertEquals(3, store.webhooksList().size(), "the other store keeps its webhooks");
    }

    @Test
    void theStoreHasOurThreeWebhooksWithADeliveryUrlNamingTenantAndStoreAndThePingWasAccepted() {
        List<Webhook> hooks = store.webhooksList();
        assertEquals(3, hooks.size());
        hooks.forEach(h -> {
            assertEquals("http://localhost:" + PORT + deliveryPath(), h.deliveryUrl);
            assertTrue(h.secret.length() >= 32);
        });
        assertEquals(1, hooks.stream().map(h -> h.secret).distinct().count(), "one secret per store");
        List<WebhookDelivery> pings = store.webhookDeliveries().stream().filter(WebhookDelivery::ping).toList();
        assertEquals(3, pings.size());
        pings.forEach(p -> assertEquals(200, p.responseCode(), p.toString()));
    }

    @Test
    void aCheckoutsSignedDeliveriesAreVerifiedAndStoredOnceAsHints() throws Exception {
        String sku = "HOOK-" + UUID.randomUUID().toString().substring(0, 6);
        long productId = createProduct(sku);
        long before = hints();
        HttpResponse<String> order = sandbox("POST", "/__sandbox/stores/" + store.name() + "/checkout",
                "{\"line_items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}");
        assertEquals(2, order.statusCode() / 100, order.body());
        long orderId = SharedJson.read(order.body()).path("id").asLong();

        List<WebhookDelivery> delivered = awaitDeliveries(orderId, 2);
        delivered.forEach(d -> assertEquals(200, d.responseCode(), d.toString()));
        await(() -> hintsOf(siteId, "product.updated", productId) == 1);
        // order.created and order.updated carry the order as it is when they are delivered: the same body is one hint
        long distinctBodies = delivered.stream().map(WebhookDelivery::requestBody).distinct().count();
        assertEquals(distinctBodies, orderHints(siteId, orderId), delivered.toString());
        assertTrue(hints() >= before + 2);

        // WooCommerce delivering the same thing again (a retry, or a replay) is stored once
        WebhookDelivery again = delivered.get(0);
        HttpResponse<String> replay = deliver(again.requestHeaders(), again.requestBody());
        assertEquals(200, replay.statusCode(), replay.body());
        assertTrue(replay.body().contains("duplicate"), replay.body());
        assertEquals(distinctBodies, orderHints(siteId, orderId));
    }

    @Test
    void deliveriesSharingOneDeliveryIdAreEachStoredAndEveryOrderIsTakenIn() throws Exception {
        String sku = "BURST-" + UUID.randomUUID().toString().substring(0, 6);
        long productA = createProduct(shop, sku);
        long productB = createProduct(shop, sku + "-B");
        List<Long> orders = List.of(checkout(shop, sku), checkout(shop, sku), checkout(shop, sku));
        long second = System.currentTimeMillis() / 1000;
        // one webhook's deliveries within one second: one X-WC-Webhook-Delivery-ID for all of them
        String orderDeliveryId = WooDeliveries.sharedDeliveryId(WooDeliveries.webhook(shop, "order.created"), second);
        String productDeliveryId = WooDeliveries.sharedDeliveryId(WooDeliveries.webhook(shop, "product.updated"), second);
        for (long order : orders) {
            assertEquals("accepted", WooDeliveries.receipt(WooDeliveries.send(shop,
                    WooDeliveries.of(shop, "order.created", order, orderDeliveryId))), "order " + order);
        }
        for (long product : List.of(productA, productB)) {
            assertEquals("accepted", WooDeliveries.receipt(WooDeliveries.send(shop,
                    WooDeliveries.of(shop, "product.updated", product, productDeliveryId))), "product " + product);
        }

        orders.forEach(order -> assertEquals(1, orderHints(shopSite, order), "order " + order));
        assertEquals(1, hintsOf(shopSite, "product.updated", productA));
        assertEquals(1, hintsOf(shopSite, "product.updated", productB));
        await(() -> orders.stream().allMatch(order -> ledgerHas(order)));
    }

    @Test
    void anIdenticalReplayAndAReplayUnderAnotherTopicAreDuplicatesAndStartNoSecondRun() throws Exception {
        String sku = "REPLAY-" + UUID.randomUUID().toString().substring(0, 6);
        createProduct(shop, sku);
        long order = checkout(shop, sku);
        int runsBefore = settledOrderRuns();
        WooDeliveries.Delivery created = WooDeliveries.of(shop, "order.created", order,
                WooDeliveries.sharedDeliveryId(WooDeliveries.webhook(shop, "order.created"), System.currentTimeMillis() / 1000));
        assertEquals("accepted", WooDeliveries.receipt(WooDeliveries.send(shop, created)));
        await(() -> ledgerHas(order) && orderRuns() == runsBefore + 1 && !orderRunRunning());

        assertEquals("duplicate", WooDeliveries.receipt(WooDeliveries.send(shop, created)), "the same delivery again");
        // the topic header is not signed: a captured delivery replayed as another topic is still the same delivery
        for (String topic : List.of("order.updated", "product.updated", "product.restored")) {
            assertEquals("duplicate", WooDeliveries.receipt(WooDeliveries.send(shop, created.asTopic(topic))), topic);
        }
        assertEquals(1, orderHints(shopSite, order));
        assertEquals(0, hintsOf(shopSite, "product.updated", order) + hintsOf(shopSite, "product.restored", order));
        assertStays(() -> orderRuns() == runsBefore + 1, "a replay started another orders run");
    }

    @Test
    void aSignedDeliveryOfATopicNoJobReadsIsIgnored() throws Exception {
        String sku = "OTHER-" + UUID.randomUUID().toString().substring(0, 6);
        createProduct(shop, sku);
        long order = checkout(shop, sku);
        int runsBefore = settledOrderRuns();
        WooDeliveries.Delivery signed = WooDeliveries.of(shop, "order.created", order, "any");
        for (String topic : List.of("order.deleted", "coupon.updated", "action.woocommerce_checkout_order_processed")) {
            assertEquals("ignored", WooDeliveries.receipt(WooDeliveries.send(shop, signed.asTopic(topic))), topic);
        }
        assertEquals(0, orderHints(shopSite, order) + hintsOf(shopSite, "order.deleted", order));
        assertStays(() -> orderRuns() == runsBefore, "an ignored delivery started an orders run");
        // still unsigned or forged first: an unknown topic does not make a bad signature pass as "ignored"
        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(URI.create(signed.webhook().deliveryUrl))
                .header("Content-Type", "application/json").header("X-WC-Webhook-Topic", "coupon.updated")
                .header("X-WC-Webhook-Signature", sign("not-the-secret", new String(signed.body(), StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, forged.statusCode(), forged.body());
    }

    @Test
    void aForgedOrUnsignedDeliveryIs401AndStoresNothing() throws Exception {
        long before = hints();
        String body = "{\"id\":987654,\"date_modified_gmt\":\"2026-01-01T00:00:00\"}";
        HttpResponse<String> forged = deliver(Map.of("X-WC-Webhook-Topic", "order.updated",
                "X-WC-Webhook-Delivery-ID", "forged-1",
                "X-WC-Webhook-Signature", sign("not-the-store-secret", body)), body);
        assertEquals(401, forged.statusCode(), forged.body());
        assertTrue(forged.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        HttpResponse<String> unsigned = deliver(Map.of("X-WC-Webhook-Topic", "order.updated"), body);
        assertEquals(401, unsigned.statusCode());
        HttpResponse<String> otherTenant = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL()
                        + "/api/public/woo/webhooks/" + UUID.randomUUID() + "/" + siteId))
                .header("Content-Type", "application/json").header("X-WC-Webhook-Signature", sign(store.webhooksList().get(0).secret, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, otherTenant.statusCode(), "a delivery URL is bound to its tenant");
        assertEquals(before, hints());
    }

    @Test
    void webhooksWooCommerceDisabledOrLostAreReactivatedOrRecreated() {
        List<Webhook> hooks = store.webhooksList();
        hooks.get(0).status = "disabled";
        long lost = hooks.get(1).id;
        store.locked(() -> {
            store.webhooks.remove(lost);
        });
        ApiClient.Response repaired = api.post(base() + "/webhooks/repair", token, null);
        assertEquals(200, repaired.status(), repaired.toString());
        repaired.json().forEach(h -> assertEquals("active", h.get("status").asText()));
        assertEquals(3, store.webhooksList().size());
        store.webhooksList().forEach(h -> assertEquals("active", h.status, h.topic));
        JsonNode listed = api.get(base() + "/webhooks", token).json();
        assertEquals(3, listed.size());
        assertTrue(listed.findValuesAsText("wooWebhookId").stream().noneMatch(id -> id.equals(Long.toString(lost))));
    }

    // ---- helpers -------------------------------------------------------------------------

    private long createProduct(String sku) throws Exception {
        return createProduct(store, sku);
    }

    private long createProduct(Store in, String sku) throws Exception {
        JsonNode key = SharedJson.read(sandbox("POST", "/__sandbox/stores/" + in.name() + "/keys",
                "{\"permissions\":\"read_write\"}").body());
        com.counterlink.woo.WooClient client = com.counterlink.woo.WooClient.forStore(in.siteUrl(),
                new com.counterlink.woo.WooCredentials(key.path("consumer_key").asText(), key.path("consumer_secret").asText()),
                com.counterlink.woo.WooClientConfig.defaults(), new com.counterlink.platform.net.OutboundUrlPolicy(true));
        return client.post("products", SharedJson.MAPPER.createObjectNode().put("name", "Hooked").put("sku", sku)
                .put("regular_price", "5.00").put("manage_stock", true).put("stock_quantity", 10)).path("id").asLong();
    }

    private HttpResponse<String> sandbox(String method, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(woo.sandbox.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> deliver(Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + deliveryPath()))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        request.header("Content-Type", "application/json");
        headers.forEach((k, v) -> {
            if (k.toLowerCase().startsWith("x-wc-")) {
                request.header(k, v);
            }
        });
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sign(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private long checkout(Store in, String sku) throws Exception {
        HttpResponse<String> order = sandbox("POST", "/__sandbox/stores/" + in.name() + "/checkout",
                "{\"line_items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}");
        assertEquals(2, order.statusCode() / 100, order.body());
        return SharedJson.read(order.body()).path("id").asLong();
    }

    /** The sandbox's own deliveries of this order, once {@code count} of them answered. */
    private List<WebhookDelivery> awaitDeliveries(long orderId, int count) throws InterruptedException {
        await(() -> store.webhookDeliveries().stream().filter(d -> !d.ping() && d.resourceId() == orderId
                && d.topic().startsWith("order.") && d.responseCode() > 0).count() >= count);
        return store.webhookDeliveries().stream().filter(d -> !d.ping() && d.resourceId() == orderId
                && d.topic().startsWith("order.")).toList();
    }

    private boolean ledgerHas(long wooOrderId) {
        for (JsonNode o : api.get("/api/tenants/" + tenantId + "/orders?siteId=" + shopSite, token).json()) {
            if (o.get("wooOrderId").asLong() == wooOrderId) {
                return true;
            }
        }
        return false;
    }

    private int orderRuns() {
        return api.get("/api/tenants/" + tenantId + "/stores/" + shopSite + "/runs?jobType=ORDERS", token).json().size();
    }

    /** The number of orders runs once the runs earlier tests' deliveries started have all ended. */
    private int settledOrderRuns() throws InterruptedException {
        int runs = -1;
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            int now = orderRuns();
            if (now != runs || orderRunRunning()) {
                runs = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > Duration.ofSeconds(1).toNanos()) {
                return runs;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the store's orders runs did not settle");
    }

    private boolean orderRunRunning() {
        for (JsonNode run : api.get("/api/tenants/" + tenantId + "/stores/" + shopSite + "/runs?jobType=ORDERS", token).json()) {
            if (run.get("status").asText().equals("RUNNING")) {
                return true;
            }
        }
        return false;
    }

    private long orderHints(String site, long orderId) {
        return hintsOf(site, "order.created", orderId) + hintsOf(site, "order.updated", orderId);
    }

    private long hintsOf(String site, String topic, long resourceId) {
        return count("SELECT count(*) FROM webhook_hints WHERE site_id = ? AND topic = ? AND resource_id = ?",
                UUID.fromString(site), topic, resourceId);
    }

    /** The condition holds now and still after two seconds (what a run started by mistake would take to show). */
    private static void assertStays(BooleanSupplier condition, String otherwise) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < until) {
            assertTrue(condition.getAsBoolean(), otherwise);
            Thread.sleep(200);
        }
    }

    private long hints() {
        return count("SELECT count(*) FROM webhook_hints WHERE site_id = ?", UUID.fromString(siteId));
    }

    private static long count(String sql, Object... args) {
        try (Connection c = SharedPostgres.superuserConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(100);
        }
    }

    private static final class SharedJson {
        static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

        static JsonNode read(String body) throws Exception {
            return MAPPER.readTree(body);
        }
    }
}
