package com.counterlink.tenancy;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface InvitationRepository extends CrudRepository<Invitation, UUID> {

    List<Invitation> findByTenantIdAndStatusOrderByCreatedAtDesc(UUID tenantId, InvitationStatus status);
}
