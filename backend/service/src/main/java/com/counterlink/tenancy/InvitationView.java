package com.counterlink.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** An invitation as the owner sees it; {@code acceptUrl} is present only in the answer that created it. */
@Serdeable
public record InvitationView(UUID id, String email, String role, String status, Instant createdAt, Instant expiresAt,
                             @Nullable String acceptUrl) {

    static InvitationView of(Invitation invitation, String acceptUrl) {
        return new InvitationView(invitation.id(), invitation.email(), invitation.role().apiName(),
                invitation.status().name(), invitation.createdAt(), invitation.expiresAt(), acceptUrl);
    }
}
