package com.counterlink.stores;

import com.counterlink.woo.SiteAddress;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A store as the portal shows it. {@code homeUrl} is what WooCommerce calls the site, once read;
 * {@code addressNotice} says so when it is not the address entered ({@code url}).
 */
@Serdeable
public record StoreView(UUID id, String name, String url, String status, @Nullable String statusReason,
                        boolean hasCredentials, @Nullable String keyPermissions, Instant createdAt,
                        @Nullable Instant linkedAt, @Nullable String homeUrl, @Nullable String addressNotice) {

    static StoreView of(Site site) {
        return new StoreView(site.id(), site.name(), site.baseUrl(), site.status().name(), site.statusReason(),
                site.hasCredentials(), site.keyPermissions(), site.createdAt(), site.linkedAt(), site.homeUrl(),
                site.addressDiffers() ? SiteAddress.mismatch(site.baseUrl(), site.homeUrl()) : null);
    }
}
