package com.counterlink.tenancy;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("members")
public record Member(@Id UUID id, UUID tenantId, String subject, @Nullable String email, @Nullable String displayName,
                     MemberRole role, Instant joinedAt) {
}
