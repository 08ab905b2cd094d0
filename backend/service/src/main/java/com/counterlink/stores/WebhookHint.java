package com.counterlink.stores;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * "Resource X of this store changed": what a verified webhook delivery leaves for the sync jobs. A
 * delivery is known by the SHA-256 of its signed body ({@code null} on rows from before it was kept);
 * the delivery id is kept for diagnosis only, since WooCommerce gives one id to all deliveries of a
 * webhook within a second.
 */
@MappedEntity("webhook_hints")
public record WebhookHint(@Id @GeneratedValue Long id, UUID tenantId, UUID siteId, @Nullable String deliveryId,
                          String topic, long resourceId, @Nullable String resourceModified, Instant receivedAt,
                          @Nullable Instant consumedAt, @Nullable byte[] bodySha256) {
}
