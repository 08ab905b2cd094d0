package com.counterlink.tenancy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TenantRepository extends CrudRepository<Tenant, UUID> {

    java.util.List<Tenant> findTop50ByNameIlikeOrderByName(String pattern);

    /** Inserts unless the slug is taken (by any tenant, visible or not); answers how many rows were inserted. */
    @Query("""
            INSERT INTO tenants (id, name, slug, status, created_at, created_by)
            VALUES (:id, :name, :slug, 'ACTIVE', :createdAt, :createdBy)
            ON CONFLICT (slug) DO NOTHING""")
    int insertIfSlugFree(UUID id, String name, String slug, Instant createdAt, String createdBy);
}
