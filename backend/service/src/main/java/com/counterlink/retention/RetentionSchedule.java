package com.counterlink.retention;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.jobrunr.scheduling.JobScheduler;

import java.time.ZoneOffset;

/**
 * Puts the retention pass on JobRunr at startup (or takes it off when disabled). JobRunr keeps one recurring job
 * per id for every replica, and starts each occurrence once, on one replica that runs jobs.
 */
@Singleton
class RetentionSchedule implements ApplicationEventListener<StartupEvent> {

    static final String JOB_ID = "retention";

    private final JobScheduler jobs;
    private final RetentionSettings settings;

    /** Takes the rules so that settings that would delete what is still needed stop the start, not the first pass. */
    RetentionSchedule(JobScheduler jobs, RetentionSettings settings, RetentionRules checkedRules) {
        this.jobs = jobs;
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (settings.isEnabled()) {
            jobs.<RetentionJob>scheduleRecurrently(JOB_ID, settings.getSchedule(), ZoneOffset.UTC, job -> job.runScheduled());
        } else {
            jobs.deleteRecurringJob(JOB_ID);
        }
    }
}
