package com.counterlink.support;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SupportSessionRepository extends CrudRepository<SupportSession, UUID> {

    Optional<SupportSession> findFirstByTenantIdAndStaffSubjectAndEndedAtIsNullAndExpiresAtGreaterThanOrderByStartedAtDesc(
            UUID tenantId, String staffSubject, Instant now);

    /** The staff member's latest session on the tenant, live or not: says why there is no access any more. */
    Optional<SupportSession> findFirstByTenantIdAndStaffSubjectOrderByStartedAtDesc(UUID tenantId, String staffSubject);

    List<SupportSession> findTop50ByTenantIdOrderByStartedAtDesc(UUID tenantId);

    List<SupportSession> findByStaffSubjectAndEndedAtIsNullAndExpiresAtGreaterThan(String staffSubject, Instant now);
}
