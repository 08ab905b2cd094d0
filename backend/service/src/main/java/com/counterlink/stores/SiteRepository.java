package com.counterlink.stores;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sites of the tenant the transaction is scoped to (row-level security does the rest). */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SiteRepository extends CrudRepository<Site, UUID> {

    List<Site> findByTenantIdAndStatusNotEqualOrderByCreatedAt(UUID tenantId, SiteStatus status);

    Optional<Site> findByIdAndTenantId(UUID id, UUID tenantId);

    /** Consumes a pending link state once: answers 1 when the keys were stored, 0 for a bad or used state. */
    @Query("""
            UPDATE sites SET consumer_key_enc = :keyEnc, consumer_secret_enc = :secretEnc,
                   key_permissions = :permissions, status = 'ACTIVE', status_reason = NULL,
                   link_state_hash = NULL, link_state_expires_at = NULL, linked_at = :now, updated_at = :now
            WHERE id = :id AND tenant_id = :tenantId AND status <> 'REMOVED'
              AND link_state_hash = :stateHash AND link_state_expires_at > :now""")
    int consumeLinkState(UUID id, UUID tenantId, byte[] stateHash, byte[] keyEnc, byte[] secretEnc, String permissions,
                         Instant now);

    @Query("""
            UPDATE sites SET consumer_key_enc = :keyEnc, consumer_secret_enc = :secretEnc, key_permissions = NULL,
                   status = 'ACTIVE', status_reason = NULL, link_state_hash = NULL, link_state_expires_at = NULL,
                   linked_at = :now, updated_at = :now
            WHERE id = :id AND tenant_id = :tenantId AND status <> 'REMOVED'""")
    int setCredentials(UUID id, UUID tenantId, byte[] keyEnc, byte[] secretEnc, Instant now);

    /** Removal keeps the row (history points at it) but forgets every secret. */
    @Query("""
            UPDATE sites SET status = 'REMOVED', status_reason = :reason, consumer_key_enc = NULL,
                   consumer_secret_enc = NULL, webhook_secret_enc = NULL, link_state_hash = NULL,
                   link_state_expires_at = NULL, updated_at = :now
            WHERE id = :id AND tenant_id = :tenantId AND status <> 'REMOVED'""")
    int markRemoved(UUID id, UUID tenantId, String reason, Instant now);

    /** Sets the secret only if there is none yet: of two registrations at once, the first one's secret stays. */
    @Query("UPDATE sites SET webhook_secret_enc = :secretEnc, updated_at = :now WHERE id = :id AND tenant_id = :tenantId "
            + "AND webhook_secret_enc IS NULL")
    int setWebhookSecret(UUID id, UUID tenantId, byte[] secretEnc, Instant now);

    @Query("""
            UPDATE sites SET link_state_hash = :stateHash, link_state_expires_at = :expiresAt, name = :name, updated_at = :now
            WHERE id = :id AND tenant_id = :tenantId AND status = 'PENDING'""")
    int renewLinkState(UUID id, UUID tenantId, String name, byte[] stateHash, Instant expiresAt, Instant now);

    /** What the store calls itself, as it last told us. */
    @Query("UPDATE sites SET home_url = :homeUrl WHERE id = :id AND tenant_id = :tenantId AND status <> 'REMOVED'")
    int setHomeUrl(UUID id, UUID tenantId, String homeUrl);

    @Query("UPDATE sites SET base_url = :baseUrl, updated_at = :now WHERE id = :id AND tenant_id = :tenantId AND status <> 'REMOVED'")
    int setBaseUrl(UUID id, UUID tenantId, String baseUrl, Instant now);
}
