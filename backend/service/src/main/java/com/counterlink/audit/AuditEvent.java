package com.counterlink.audit;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@io.micronaut.serde.annotation.Serdeable
@MappedEntity("audit_events")
public record AuditEvent(@Id @GeneratedValue Long id, UUID tenantId, Instant occurredAt, String actorSubject,
                         @Nullable String actorEmail, @Nullable String onBehalfOf, String action, @Nullable String targetType, @Nullable String targetId,
                         @TypeDef(type = DataType.JSON) Map<String, Object> detail) {
}
