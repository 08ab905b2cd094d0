package com.counterlink.dashboard;

import com.counterlink.audit.AuditLog;
import com.counterlink.dashboard.DashboardViews.ItemFollowUp;
import com.counterlink.dashboard.DashboardViews.LaterRun;
import com.counterlink.identity.CurrentUser;
import com.counterlink.platform.db.TxSql;
import com.counterlink.platform.web.ApiException;
import com.counterlink.platform.web.ErrorCode;
import com.counterlink.sync.ItemOutcome;
import com.counterlink.sync.JobType;
import com.counterlink.sync.RunTrigger;
import com.counterlink.sync.SyncRun;
import com.counterlink.sync.SyncRunItem;
import com.counterlink.sync.SyncScheduler;
import com.counterlink.tenancy.TenantAccess;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.UUID;

/**
 * "Retry" on a failed item. Every job retries what failed on its next run (a product's failure holds
 * the job's watermark before it; stock and prices not accepted are sent again), so a retry runs the
 * job at once; the follow-up says what became of the item in the newest later run.
 */
@Singleton
public class ItemRetries {

    private final TenantAccess access;
    private final TxSql sql;
    private final SyncScheduler scheduler;
    private final AuditLog audit;

    public ItemRetries(TenantAccess access, TxSql sql, SyncScheduler scheduler, AuditLog audit) {
        this.access = access;
        this.sql = sql;
        this.scheduler = scheduler;
        this.audit = audit;
    }

    public ItemFollowUp followUp(CurrentUser user, UUID tenantId, UUID siteId, UUID runId, long itemId) {
        return access.asMember(user, tenantId, member -> {
            Found found = find(siteId, runId, itemId);
            return followUp(found);
        });
    }

    public ItemFollowUp retry(CurrentUser user, UUID tenantId, UUID siteId, UUID runId, long itemId) {
        Found found = access.asMember(user, tenantId, member -> {
            Found item = find(siteId, runId, itemId);
            if (item.item().outcome() != ItemOutcome.FAILED) {
                throw new ApiException(ErrorCode.CONFLICT, "Only a failed item can be retried; this one was " + item.item().outcome());
            }
            if (item.run().runTrigger() == RunTrigger.PREVIEW) {
                throw new ApiException(ErrorCode.CONFLICT,
                        "A preview changes nothing, so there is nothing to retry; fix the item, then run the preview again");
            }
            String status = sql.queryOne("SELECT status FROM sites WHERE id = ?", row -> row.getString(1), siteId).orElse("");
            if (!"ACTIVE".equals(status)) {
                throw new ApiException(ErrorCode.CONFLICT, "The store is not active, so nothing can sync to it");
            }
            audit.record(tenantId, user, "sync.item.retry", "store", siteId.toString(),
                    Map.of("job", item.run().jobType().name(), "item", item.item().itemKey(), "run", runId.toString()));
            return item;
        });
        ItemFollowUp before = access.asMember(user, tenantId, member -> followUp(found));
        scheduler.runNow(tenantId, siteId, found.run().jobType(), RunTrigger.MANUAL);
        return before;
    }

    private Found find(UUID siteId, UUID runId, long itemId) {
        SyncRun run = sql.queryOne("SELECT " + Runs.COLUMNS + " FROM sync_runs WHERE id = ? AND site_id = ?", Runs::map, runId, siteId)
                .orElseThrow(() -> ApiException.notFound("Run"));
        SyncRunItem item = sql.queryOne("SELECT id, tenant_id, run_id, item_key, outcome, error_code, reason, action_hint "
                        + "FROM sync_run_items WHERE id = ? AND run_id = ?",
                row -> new SyncRunItem(row.getLong(1), row.getObject(2, UUID.class), row.getObject(3, UUID.class),
                        row.getString(4), ItemOutcome.valueOf(row.getString(5)), row.getString(6), row.getString(7),
                        row.getString(8)), itemId, runId)
                .orElseThrow(() -> ApiException.notFound("Item"));
        return new Found(run, item);
    }

    private ItemFollowUp followUp(Found found) {
        SyncRun run = found.run();
        LaterRun since = sql.queryOne("SELECT " + Runs.COLUMNS + " FROM sync_runs WHERE site_id = ? AND job_type = ? "
                        + "AND started_at > ? AND run_trigger <> 'PREVIEW' ORDER BY started_at DESC LIMIT 1",
                Runs::map, run.siteId(), run.jobType().name(), run.startedAt())
                .map(later -> sql.queryOne("SELECT outcome, error_code, reason, action_hint FROM sync_run_items "
                                        + "WHERE run_id = ? AND item_key = ? ORDER BY (outcome = 'FAILED') DESC, id DESC LIMIT 1",
                                row -> new LaterRun(later.id(), later.status().name(), later.startedAt(), later.finishedAt(),
                                        row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                                later.id(), found.item().itemKey())
                        .orElse(new LaterRun(later.id(), later.status().name(), later.startedAt(), later.finishedAt(),
                                null, null, null, null)))
                .orElse(null);
        return new ItemFollowUp(found.item(), run.jobType(), since);
    }

    private record Found(SyncRun run, SyncRunItem item) {
    }
}
