package com.counterlink.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * Our staff acting in a tenant: read-only, with a reason, until it expires or someone ends it. While
 * {@code elevatedUntil} is ahead it may also do the few writes support needs ({@code elevatedReason}).
 * {@code endedBy} is the subject of whoever ended it: the staff member, or an owner of the company.
 */
@Serdeable
@MappedEntity("support_sessions")
public record SupportSession(@Id UUID id, UUID tenantId, String staffSubject, @Nullable String staffEmail,
                             String reason, Instant startedAt, Instant expiresAt, @Nullable Instant endedAt,
                             @Nullable String elevatedReason, @Nullable Instant elevatedAt,
                             @Nullable Instant elevatedUntil, @Nullable String endedBy) {

    public static SupportSession opened(UUID tenantId, String staffSubject, String staffEmail, String reason,
                                        Instant at, Instant expiresAt) {
        return new SupportSession(UUID.randomUUID(), tenantId, staffSubject, staffEmail, reason, at, expiresAt, null,
                null, null, null, null);
    }

    public boolean activeAt(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }

    /** Elevated for writes at {@code now}: live, and inside the elevation's own time limit. */
    public boolean writableAt(Instant now) {
        return activeAt(now) && elevatedUntil != null && now.isBefore(elevatedUntil);
    }

    public boolean endedByStaff() {
        return endedAt != null && staffSubject.equals(endedBy);
    }

    public SupportSession ended(Instant at, String by) {
        return new SupportSession(id, tenantId, staffSubject, staffEmail, reason, startedAt, expiresAt, at,
                elevatedReason, elevatedAt, elevatedUntil == null || elevatedUntil.isBefore(at) ? elevatedUntil : at, by);
    }

    public SupportSession elevated(String why, Instant at, Instant until) {
        return new SupportSession(id, tenantId, staffSubject, staffEmail, reason, startedAt, expiresAt, endedAt,
                why, at, until.isAfter(expiresAt) ? expiresAt : until, endedBy);
    }

    /** Back to read-only (the elevation's reason and start stay on record). */
    public SupportSession lowered(Instant at) {
        return new SupportSession(id, tenantId, staffSubject, staffEmail, reason, startedAt, expiresAt, endedAt,
                elevatedReason, elevatedAt, elevatedUntil == null || elevatedUntil.isBefore(at) ? elevatedUntil : at,
                endedBy);
    }

    /** How the audit trail names who acted for the tenant, and whether writes were open then. */
    public String onBehalfOf() {
        String session = "support session " + id + " (" + reason + ")";
        return writableAt(Instant.now()) ? session + ", elevated for writes (" + elevatedReason + ")" : session;
    }
}
