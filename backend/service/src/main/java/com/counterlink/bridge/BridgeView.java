package com.counterlink.bridge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A bridge as the portal lists it. */
@Serdeable
public record BridgeView(UUID id, String name, String status, boolean online, @Nullable Instant lastSeenAt,
                         @Nullable String version, @Nullable Integer latencyMs, Instant createdAt,
                         @Nullable Instant revokedAt) {
}
