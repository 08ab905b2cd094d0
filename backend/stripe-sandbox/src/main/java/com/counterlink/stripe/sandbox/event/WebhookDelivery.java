package com.counterlink.stripe.sandbox.event;

/**
 * One attempt to deliver an event to an endpoint, as the management API shows it.
 *
 * @param status   the endpoint's HTTP status, or 0 when it could not be reached
 * @param error    why the attempt failed (connection refused, timeout), or null
 * @param nextRetryAt wall-clock second of the next attempt, or null when none is left (or it succeeded)
 */
public record WebhookDelivery(String eventId, String eventType, String endpointId, String url, int attempt, long sentAt,
                              String signatureHeader, String payload, int status, String responseBody, String error,
                              boolean succeeded, Long nextRetryAt) {}
