package com.counterlink.billing;

import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.db.TxSql;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.scheduling.cron.Cron;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * Once a day, shortly after midnight UTC, every store's billable state is derived again from the tables; a
 * store whose last history row says otherwise (an event was missed, or the company was suspended) gets a
 * correcting row from that moment on.
 */
@Singleton
public class MeterReconcile {

    static final String JOB_ID = "billing-meter-reconcile";
    static final int HOUR_UTC = 0;
    static final int MINUTE = 30;
    private static final Logger LOG = LoggerFactory.getLogger(MeterReconcile.class);

    private final TenantTransactions transactions;
    private final TxSql sql;
    private final StoreMeter meter;
    private final BeanProvider<JobScheduler> jobs;

    MeterReconcile(TenantTransactions transactions, TxSql sql, StoreMeter meter, BeanProvider<JobScheduler> jobs) {
        this.transactions = transactions;
        this.sql = sql;
        this.meter = meter;
        this.jobs = jobs;
    }

    @EventListener
    void schedule(StartupEvent event) {
        jobs.get().<MeterReconcile>scheduleRecurrently(JOB_ID, Cron.daily(HOUR_UTC, MINUTE), reconcile -> reconcile.reconcileAll());
    }

    /** JobRunr's entry. A tenant that fails is logged and left for the next day; the others go on. */
    public int reconcileAll() {
        List<UUID> tenants = transactions.asBillingMeter(() -> sql.query("SELECT id FROM tenants ORDER BY id",
                row -> row.getObject(1, UUID.class)));
        int corrected = 0;
        for (UUID tenantId : tenants) {
            try {
                List<UUID> stores = meter.reconcile(tenantId);
                if (!stores.isEmpty()) {
                    LOG.info("billing meter corrected {} store(s) of tenant {}: {}", stores.size(), tenantId, stores);
                }
                corrected += stores.size();
            } catch (RuntimeException e) {
                LOG.error("billing meter could not reconcile tenant {}", tenantId, e);
            }
        }
        return corrected;
    }
}
