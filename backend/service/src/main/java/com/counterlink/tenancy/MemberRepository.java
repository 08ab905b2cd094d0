package com.counterlink.tenancy;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MemberRepository extends CrudRepository<Member, UUID> {

    List<Member> findBySubjectOrderByJoinedAt(String subject);

    Optional<Member> findByTenantIdAndSubject(UUID tenantId, String subject);

    List<Member> findByTenantIdOrderByJoinedAt(UUID tenantId);
}
