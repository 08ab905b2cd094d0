package com.counterlink.orders;

import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.db.TxSql;
import com.counterlink.sync.JobType;
import com.counterlink.sync.LightPollLeases;
import com.counterlink.sync.LightPollSettings;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/**
 * The stores of a company whose web orders hold stock that another of its stores sells: every active store
 * with order settings and its orders job on, while allocation is on, as soon as there are two of them (one
 * Counterpoint per company). Only these get the orders light poll ({@link SiblingOrderPoll}): a lone store
 * has nobody to oversell against, so its orders can wait for the webhook or the job's interval.
 */
@Singleton
public class SiblingStores {

    private final TenantTransactions transactions;
    private final TxSql sql;
    private final LightPollLeases leases;
    private final LightPollSettings settings;

    SiblingStores(TenantTransactions transactions, TxSql sql, LightPollLeases leases, LightPollSettings settings) {
        this.transactions = transactions;
        this.sql = sql;
        this.leases = leases;
        this.settings = settings;
    }

    /** Inside the caller's tenant transaction: the stores that share stock, or none when fewer than two do. */
    List<UUID> sharingStock(UUID tenantId) {
        List<UUID> selling = sql.query("SELECT s.id FROM sites s"
                        + " LEFT JOIN job_settings j ON j.site_id = s.id AND j.job_type = 'ORDERS'"
                        + " WHERE s.tenant_id = ? AND s.status = 'ACTIVE' AND s.settings -> 'orders' IS NOT NULL"
                        + " AND COALESCE(j.enabled, true)"
                        + " AND COALESCE((SELECT allocation_enabled FROM order_tenant_settings WHERE tenant_id = ?), true)"
                        + " ORDER BY s.id",
                row -> row.getObject(1, UUID.class), tenantId, tenantId);
        return selling.size() >= 2 ? selling : List.of();
    }

    /**
     * Gives exactly the stores that share stock the orders light poll. Called whenever the answer may change
     * (order or allocation settings saved) and at every orders run, which also covers stores paused, removed or
     * switched off elsewhere, and stores configured before the light poll existed.
     */
    public void refresh(UUID tenantId) {
        transactions.inTenant(tenantId, null, () -> {
            leases.keepOnly(tenantId, JobType.ORDERS, sharingStock(tenantId), settings.getInterval());
            return null;
        });
    }
}
