package com.counterlink.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("invitations")
public record Invitation(@Id UUID id, UUID tenantId, String email, MemberRole role, byte[] secretHash,
                         String invitedBy, Instant createdAt, Instant expiresAt, InvitationStatus status,
                         @Nullable String acceptedBy, @Nullable Instant acceptedAt) {

    public boolean expired(Instant now) {
        return now.isAfter(expiresAt);
    }
}
