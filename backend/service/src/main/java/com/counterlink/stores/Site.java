package com.counterlink.stores;

import com.counterlink.woo.SiteAddress;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A WooCommerce store of a tenant; credentials only ever sealed by SecretBox. {@code baseUrl} is the
 * address entered (and called); {@code homeUrl} what the store calls itself, once read.
 */
@MappedEntity("sites")
public record Site(@Id UUID id, UUID tenantId, String name, String baseUrl, SiteStatus status,
                   @Nullable String statusReason,
                   @Nullable byte[] consumerKeyEnc, @Nullable byte[] consumerSecretEnc, @Nullable byte[] webhookSecretEnc,
                   @TypeDef(type = DataType.JSON) Map<String, Object> settings,
                   Instant createdAt, Instant updatedAt,
                   @Nullable byte[] linkStateHash, @Nullable Instant linkStateExpiresAt,
                   @Nullable String keyPermissions, @Nullable Instant linkedAt, @Nullable String homeUrl) {

    public boolean hasCredentials() {
        return consumerKeyEnc != null && consumerSecretEnc != null;
    }

    /** The store calls itself by another address than the one entered. */
    public boolean addressDiffers() {
        return homeUrl != null && !SiteAddress.same(baseUrl, homeUrl);
    }
}
