package com.counterlink.platform.jobs;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;

/**
 * Starts JobRunr with the application and stops it before the DataSource closes: depending on the
 * scheduler makes Micronaut destroy this bean first. JobRunr keeps one global configuration, so the
 * background server is taken right after this context configured it and that server is stopped: when
 * a second context configured JobRunr meanwhile (two replicas in one test JVM), the global one is the
 * other context's, and stopping it would leave this context's server taking jobs on a closed pool.
 */
@Context
public class JobRunrLifecycle {

    @SuppressWarnings("unused")
    private final JobScheduler scheduler;
    private final BackgroundJobServer server;

    JobRunrLifecycle(JobScheduler scheduler) {
        this.scheduler = scheduler;
        this.server = currentServer();
    }

    /** This context's background server (null when it runs no jobs). */
    BackgroundJobServer server() {
        return server;
    }

    @PreDestroy
    void stop() {
        if (server != null && server.isRunning()) {
            server.stop();
        }
        if (currentServer() == server) {
            JobRunr.destroy();
        }
    }

    /** The server of JobRunr's global configuration; null when that configuration runs no jobs. */
    private static BackgroundJobServer currentServer() {
        try {
            return JobRunr.getBackgroundJobServer();
        } catch (IllegalStateException noServer) {
            return null;
        }
    }
}
