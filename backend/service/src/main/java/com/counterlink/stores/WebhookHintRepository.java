package com.counterlink.stores;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.UUID;

/** Verified webhook deliveries as hints for the sync jobs; a delivery whose body was already stored is stored once. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface WebhookHintRepository extends GenericRepository<WebhookHint, Long> {

    /** Answers 1 when stored, 0 when a delivery with the same body (SHA-256) was already stored for the store. */
    @Query("""
            INSERT INTO webhook_hints (tenant_id, site_id, delivery_id, topic, resource_id, resource_modified, body_sha256)
            VALUES (:tenantId, :siteId, :deliveryId, :topic, :resourceId, :resourceModified, :bodySha256)
            ON CONFLICT DO NOTHING""")
    int insertIfNew(UUID tenantId, UUID siteId, @Nullable String deliveryId, String topic, long resourceId,
                    @Nullable String resourceModified, byte[] bodySha256);

    long countBySiteId(UUID siteId);
}
