package com.counterlink.woo.sandbox;

import com.counterlink.woo.sandbox.auth.ApiKey;
import com.counterlink.woo.sandbox.auth.KeyPermission;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhook delivery as a real WooCommerce 10.0.2 store does it: Action Scheduler batches, wp_hash delivery ids, late. */
class RealWebhookDeliveryTest {
    private final List<WooSandbox> sandboxes = new ArrayList<>();
    private RecordingListener listener;

    @BeforeEach
    void listen() throws Exception {
        listener = new RecordingListener();
    }

    @AfterEach
    void stop() {
        listener.close();
        sandboxes.forEach(WooSandbox::close);
    }

    private WooSandbox sandbox(Duration delay) {
        WooSandbox s = WooSandbox.start(WooSandboxConfig.builder().webhookDelay(delay).webhookTimeout(Duration.ofSeconds(5)).build());
        sandboxes.add(s);
        return s;
    }

    private static Map<String, String> auth(ApiKey k) { return SandboxClient.basic(k.consumerKey(), k.consumerSecret(), true); }

    private static HttpResponse<String> send(Store s, ApiKey k, String method, String route, String body) throws Exception {
        return SandboxClient.send(method, s.apiUrl() + route, body, auth(k));
    }

    private static long product(Store s, ApiKey k, String sku) throws Exception {
        String body = "{\"name\":\"Item " + sku + "\",\"regular_price\":\"10.00\",\"sku\":\"" + sku + "\",\"manage_stock\":true,\"stock_quantity\":5}";
        return SandboxClient.json(send(s, k, "POST", "/products", body)).get("id").asLong();
    }

    private long webhook(Store s, ApiKey k, String topic) throws Exception {
        String body = "{\"topic\":\"" + topic + "\",\"delivery_url\":\"" + listener.url() + "/hook\",\"secret\":\"s3cret\"}";
        long id = SandboxClient.json(send(s, k, "POST", "/webhooks", body)).get("id").asLong();
        assertNotNull(listener.next(2000), "ping");
        return id;
    }

    private List<RecordingListener.Received> receive(int count, long timeoutMillis) throws InterruptedException {
        List<RecordingListener.Received> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordingListener.Received r = listener.next(timeoutMillis);
            assertNotNull(r, "delivery " + (i + 1) + " of " + count + " arrived");
            out.add(r);
        }
        return out;
    }

    @Test
    void aQuietStoreDeliversHalfAMinuteLaterByDefault() throws Exception {
        assertEquals(Duration.ofSeconds(30), WooSandboxConfig.defaults().webhookDelay());
        WooSandbox sandbox = sandbox(WooSandboxConfig.defaults().webhookDelay());
        Store s = sandbox.createStore("quiet");
        ApiKey k = s.issueKey(KeyPermission.READ_WRITE);
        long id = product(s, k, "Q-1");
        webhook(s, k, "product.updated");

        send(s, k, "PUT", "/products/" + id, "{\"stock_quantity\":4}");

        assertNull(listener.next(1500), "nothing arrives within seconds of the change");
        assertEquals(1, s.webhookDispatcher().pendingCount());
        assertEquals(1, s.webhookDispatcher().flush(), "the flush endpoint still runs the queue at once");
        assertEquals(4, SandboxClient.JSON.readTree(listener.next(2000).body()).get("stock_quantity").asInt());
    }

    @Test
    void deliveriesOfOneWebhookInTheSameSecondShareTheirDeliveryId() throws Exception {
        WooSandbox sandbox = sandbox(Duration.ofMillis(-1));
        Store s = sandbox.createStore("ids");
        ApiKey k = s.issueKey(KeyPermission.READ_WRITE);
        s.clock().fixAt(Instant.parse("2026-12-01T10:00:00Z"));
        long a = product(s, k, "ID-A");
        long b = product(s, k, "ID-B");
        webhook(s, k, "product.updated");
        webhook(s, k, "product.updated");

        send(s, k, "PUT", "/products/" + a, "{\"stock_quantity\":1}");
        send(s, k, "PUT", "/products/" + b, "{\"stock_quantity\":2}");
        assertEquals(4, s.webhookDispatcher().flush());
        List<RecordingListener.Received> first = receive(4, 2000);
        Map<String, List<String>> idsByWebhook = new java.util.TreeMap<>();
        for (RecordingListener.Received r : first) {
            String id = r.header("X-WC-Webhook-Delivery-ID");
            assertTrue(id.matches("[0-9a-f]{32}"), id);
            idsByWebhook.computeIfAbsent(r.header("X-WC-Webhook-ID"), x -> new ArrayList<>()).add(id);
        }
        assertEquals(2, idsByWebhook.size());
        idsByWebhook.values().forEach(ids -> assertEquals(ids.get(0), ids.get(1), "both products' deliveries of one webhook carry one id"));
        List<String> perWebhook = idsByWebhook.values().stream().map(ids -> ids.get(0)).toList();
        assertNotEquals(perWebhook.get(0), perWebhook.get(1), "the id depends on the webhook");

        s.clock().advance(Duration.ofSeconds(1));
        send(s, k, "PUT", "/products/" + a, "{\"stock_quantity\":3}");
        s.webhookDispatcher().flush();
        List<RecordingListener.Received> later = receive(2, 2000);
        for (RecordingListener.Received r : later) {
            assertTrue(!idsByWebhook.get(r.header("X-WC-Webhook-ID")).contains(r.header("X-WC-Webhook-Delivery-ID")),
                    "a delivery a second later gets a new id");
        }
    }

    @Test
    void oneRunnerPassSendsEveryQueuedDeliveryTogether() throws Exception {
        WooSandbox sandbox = sandbox(Duration.ofMillis(1000));
        Store s = sandbox.createStore("burst");
        ApiKey k = s.issueKey(KeyPermission.READ_WRITE);
        s.clock().fixAt(Instant.parse("2026-12-01T10:00:00Z"));
        List<Long> ids = List.of(product(s, k, "B-1"), product(s, k, "B-2"), product(s, k, "B-3"));
        webhook(s, k, "product.updated");

        for (long id : ids) {
            send(s, k, "PUT", "/products/" + id, "{\"stock_quantity\":7}");
            Thread.sleep(300); // the changes are spread out, as a sync run writes them
        }
        List<Long> arrivals = new ArrayList<>();
        List<RecordingListener.Received> burst = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RecordingListener.Received r = listener.next(5000);
            assertNotNull(r, "delivery " + (i + 1));
            arrivals.add(System.nanoTime());
            burst.add(r);
        }
        long spreadMillis = (arrivals.get(2) - arrivals.get(0)) / 1_000_000;
        assertTrue(spreadMillis < 250, "the three deliveries arrive in one batch, not 300 ms apart (spread " + spreadMillis + " ms)");
        assertEquals(1, burst.stream().map(r -> r.header("X-WC-Webhook-Delivery-ID")).distinct().count(), "a burst shares its delivery id");
    }

    @Test
    void updatesWhileADeliveryIsQueuedCollapseIntoOneDeliveryWithTheLastState() throws Exception {
        WooSandbox sandbox = sandbox(Duration.ofMillis(2000));
        Store s = sandbox.createStore("collapse");
        ApiKey k = s.issueKey(KeyPermission.READ_WRITE);
        long id = product(s, k, "C-1");
        webhook(s, k, "product.updated");

        for (int qty = 3; qty >= 1; qty--) {
            send(s, k, "PUT", "/products/" + id, "{\"stock_quantity\":" + qty + "}");
            if (qty > 1) Thread.sleep(500);
        }
        RecordingListener.Received d = listener.next(5000);
        assertNotNull(d);
        assertEquals(1, SandboxClient.JSON.readTree(d.body()).get("stock_quantity").asInt(), "the payload is built when the delivery runs");
        assertEquals(0, s.webhookDispatcher().pendingCount());
        assertNull(listener.next(500), "one delivery for the three updates");
    }

    @Test
    void aReEnabledWebhookKeepsItsFailureCountSoItsNextFailureDisablesItAgain() throws Exception {
        WooSandbox sandbox = sandbox(Duration.ofMillis(-1));
        Store s = sandbox.createStore("reenable");
        ApiKey k = s.issueKey(KeyPermission.READ_WRITE);
        long id = product(s, k, "R-1");
        long hook = webhook(s, k, "product.updated");
        listener.respondWith(r -> 500);
        for (int i = 0; i < 7; i++) {
            send(s, k, "PUT", "/products/" + id, "{\"stock_quantity\":" + i + "}");
            s.webhookDispatcher().flush();
        }
        assertEquals("disabled", SandboxClient.json(send(s, k, "GET", "/webhooks/" + hook, null)).get("status").asText());

        JsonNode reenabled = SandboxClient.json(send(s, k, "PUT", "/webhooks/" + hook, "{\"status\":\"active\"}"));
        assertEquals("active", reenabled.get("status").asText());
        assertEquals(6, s.webhooksList().getFirst().failureCount, "re-enabling keeps failure_count");

        send(s, k, "PUT", "/products/" + id, "{\"stock_quantity\":9}");
        s.webhookDispatcher().flush();
        assertEquals("disabled", SandboxClient.json(send(s, k, "GET", "/webhooks/" + hook, null)).get("status").asText(),
                "the first failure after re-enabling disables it again");

        listener.respondWith(r -> 200);
        send(s, k, "PUT", "/webhooks/" + hook, "{\"status\":\"active\"}");
        send(s, k, "PUT", "/products/" + id, "{\"stock_quantity\":8}");
        s.webhookDispatcher().flush();
        assertEquals(0, s.webhooksList().getFirst().failureCount, "a successful delivery resets the count");
    }

    @Test
    void theStandaloneSandboxTakesTheDelayFromItsCommandLine() {
        assertEquals(Duration.ofMillis(500), WooSandboxMain.parse(new String[]{"--webhook-delay-ms", "500"}).config().webhookDelay());
        assertEquals(Duration.ofSeconds(30), WooSandboxMain.parse(new String[]{"--store", "shop"}).config().webhookDelay());
        assertTrue(WooSandboxMain.parse(new String[]{"--webhook-delay-ms", "-1"}).config().webhookDelay().isNegative(), "negative = only on flush");
    }
}
