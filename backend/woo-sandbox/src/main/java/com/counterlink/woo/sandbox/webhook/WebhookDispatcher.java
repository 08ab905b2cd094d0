package com.counterlink.woo.sandbox.webhook;

import com.counterlink.woo.sandbox.coupon.CouponJson;
import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.order.OrderJson;
import com.counterlink.woo.sandbox.product.ProductJson;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Queues and delivers webhooks like WooCommerce + Action Scheduler. A change queues a delivery, at most one pending
 * per webhook and resource (later changes coalesce into it). The queue runner wakes up {@code delayMillis} after the
 * first queued delivery (WP-Cron on a quiet store: 20-60 s) and sends everything queued, one after the other; each
 * payload is built when it is sent, so it carries the latest state.
 */
public final class WebhookDispatcher {
    public static final String USER_AGENT = "WooCommerce/10.0.2 Hookshot (WordPress/6.8.3)";

    /** Creates a dispatcher bound to one store. */
    public interface Factory {
        WebhookDispatcher create(Store store);
    }

    private record Pending(long webhookId, String topic, long resourceId, JsonNode fixedPayload) {}

    private final Store store;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final long delayMillis;
    private final Duration timeout;
    private final DeliveryId deliveryIds = new DeliveryId(Store.randomHex(32));
    private volatile int maxFailures = 5;
    /** Guarded by itself, as is {@link #runnerScheduled}. */
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private boolean runnerScheduled;
    private final List<WebhookDelivery> log = new CopyOnWriteArrayList<>();

    public WebhookDispatcher(Store store, HttpClient http, ScheduledExecutorService scheduler, long delayMillis, Duration timeout) {
        this.store = store;
        this.http = http;
        this.scheduler = scheduler;
        this.delayMillis = delayMillis;
        this.timeout = timeout;
    }

    /** woocommerce_max_webhook_delivery_failures (default 5: the 7th consecutive failure disables). */
    public void setMaxFailures(int maxFailures) { this.maxFailures = maxFailures; }

    public List<WebhookDelivery> deliveries() { return List.copyOf(log); }

    public void clearLog() { log.clear(); }

    /** Called with the store lock held, right after the change. */
    public void enqueue(String topic, long resourceId) { enqueue(topic, resourceId, null); }

    public void enqueueDeleted(String topic, long resourceId) {
        ObjectNode payload = Json.object();
        payload.put("id", resourceId);
        enqueue(topic, resourceId, payload);
    }

    private void enqueue(String topic, long resourceId, JsonNode fixedPayload) {
        for (Webhook w : store.webhooks.values()) {
            if (!"active".equals(w.status) || !w.topic.equals(topic)) continue;
            String key = w.id + ":" + resourceId;
            synchronized (pending) {
                if (pending.containsKey(key)) continue;
                pending.put(key, new Pending(w.id, topic, resourceId, fixedPayload));
                if (delayMillis >= 0 && !runnerScheduled) {
                    runnerScheduled = true;
                    scheduler.schedule(this::runScheduled, delayMillis, TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    private void runScheduled() {
        synchronized (pending) {
            runnerScheduled = false;
        }
        runQueue();
    }

    /** Runs every queued delivery now (the sandbox's "run Action Scheduler"). */
    public int flush() { return runQueue(); }

    public int pendingCount() {
        synchronized (pending) {
            return pending.size();
        }
    }

    /**
     * One queue runner pass: claims everything queued, then sends it in order. A change made while the pass runs
     * queues a new delivery (the claimed one is already in progress) for the next pass.
     */
    private int runQueue() {
        List<Pending> claimed;
        synchronized (pending) {
            claimed = new ArrayList<>(pending.values());
            pending.clear();
        }
        claimed.forEach(this::deliver);
        return claimed.size();
    }

    private void deliver(Pending p) {
        Webhook w = store.locked(() -> store.webhooks.get(p.webhookId()));
        if (w == null || !"active".equals(w.status)) return;
        JsonNode payload = p.fixedPayload() != null ? p.fixedPayload() : store.locked(() -> render(w.resource(), p.resourceId()));
        deliver(w, p.topic(), p.resourceId(), Json.phpBytes(payload));
    }

    private JsonNode render(String resource, long id) {
        JsonNode out = switch (resource) {
            case "order" -> store.orders.containsKey(id) ? OrderJson.render(store, store.orders.get(id)) : null;
            case "product" -> store.products.containsKey(id) ? ProductJson.asProduct(store, store.products.get(id), false) : null;
            case "coupon" -> store.coupons.containsKey(id) ? CouponJson.render(store, store.coupons.get(id)) : null;
            default -> null;
        };
        if (out == null) {
            ObjectNode gone = Json.object();
            gone.put("id", id);
            return gone;
        }
        return out;
    }

    private void deliver(Webhook w, String topic, long resourceId, byte[] body) {
        String deliveryId = deliveryIds.of(w.id, store.clock().now());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", USER_AGENT);
        headers.put("Content-Type", "application/json");
        headers.put("X-WC-Webhook-Source", store.siteUrl() + "/");
        headers.put("X-WC-Webhook-Topic", topic);
        headers.put("X-WC-Webhook-Resource", w.resource());
        headers.put("X-WC-Webhook-Event", w.event());
        headers.put("X-WC-Webhook-Signature", WebhookSignature.sign(body, w.secret));
        headers.put("X-WC-Webhook-ID", String.valueOf(w.id));
        headers.put("X-WC-Webhook-Delivery-ID", deliveryId);
        WebhookDelivery d = post(w, topic, resourceId, false, deliveryId, headers, body);
        // WC_Webhook::deliver: 2xx, 301 and 302 count as delivered; anything else is a failure.
        store.locked(() -> {
            if (d.success()) {
                w.failureCount = 0;
            } else if (w.failureCount > maxFailures) {
                w.status = "disabled";
            } else {
                w.failureCount++;
            }
        });
    }

    /** deliver_ping(): synchronous form post "webhook_id=N", no X-WC-* headers; the result does not matter. */
    public WebhookDelivery ping(Webhook w) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", USER_AGENT);
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        byte[] body = ("webhook_id=" + w.id).getBytes(StandardCharsets.UTF_8);
        return post(w, w.topic, 0, true, "", headers, body);
    }

    private WebhookDelivery post(Webhook w, String topic, long resourceId, boolean ping, String deliveryId,
                                 Map<String, String> headers, byte[] body) {
        long start = System.nanoTime();
        int code = 0;
        String responseBody = "";
        String error = null;
        try {
            HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(w.deliveryUrl)).timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(rb::header);
            HttpResponse<String> resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
            code = resp.statusCode();
            responseBody = resp.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        boolean success = ping ? code == 200 : code >= 200 && code <= 299 || code == 301 || code == 302;
        WebhookDelivery d = new WebhookDelivery(deliveryId, w.id, topic, resourceId, ping, store.clock().now(), w.deliveryUrl,
                headers, new String(body, StandardCharsets.UTF_8), code, responseBody, error,
                (System.nanoTime() - start) / 1_000_000, success);
        log.add(d);
        return d;
    }
}
