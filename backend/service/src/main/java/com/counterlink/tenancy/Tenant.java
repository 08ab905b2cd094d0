package com.counterlink.tenancy;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("tenants")
public record Tenant(@Id UUID id, String name, String slug, TenantStatus status, Instant createdAt, String createdBy) {
}
