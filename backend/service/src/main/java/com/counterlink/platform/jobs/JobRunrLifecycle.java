package com.counterlink.platform.jobs;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.scheduling.JobScheduler;

/**
 * Starts JobRunr with the application and stops it before the DataSource closes: depending on the
 * scheduler makes Micronaut destroy this bean first.
 */
@Context
public class JobRunrLifecycle {

    @SuppressWarnings("unused")
    private final JobScheduler scheduler;

    JobRunrLifecycle(JobScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @PreDestroy
    void stop() {
        JobRunr.destroy();
    }
}
