package com.counterlink.dashboard;

import com.counterlink.bridge.BridgeRegistry;
import com.counterlink.bridge.BridgeView;
import com.counterlink.dashboard.DashboardViews.Attention;
import com.counterlink.dashboard.DashboardViews.Dashboard;
import com.counterlink.dashboard.DashboardViews.DayTotals;
import com.counterlink.dashboard.DashboardViews.JobSummary;
import com.counterlink.dashboard.DashboardViews.OrderCounts;
import com.counterlink.dashboard.DashboardViews.Progress;
import com.counterlink.dashboard.DashboardViews.StoreSummary;
import com.counterlink.identity.CurrentUser;
import com.counterlink.platform.db.TxSql;
import com.counterlink.platform.web.ApiException;
import com.counterlink.sync.JobType;
import com.counterlink.sync.SyncRun;
import com.counterlink.tenancy.TenantAccess;
import jakarta.inject.Singleton;
import org.jobrunr.jobs.RecurringJob;
import org.jobrunr.storage.StorageProvider;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a company's dashboard: nothing here changes anything. */
@Singleton
public class DashboardService {

    static final int MAX_DAYS = 90;

    private final TenantAccess access;
    private final TxSql sql;
    private final BridgeRegistry bridges;
    private final StorageProvider jobStorage;

    public DashboardService(TenantAccess access, TxSql sql, BridgeRegistry bridges, StorageProvider jobStorage) {
        this.access = access;
        this.sql = sql;
        this.bridges = bridges;
        this.jobStorage = jobStorage;
    }

    public Dashboard dashboard(CurrentUser user, UUID tenantId, Integer days, String timeZone) {
        int span = days == null ? 14 : days;
        if (span < 1 || span > MAX_DAYS) {
            throw ApiException.invalidField("days", "must be from 1 to " + MAX_DAYS);
        }
        ZoneId zone = zone(timeZone);
        List<BridgeView> bridgeViews = bridges.list(user, tenantId);
        Map<String, Instant> nextRuns = nextRuns();
        return access.asMember(user, tenantId, member -> {
            List<StoreSummary> stores = stores(nextRuns);
            List<DayTotals> totals = days(zone, span);
            OrderCounts orders = orderCounts();
            List<Attention> attention = NeedsAttention.of(bridgeViews, stores, orders, failedRuns(), zone);
            return new Dashboard(Instant.now(), zone.getId(), bridgeViews, stores, totals, orders, attention);
        });
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw ApiException.invalidField("tz", "is not a time zone such as Europe/Berlin or America/Chicago");
        }
    }

    /** The next run of every recurring sync job, by JobRunr id ({@code sync-<store>-<job>}). */
    private Map<String, Instant> nextRuns() {
        Map<String, Instant> next = new HashMap<>();
        for (RecurringJob job : jobStorage.getRecurringJobs()) {
            if (job.getId().startsWith("sync-")) {
                next.put(job.getId(), job.getNextRun());
            }
        }
        return next;
    }

    private List<StoreSummary> stores(Map<String, Instant> nextRuns) {
        Map<String, Object[]> settings = new HashMap<>();
        sql.query("SELECT site_id, job_type, enabled, interval_seconds FROM job_settings", row -> {
            settings.put(row.getObject(1, UUID.class) + "/" + row.getString(2), new Object[]{row.getBoolean(3), row.getInt(4)});
            return null;
        });
        Map<String, SyncRun> lastRuns = new HashMap<>();
        sql.query("SELECT DISTINCT ON (site_id, job_type) " + Runs.COLUMNS + " FROM sync_runs ORDER BY site_id, job_type, started_at DESC",
                Runs::map).forEach(run -> lastRuns.put(run.siteId() + "/" + run.jobType(), run));
        Map<String, Progress> progress = new HashMap<>();
        sql.query("SELECT " + Runs.COLUMNS + ", items_total FROM sync_runs WHERE status = 'RUNNING' ORDER BY started_at", row -> {
            SyncRun run = Runs.map(row);
            Integer total = (Integer) row.getObject("items_total");
            int processed = run.itemsCreated() + run.itemsUpdated() + run.itemsUnchanged() + run.itemsFailed();
            progress.put(run.siteId() + "/" + run.jobType(), new Progress(run.id(), run.runTrigger().name(), run.startedAt(),
                    processed, total, run.itemsRead(), run.itemsCreated(), run.itemsUpdated(), run.itemsUnchanged(),
                    run.itemsFailed()));
            return null;
        });
        return sql.query("SELECT id, name, base_url, status, status_reason FROM sites WHERE status <> 'REMOVED' ORDER BY created_at",
                row -> {
                    UUID siteId = row.getObject(1, UUID.class);
                    List<JobSummary> jobs = new ArrayList<>();
                    for (JobType type : JobType.values()) {
                        String key = siteId + "/" + type;
                        Object[] setting = settings.get(key);
                        boolean enabled = setting == null || (Boolean) setting[0];
                        int interval = setting == null ? (int) type.defaultInterval().toSeconds() : (Integer) setting[1];
                        Instant next = nextRuns.get("sync-" + siteId + "-" + type.name().toLowerCase());
                        jobs.add(new JobSummary(type, enabled, interval, next, lastRuns.get(key), progress.get(key)));
                    }
                    return new StoreSummary(siteId, row.getString(2), row.getString(3), row.getString(4), row.getString(5), jobs);
                });
    }

    private List<DayTotals> days(ZoneId zone, int span) {
        LocalDate today = LocalDate.now(zone);
        LocalDate first = today.minusDays(span - 1L);
        Instant from = first.atStartOfDay(zone).toInstant();
        Map<LocalDate, int[]> byDay = new HashMap<>();
        sql.query("SELECT (started_at AT TIME ZONE ?)::date, sum(items_created + items_updated), sum(items_failed) FROM sync_runs "
                        + "WHERE started_at >= ? AND run_trigger <> 'PREVIEW' AND status <> 'RUNNING' GROUP BY 1",
                row -> {
                    int[] day = byDay.computeIfAbsent(row.getObject(1, LocalDate.class), d -> new int[3]);
                    day[0] = row.getInt(2);
                    day[1] = row.getInt(3);
                    return null;
                }, zone.getId(), from);
        sql.query("SELECT (received_at AT TIME ZONE ?)::date, count(*) FROM web_orders WHERE received_at >= ? GROUP BY 1",
                row -> byDay.computeIfAbsent(row.getObject(1, LocalDate.class), d -> new int[3])[2] = row.getInt(2),
                zone.getId(), from);
        List<DayTotals> result = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            int[] t = byDay.getOrDefault(day, new int[3]);
            result.add(new DayTotals(day, t[0], t[1], t[2]));
        }
        return result;
    }

    private OrderCounts orderCounts() {
        return sql.queryOne("SELECT count(*) FILTER (WHERE state = 'NEEDS_ATTENTION'), count(*) FILTER (WHERE flag IS NOT NULL), "
                        + "count(*) FILTER (WHERE state IN ('RECEIVED', 'ALLOCATED', 'READY')), count(*) FILTER (WHERE state = 'WRITTEN') "
                        + "FROM web_orders",
                row -> new OrderCounts(row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4))).orElseThrow();
    }

    /** The newest finished run of every store's job, when it failed or had failed items (previews change nothing, so they do not count). */
    private List<SyncRun> failedRuns() {
        return sql.query("SELECT * FROM (SELECT DISTINCT ON (site_id, job_type) " + Runs.COLUMNS + " FROM sync_runs "
                + "WHERE status NOT IN ('RUNNING', 'WAITING_FOR_BRIDGE', 'WAITING_FOR_COUNTERPOINT') AND run_trigger <> 'PREVIEW' "
                + "ORDER BY site_id, job_type, started_at DESC) latest WHERE status IN ('FAILED', 'PARTIAL')", Runs::map);
    }
}
