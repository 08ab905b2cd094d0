package com.counterlink.testing;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.webhook.Webhook;
import com.fasterxml.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Webhook deliveries exactly as WooCommerce 10.0.2 sends them (headers, PHP-escaped JSON of the resource as
 * GET shows it now, base64 HMAC-SHA256 signature with the webhook's secret), for tests that must choose what the
 * sandbox chooses by itself: the delivery id, which real WooCommerce shares between every delivery of a webhook
 * within one second ({@code wp_hash(webhook_id . strtotime('now'))}), or a replay under another topic header.
 */
public final class WooDeliveries {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One delivery: what a webhook of {@code topic} would POST now. */
    public record Delivery(Webhook webhook, String topic, String deliveryId, byte[] body, String signature) {

        /** The same signed body under another (unsigned) topic header: a captured delivery replayed. */
        public Delivery asTopic(String otherTopic) {
            return new Delivery(webhook, otherTopic, deliveryId, body, signature);
        }
    }

    private WooDeliveries() {
    }

    /** The delivery id WooCommerce gives every delivery of this webhook within this second. */
    public static String sharedDeliveryId(Webhook webhook, long epochSecond) {
        try {
            byte[] hash = MessageDigest.getInstance("MD5").digest((webhook.id + "" + epochSecond).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The store's webhook of this topic (ours: the one that delivers to the backend). */
    public static Webhook webhook(Store store, String topic) {
        return store.webhooksList().stream().filter(w -> w.topic.equals(topic)).findFirst()
                .orElseThrow(() -> new AssertionError("the store has no " + topic + " webhook"));
    }

    /** What the store's {@code topic} webhook delivers for this product or order as it is now, with this delivery id. */
    public static Delivery of(Store store, String topic, long resourceId, String deliveryId) {
        Webhook webhook = webhook(store, topic);
        JsonNode resource = (topic.startsWith("order.") ? store.orderJson(resourceId) : store.productJson(resourceId))
                .orElseThrow(() -> new AssertionError("the store has no resource " + resourceId));
        byte[] body = Json.phpBytes(resource);
        return new Delivery(webhook, topic, deliveryId, body, sign(webhook.secret, body));
    }

    /** POSTs the delivery to the webhook's delivery URL, as WooCommerce's Action Scheduler would. */
    public static HttpResponse<String> send(Store store, Delivery delivery) {
        Webhook hook = delivery.webhook();
        String resource = delivery.topic().contains(".") ? delivery.topic().substring(0, delivery.topic().indexOf('.')) : "action";
        String event = delivery.topic().substring(delivery.topic().indexOf('.') + 1);
        HttpRequest request = HttpRequest.newBuilder(URI.create(hook.deliveryUrl))
                .header("User-Agent", "WooCommerce/10.0.2 Hookshot (WordPress/6.8.3)")
                .header("Content-Type", "application/json")
                .header("X-WC-Webhook-Source", store.siteUrl() + "/")
                .header("X-WC-Webhook-Topic", delivery.topic())
                .header("X-WC-Webhook-Resource", resource)
                .header("X-WC-Webhook-Event", event)
                .header("X-WC-Webhook-Signature", delivery.signature())
                .header("X-WC-Webhook-ID", Long.toString(hook.id))
                .header("X-WC-Webhook-Delivery-ID", delivery.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body())).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The receipt our endpoint answered ({@code accepted}, {@code duplicate}, {@code ignored}), after checking it was 200. */
    public static String receipt(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new AssertionError("delivery answered " + answer.statusCode() + ": " + answer.body());
        }
        try {
            return Json.MAPPER.readTree(answer.body()).path("status").asText();
        } catch (Exception e) {
            throw new AssertionError("delivery answered " + answer.body(), e);
        }
    }

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
