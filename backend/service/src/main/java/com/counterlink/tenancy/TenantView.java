package com.counterlink.tenancy;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
public record TenantView(UUID id, String name, String slug, String status, Instant createdAt, String role) {

    static TenantView of(Tenant tenant, MemberRole role) {
        return new TenantView(tenant.id(), tenant.name(), tenant.slug(), tenant.status().name(), tenant.createdAt(),
                role == null ? null : role.apiName());
    }
}
