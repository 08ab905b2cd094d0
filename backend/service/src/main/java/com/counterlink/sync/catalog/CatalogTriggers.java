package com.counterlink.sync.catalog;

import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.stores.Site;
import com.counterlink.stores.SiteRepository;
import com.counterlink.stores.SiteStatus;
import com.counterlink.sync.JobSetting;
import com.counterlink.sync.JobSettingRepository;
import com.counterlink.sync.JobType;
import com.counterlink.sync.RunTrigger;
import com.counterlink.sync.SyncJobRunner;
import com.counterlink.sync.SyncScheduler;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.scheduling.cron.Cron;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Catalog runs that do not wait for the interval: a Counterpoint change (reported by the bridge's
 * change probes) runs the affected jobs of every store on that Counterpoint, drift seen in WooCommerce
 * runs the job that puts it back, and a reconcile runs products, inventory and pricing as full
 * comparisons, nightly and on demand.
 */
@Singleton
public class CatalogTriggers {

    static final int NIGHTLY_HOUR_UTC = 3;

    private final TenantTransactions transactions;
    private final SiteRepository sites;
    private final SyncScheduler scheduler;
    private final BeanProvider<JobScheduler> jobs;
    private final BeanProvider<SyncJobRunner> runner;
    private final JobSettingRepository jobSettings;
    private final CatalogRechecks rechecks;
    private final CatalogLinks links;

    public CatalogTriggers(TenantTransactions transactions, SiteRepository sites, SyncScheduler scheduler,
                           BeanProvider<JobScheduler> jobs, BeanProvider<SyncJobRunner> runner, JobSettingRepository jobSettings,
                           CatalogRechecks rechecks, CatalogLinks links) {
        this.links = links;
        this.jobSettings = jobSettings;
        this.rechecks = rechecks;
        this.transactions = transactions;
        this.sites = sites;
        this.scheduler = scheduler;
        this.jobs = jobs;
        this.runner = runner;
    }

    /**
     * Web orders took or gave back stock: every store of the company gets its new quantity now. Items no store sells
     * with its stock (Counterpoint tracks none of them, as for admissions) hold nothing, so they start no run.
     */
    @io.micronaut.runtime.event.annotation.EventListener
    void onAllocationsChanged(com.counterlink.orders.AllocationsChanged event) {
        if (event.itemNos().isEmpty()) {
            return;
        }
        // Counterpoint's stock did not move, so the stock change feed will not name these items
        boolean requested = transactions.inTenant(event.tenantId(), null, () -> {
            Set<String> tracked = links.trackedAnywhere(event.itemNos());
            if (!tracked.isEmpty()) {
                activeSites(event.tenantId()).forEach(site -> rechecks.request(event.tenantId(), site.id(), JobType.INVENTORY, tracked));
            }
            return !tracked.isEmpty();
        });
        if (requested) {
            changed(event.tenantId(), Set.of(JobType.INVENTORY));
        }
    }

    /** The bridge's change probe saw Counterpoint move. */
    @io.micronaut.runtime.event.annotation.EventListener
    void onCounterpointChanged(com.counterlink.bridge.CounterpointChanged event) {
        changed(event.tenantId(), event.jobs());
    }

    /** Counterpoint changed what these jobs read: every active store of the tenant runs them now. */
    public void changed(UUID tenantId, Set<JobType> affected) {
        for (Site site : transactions.inTenant(tenantId, null, () -> activeSites(tenantId))) {
            for (JobType job : affected) {
                scheduler.runNow(tenantId, site.id(), job, RunTrigger.CHANGE);
            }
        }
    }

    /**
     * A catalog run saw WooCommerce show other stock or prices than were sent (changed there by hand): the
     * jobs that send them run now for that store, instead of at their interval (15 minutes for prices).
     */
    public void putBack(UUID tenantId, UUID siteId, Set<JobType> jobs) {
        for (JobType job : jobs) {
            scheduler.runNow(tenantId, siteId, job, RunTrigger.CHANGE);
        }
    }

    private List<Site> activeSites(UUID tenantId) {
        return sites.findByTenantIdAndStatusNotEqualOrderByCreatedAt(tenantId, SiteStatus.REMOVED).stream()
                .filter(s -> s.status() == SiteStatus.ACTIVE).toList();
    }

    public void reconcileNow(UUID tenantId, UUID siteId) {
        jobs.get().<CatalogTriggers>enqueue(t -> t.reconcile(tenantId, siteId));
    }

    /**
     * A configured store runs its catalog jobs on their intervals (its saved job settings, else the
     * defaults) and gets a nightly reconcile.
     */
    public void scheduleCatalog(UUID tenantId, UUID siteId) {
        Map<JobType, JobSetting> saved = transactions.inTenant(tenantId, null, () -> jobSettings.findByKeySiteId(siteId)).stream()
                .collect(Collectors.toMap(s -> s.key().jobType(), Function.identity()));
        for (JobType job : List.of(JobType.PRODUCTS, JobType.INVENTORY, JobType.PRICING)) {
            JobSetting setting = saved.get(job);
            scheduler.schedule(tenantId, siteId, job, setting == null || setting.enabled(),
                    setting == null ? job.defaultInterval() : Duration.ofSeconds(setting.intervalSeconds()));
        }
        scheduleNightlyReconcile(tenantId, siteId);
    }

    public void scheduleNightlyReconcile(UUID tenantId, UUID siteId) {
        jobs.get().<CatalogTriggers>scheduleRecurrently("catalog-reconcile-" + siteId, Cron.daily(NIGHTLY_HOUR_UTC),
                t -> t.reconcile(tenantId, siteId));
    }

    /** JobRunr's entry: products first, so new items are mapped before stock and prices are compared. */
    public void reconcile(UUID tenantId, UUID siteId) {
        for (JobType job : List.of(JobType.PRODUCTS, JobType.INVENTORY, JobType.PRICING)) {
            runner.get().run(tenantId, siteId, job, RunTrigger.RECONCILE);
        }
    }
}
