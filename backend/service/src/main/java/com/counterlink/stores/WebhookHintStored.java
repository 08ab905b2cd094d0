package com.counterlink.stores;

import java.util.UUID;

/**
 * Published (Micronaut application event) after a verified delivery became a new hint: the jobs that
 * read such hints listen (an order hint runs the store's orders job now), so this package needs none of them.
 */
public record WebhookHintStored(UUID tenantId, UUID siteId, String topic, long resourceId) {
}
