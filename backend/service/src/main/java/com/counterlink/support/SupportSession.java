package com.counterlink.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
@MappedEntity("support_sessions")
public record SupportSession(@Id UUID id, UUID tenantId, String staffSubject, @Nullable String staffEmail,
                             String reason, Instant startedAt, Instant expiresAt, @Nullable Instant endedAt) {

    public boolean activeAt(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }

    /** How the audit trail names who acted for the tenant. */
    public String onBehalfOf() {
        return "support session " + id + " (" + reason + ")";
    }
}
