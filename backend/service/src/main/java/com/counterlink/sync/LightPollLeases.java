package com.counterlink.sync;

import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.db.TxSql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Which stores get a light poll and when each is next due (table {@code light_polls}). A replica takes due
 * stores with a lease (a timestamp, not a held connection), polls them and hands them back with their next
 * time; a replica that dies mid-poll loses the lease when it runs out, and another replica takes the store.
 */
@Singleton
public class LightPollLeases {

    private final TenantTransactions transactions;
    private final TxSql sql;

    public LightPollLeases(TenantTransactions transactions, TxSql sql) {
        this.transactions = transactions;
        this.sql = sql;
    }

    /** A store taken for one look. */
    record Lease(UUID tenantId, UUID siteId, JobType job, Duration interval, Instant seenUntil, int failures) {
    }

    /**
     * Inside the caller's tenant transaction: exactly these stores of the tenant get the job's light poll.
     * New ones are due at once; the ones kept keep their timing; the tenant's others are dropped.
     */
    public void keepOnly(UUID tenantId, JobType job, Collection<UUID> siteIds, Duration firstInterval) {
        String[] ids = siteIds.stream().map(UUID::toString).toArray(String[]::new);
        sql.update("DELETE FROM light_polls WHERE tenant_id = ? AND job_type = ? AND NOT (site_id = ANY (?::uuid[]))",
                tenantId, job.name(), ids);
        for (UUID siteId : siteIds) {
            sql.update("INSERT INTO light_polls (site_id, job_type, tenant_id, interval_ms) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (site_id, job_type) DO NOTHING", siteId, job.name(), tenantId, (int) firstInterval.toMillis());
        }
    }

    /** Inside the caller's tenant transaction: the tenant's stores that get the job's light poll. */
    public List<UUID> polled(UUID tenantId, JobType job) {
        return sql.query("SELECT site_id FROM light_polls WHERE tenant_id = ? AND job_type = ? ORDER BY site_id",
                row -> row.getObject(1, UUID.class), tenantId, job.name());
    }

    /** Up to {@code max} due stores of any tenant, leased to {@code replica} for {@code leaseFor}. */
    List<Lease> claim(String replica, int max, Duration leaseFor) {
        return transactions.asLightPoller(() -> sql.query("UPDATE light_polls p SET leased_by = ?,"
                + " leased_until = now() + (? * interval '1 millisecond')"
                + " FROM (SELECT site_id, job_type FROM light_polls WHERE next_poll_at <= now()"
                + " AND (leased_until IS NULL OR leased_until < now()) ORDER BY next_poll_at LIMIT ? FOR UPDATE SKIP LOCKED) due"
                + " WHERE p.site_id = due.site_id AND p.job_type = due.job_type"
                + " RETURNING p.tenant_id, p.site_id, p.job_type, p.interval_ms, p.seen_until, p.failures",
                LightPollLeases::lease, replica, leaseFor.toMillis(), max));
    }

    /** The look is done: the store is due again after {@code next}, unless another replica took it over meanwhile. */
    void release(String replica, Lease lease, Duration next, Instant seenUntil, int failures, String error) {
        transactions.inTenantRelaxed(lease.tenantId(), () -> sql.update("UPDATE light_polls SET"
                        + " next_poll_at = now() + (? * interval '1 millisecond'), interval_ms = ?, seen_until = ?, failures = ?,"
                        + " last_error = ?, polled_at = now(), leased_by = NULL, leased_until = NULL"
                        + " WHERE site_id = ? AND job_type = ? AND leased_by = ?",
                next.toMillis(), (int) next.toMillis(), seenUntil, failures, error, lease.siteId(), lease.job().name(), replica));
    }

    /** The store no longer needs the poll. */
    void drop(Lease lease) {
        transactions.inTenantRelaxed(lease.tenantId(), () -> sql.update(
                "DELETE FROM light_polls WHERE site_id = ? AND job_type = ?", lease.siteId(), lease.job().name()));
    }

    private static Lease lease(ResultSet row) throws SQLException {
        return new Lease(row.getObject(1, UUID.class), row.getObject(2, UUID.class), JobType.valueOf(row.getString(3)),
                Duration.ofMillis(row.getInt(4)), TxSql.instant(row, "seen_until"), row.getInt(6));
    }
}
