package com.counterlink.support;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
public record TenantDirectoryEntry(UUID id, String name, String slug, String status, Instant createdAt) {
}
