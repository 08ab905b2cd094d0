package com.counterlink.sync;

import com.counterlink.bridge.CounterpointAnswering;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.db.TxSql;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/**
 * Counterpoint answers the bridge again: every store job whose newest run waited for it runs now, instead of at its
 * interval (the interval stays the backstop, e.g. when this replica does not run jobs).
 */
@Singleton
public class ResumeWhenCounterpointAnswers {

    private final TenantTransactions transactions;
    private final TxSql sql;
    private final SyncScheduler scheduler;

    public ResumeWhenCounterpointAnswers(TenantTransactions transactions, TxSql sql, SyncScheduler scheduler) {
        this.transactions = transactions;
        this.sql = sql;
        this.scheduler = scheduler;
    }

    private record Waiting(UUID siteId, JobType jobType) {
    }

    @EventListener
    void onCounterpointAnswering(CounterpointAnswering event) {
        List<Waiting> waiting = transactions.inTenant(event.tenantId(), null, () -> sql.query("""
                SELECT site_id, job_type FROM (SELECT DISTINCT ON (r.site_id, r.job_type) r.site_id, r.job_type, r.status
                  FROM sync_runs r JOIN sites s ON s.id = r.site_id
                 WHERE s.status = 'ACTIVE' AND r.run_trigger <> 'PREVIEW'
                 ORDER BY r.site_id, r.job_type, r.started_at DESC) latest
                 WHERE status = 'WAITING_FOR_COUNTERPOINT'""",
                row -> new Waiting(row.getObject(1, UUID.class), JobType.valueOf(row.getString(2)))));
        for (Waiting run : waiting) {
            scheduler.runNow(event.tenantId(), run.siteId(), run.jobType(), RunTrigger.CHANGE);
        }
    }
}
