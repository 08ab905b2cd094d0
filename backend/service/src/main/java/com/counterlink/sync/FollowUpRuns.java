package com.counterlink.sync;

import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.db.TxSql;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.UUID;

/** Runs asked for while the same job of the store was busy, on any replica (table {@code sync_follow_ups}). */
@Singleton
class FollowUpRuns {

    private final TenantTransactions transactions;
    private final TxSql sql;

    FollowUpRuns(TenantTransactions transactions, TxSql sql) {
        this.transactions = transactions;
        this.sql = sql;
    }

    void request(UUID tenantId, UUID siteId, JobType type, RunTrigger trigger) {
        transactions.inTenant(tenantId, null, () -> {
            Optional<RunTrigger> pending = sql.queryOne(
                    "SELECT run_trigger FROM sync_follow_ups WHERE site_id = ? AND job_type = ? FOR UPDATE",
                    row -> RunTrigger.valueOf(row.getString(1)), siteId, type.name());
            if (pending.isEmpty()) {
                sql.update("INSERT INTO sync_follow_ups (tenant_id, site_id, job_type, run_trigger) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (site_id, job_type) DO NOTHING", tenantId, siteId, type.name(), trigger.name());
            } else if (trigger.weight() > pending.get().weight()) {
                sql.update("UPDATE sync_follow_ups SET run_trigger = ?, requested_at = now() WHERE site_id = ? AND job_type = ?",
                        trigger.name(), siteId, type.name());
            }
            return null;
        });
    }

    /** The pending request, removed; call only while holding the store's job lock. */
    Optional<RunTrigger> take(UUID tenantId, UUID siteId, JobType type) {
        return transactions.inTenant(tenantId, null, () -> sql.queryOne(
                "DELETE FROM sync_follow_ups WHERE site_id = ? AND job_type = ? RETURNING run_trigger",
                row -> RunTrigger.valueOf(row.getString(1)), siteId, type.name()));
    }

    boolean pending(UUID tenantId, UUID siteId, JobType type) {
        return transactions.inTenant(tenantId, null, () -> sql.queryOne(
                "SELECT 1 FROM sync_follow_ups WHERE site_id = ? AND job_type = ?", row -> true, siteId, type.name())
                .isPresent());
    }
}
