package com.counterlink.stores;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
public record StoreView(UUID id, String name, String url, String status, @Nullable String statusReason,
                        boolean hasCredentials, @Nullable String keyPermissions, Instant createdAt,
                        @Nullable Instant linkedAt) {

    static StoreView of(Site site) {
        return new StoreView(site.id(), site.name(), site.baseUrl(), site.status().name(), site.statusReason(),
                site.hasCredentials(), site.keyPermissions(), site.createdAt(), site.linkedAt());
    }
}
