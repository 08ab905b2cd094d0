package com.counterlink.sync;

import com.counterlink.platform.db.TenantTransactions;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Writes the history of runs: one row a run, one row an item worth showing. */
@Singleton
public class RunRecorder {

    private final TenantTransactions transactions;
    private final SyncRunRepository runs;
    private final SyncRunItemRepository items;

    public RunRecorder(TenantTransactions transactions, SyncRunRepository runs, SyncRunItemRepository items) {
        this.transactions = transactions;
        this.runs = runs;
        this.items = items;
    }

    RunLog start(UUID tenantId, UUID siteId, JobType type, RunTrigger trigger, UUID runId) {
        transactions.inTenant(tenantId, null, () -> runs.save(new SyncRun(runId, tenantId, siteId, type, trigger,
                RunStatus.RUNNING, null, now(), null, 0, 0, 0, 0, 0)));
        return new RunLog(this, tenantId, runId);
    }

    void saveItems(UUID tenantId, List<SyncRunItem> batch) {
        transactions.inTenant(tenantId, null, () -> items.saveAll(batch));
    }

    void finish(UUID tenantId, UUID runId, RunLog log, RunStatus status, String reason) {
        log.flush();
        RunLog.Counts counts = log.counts();
        transactions.inTenant(tenantId, null, () -> runs.findById(runId).map(run -> runs.update(new SyncRun(
                run.id(), run.tenantId(), run.siteId(), run.jobType(), run.runTrigger(), status, reason,
                run.startedAt(), now(), counts.read(), counts.created(), counts.updated(), counts.unchanged(),
                counts.failed()))).orElseThrow());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
