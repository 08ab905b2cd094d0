package com.counterlink.dashboard;

import com.counterlink.bridge.BridgeView;
import com.counterlink.sync.JobType;
import com.counterlink.sync.SyncRun;
import com.counterlink.sync.SyncRunItem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the dashboard and the failed-item retry answer. */
public final class DashboardViews {

    private DashboardViews() {
    }

    /** A company at a glance: its bridges, each store's jobs, the last days, and what needs a person. */
    @Serdeable
    public record Dashboard(Instant generatedAt, String timeZone, List<BridgeView> bridges, List<StoreSummary> stores,
                            List<DayTotals> days, OrderCounts orders, List<Attention> attention) {
    }

    @Serdeable
    public record StoreSummary(UUID id, String name, String url, String status, @Nullable String statusReason,
                               List<JobSummary> jobs) {
    }

    /**
     * One job of a store. {@code nextRunAt} is null when the job is not on a schedule (off, or its store's
     * settings were never saved); {@code progress} is set while a run is going.
     */
    @Serdeable
    public record JobSummary(JobType jobType, boolean enabled, int intervalSeconds, @Nullable Instant nextRunAt,
                             @Nullable SyncRun lastRun, @Nullable Progress progress) {
    }

    /** A running sync: its counts so far, and how many items it will go through when the job knows. */
    @Serdeable
    public record Progress(UUID runId, String runTrigger, Instant startedAt, int processed, @Nullable Integer total,
                           int read, int created, int updated, int unchanged, int failed) {
    }

    /** One day in the company's time zone: items WooCommerce got from Counterpoint, items that failed, web orders received. */
    @Serdeable
    public record DayTotals(LocalDate day, int itemsSynced, int itemsFailed, int ordersReceived) {
    }

    @Serdeable
    public record OrderCounts(int needsAttention, int flagged, int waiting, int written) {
    }

    /**
     * Something that needs the retailer: what, why, and what to do. {@code siteId}/{@code runId} say where
     * to act (the portal links there).
     */
    @Serdeable
    public record Attention(AttentionKind kind, Severity severity, String title, String detail, String action,
                            @Nullable UUID siteId, @Nullable JobType jobType, @Nullable UUID runId, int count) {
    }

    public enum AttentionKind {
        NO_BRIDGE, BRIDGE_OFFLINE, COUNTERPOINT_UNREACHABLE, STORE_DISCONNECTED, STORE_PENDING, ORDERS_NEED_ATTENTION, ORDERS_FLAGGED,
        RUN_FAILED, FAILED_ITEMS
    }

    public enum Severity { CRITICAL, WARNING }

    /**
     * A failed item and what became of it since: the newest later run of the same job, and the item's
     * outcome there (null outcome in a finished run: the item needed nothing more).
     */
    @Serdeable
    public record ItemFollowUp(SyncRunItem item, JobType jobType, @Nullable LaterRun since) {
    }

    @Serdeable
    public record LaterRun(UUID runId, String status, Instant startedAt, @Nullable Instant finishedAt,
                           @Nullable String outcome, @Nullable String errorCode, @Nullable String reason,
                           @Nullable String actionHint) {
    }
}
