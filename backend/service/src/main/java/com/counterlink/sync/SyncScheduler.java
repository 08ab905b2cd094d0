package com.counterlink.sync;

import jakarta.inject.Singleton;
import org.jobrunr.scheduling.JobScheduler;

import java.time.Duration;
import java.util.UUID;

/** Puts a store's jobs on JobRunr: recurring per interval, and at once for "sync now". */
@Singleton
public class SyncScheduler {

    private final JobScheduler jobScheduler;

    public SyncScheduler(JobScheduler jobScheduler) {
        this.jobScheduler = jobScheduler;
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

    public void runNow(UUID tenantId, UUID siteId, JobType type, RunTrigger trigger) {
        jobScheduler.<SyncJobRunner>enqueue(runner -> runner.run(tenantId, siteId, type, trigger));
    }

    static String recurringJobId(UUID siteId, JobType type) {
        return "sync-" + siteId + "-" + type.name().toLowerCase();
    }
}
