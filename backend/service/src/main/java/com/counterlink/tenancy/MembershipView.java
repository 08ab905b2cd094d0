package com.counterlink.tenancy;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

@Serdeable
public record MembershipView(UUID tenantId, String tenantName, String role) {
}
