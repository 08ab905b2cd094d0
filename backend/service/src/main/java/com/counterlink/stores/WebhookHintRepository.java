package com.counterlink.stores;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.UUID;

/** Verified webhook deliveries as hints for the sync jobs; a repeated delivery is stored once. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface WebhookHintRepository extends GenericRepository<WebhookHint, Long> {

    /** Answers 1 when stored, 0 when the same delivery (or the same resource version) was already there. */
    @Query("""
            INSERT INTO webhook_hints (tenant_id, site_id, delivery_id, topic, resource_id, resource_modified)
            VALUES (:tenantId, :siteId, :deliveryId, :topic, :resourceId, :resourceModified)
            ON CONFLICT DO NOTHING""")
    int insertIfNew(UUID tenantId, UUID siteId, @Nullable String deliveryId, String topic, long resourceId,
                    @Nullable String resourceModified);

    long countBySiteId(UUID siteId);
}
