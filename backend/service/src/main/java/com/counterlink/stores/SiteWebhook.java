package com.counterlink.stores;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** One webhook we registered on a store. */
@MappedEntity("site_webhooks")
public record SiteWebhook(@Id UUID id, UUID tenantId, UUID siteId, String topic, long wooWebhookId, String status,
                          Instant checkedAt) {
}
