package com.counterlink.woo.sandbox.webhook;

import java.time.Instant;
import java.util.Map;

/** One attempted HTTP delivery (or ping), kept for inspection through the management API. */
public record WebhookDelivery(String deliveryId, long webhookId, String topic, long resourceId, boolean ping,
                              Instant at, String url, Map<String, String> requestHeaders, String requestBody,
                              int responseCode, String responseBody, String error, long durationMillis, boolean success) {
}
