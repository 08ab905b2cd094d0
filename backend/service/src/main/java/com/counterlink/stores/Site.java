package com.counterlink.stores;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A WooCommerce store of a tenant; credentials only ever sealed by SecretBox. */
@MappedEntity("sites")
public record Site(@Id UUID id, UUID tenantId, String name, String baseUrl, SiteStatus status,
                   @Nullable String statusReason,
                   @Nullable byte[] consumerKeyEnc, @Nullable byte[] consumerSecretEnc, @Nullable byte[] webhookSecretEnc,
                   @TypeDef(type = DataType.JSON) Map<String, Object> settings,
                   Instant createdAt, Instant updatedAt,
                   @Nullable byte[] linkStateHash, @Nullable Instant linkStateExpiresAt,
                   @Nullable String keyPermissions, @Nullable Instant linkedAt) {

    public boolean hasCredentials() {
        return consumerKeyEnc != null && consumerSecretEnc != null;
    }
}
