package com.counterlink.sync;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.UUID;

/** Puts a store's jobs on JobRunr: recurring per interval, and at once for "sync now". */
@Singleton
public class SyncScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);

    private final JobScheduler jobScheduler;
    private final BeanProvider<SyncJobRunner> runner;
    private final boolean runsJobsHere;

    public SyncScheduler(JobScheduler jobScheduler, BeanProvider<SyncJobRunner> runner,
                         @Value("${jobrunr.background-job-server.enabled:true}") boolean runsJobsHere) {
        this.jobScheduler = jobScheduler;
        this.runner = runner;
        this.runsJobsHere = runsJobsHere;
    }

    public void schedule(UUID tenantId, UUID siteId, JobType type, boolean enabled, Duration interval) {
        String id = recurringJobId(siteId, type);
        if (enabled) {
            jobScheduler.<SyncJobRunner>scheduleRecurrently(id, interval,
                    runner -> runner.run(tenantId, siteId, type, RunTrigger.SCHEDULE));
        } else {
            jobScheduler.deleteRecurringJob(id);
        }
    }

    public void unscheduleAll(UUID siteId) {
        for (JobType type : JobType.values()) {
            jobScheduler.deleteRecurringJob(recurringJobId(siteId, type));
        }
    }

    /**
     * A change-driven run starts at once on a virtual thread of this replica: JobRunr's queue would
     * add up to its poll interval (5 s) to every change on its way to WooCommerce. If this replica
     * dies meanwhile, the job's interval is the backstop. Everything else, and replicas that do not
     * run jobs, go through JobRunr's queue.
     */
    public void runNow(UUID tenantId, UUID siteId, JobType type, RunTrigger trigger) {
        if (trigger == RunTrigger.CHANGE && runsJobsHere) {
            Thread.ofVirtual().name("change-" + type.name().toLowerCase() + "-" + siteId).start(() -> {
                try {
                    runner.get().run(tenantId, siteId, type, trigger);
                } catch (RuntimeException e) {
                    LOG.error("{} run after a change for store {} could not start", type, siteId, e);
                }
            });
            return;
        }
        jobScheduler.<SyncJobRunner>enqueue(runner -> runner.runAskedFor(tenantId, siteId, type, trigger));
    }

    static String recurringJobId(UUID siteId, JobType type) {
        return "sync-" + siteId + "-" + type.name().toLowerCase();
    }
}
