package com.counterlink.sync;

import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.db.TxSql;
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
    private final TxSql sql;

    public RunRecorder(TenantTransactions transactions, SyncRunRepository runs, TxSql sql) {
        this.transactions = transactions;
        this.runs = runs;
        this.sql = sql;
    }

    RunLog start(UUID tenantId, UUID siteId, JobType type, RunTrigger trigger, UUID runId) {
        transactions.inTenant(tenantId, null, () -> runs.save(new SyncRun(runId, tenantId, siteId, type, trigger,
                RunStatus.RUNNING, null, now(), null, 0, 0, 0, 0, 0)));
        return new RunLog(this, tenantId, runId);
    }

    void saveItems(UUID tenantId, List<SyncRunItem> batch) {
        transactions.inTenant(tenantId, null, () -> {
            sql.batch("INSERT INTO sync_run_items (tenant_id, run_id, item_key, outcome, error_code, reason, action_hint)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", batch.stream().map(item -> new Object[]{item.tenantId(), item.runId(),
                    item.itemKey(), item.outcome().name(), item.errorCode(), item.reason(), item.actionHint()}).toList());
            return null;
        });
    }

    /** The counts so far of a run still going (and its total, once known); a finished run is left alone. */
    void progress(UUID tenantId, UUID runId, RunLog.Counts counts, Integer total) {
        transactions.inTenant(tenantId, null, () -> sql.update("UPDATE sync_runs SET items_read = ?, items_created = ?, "
                        + "items_updated = ?, items_unchanged = ?, items_failed = ?, items_total = ? WHERE id = ? AND status = 'RUNNING'",
                counts.read(), counts.created(), counts.updated(), counts.unchanged(), counts.failed(), total, runId));
    }

    void finish(UUID tenantId, UUID runId, RunLog log, RunStatus status, String reason) {
        log.drain();
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
