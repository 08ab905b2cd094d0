package com.counterlink.sync;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.Optional;
import java.util.UUID;

/**
 * The entry point JobRunr calls for every run: takes the store's job lock, records the run and
 * turns the job's ending into a recorded state with a reason. It never throws, so JobRunr does not
 * retry on its own: the next interval (or a change) is the retry.
 */
@Singleton
public class SyncJobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SyncJobRunner.class);

    private final SyncJobs jobs;
    private final SiteJobLock lock;
    private final RunRecorder recorder;

    public SyncJobRunner(SyncJobs jobs, SiteJobLock lock, RunRecorder recorder) {
        this.jobs = jobs;
        this.lock = lock;
        this.recorder = recorder;
    }

    /** Answers the run's id, or empty when the same job is already running for this store. */
    public Optional<UUID> run(UUID tenantId, UUID siteId, JobType type, RunTrigger trigger) {
        Optional<SiteJobLock.Held> held = lock.tryLock(siteId, type);
        if (held.isEmpty()) {
            LOG.info("{} job for store {} is already running; this {} run is skipped", type, siteId, trigger);
            return Optional.empty();
        }
        UUID runId = UUID.randomUUID();
        try (SiteJobLock.Held ignored = held.get()) {
            MDC.put("tenant", tenantId.toString());
            RunLog log = recorder.start(tenantId, siteId, type, trigger, runId);
            execute(new SyncContext(tenantId, siteId, runId, trigger, log), type);
            return Optional.of(runId);
        } finally {
            MDC.remove("tenant");
        }
    }

    private void execute(SyncContext context, JobType type) {
        Optional<SyncJob> job = jobs.forType(type);
        if (job.isEmpty()) {
            recorder.finish(context.tenantId(), context.runId(), context.log(), RunStatus.FAILED,
                    "The " + type.name().toLowerCase() + " job is not available in this version");
            return;
        }
        try {
            job.get().run(context);
            RunStatus status = context.log().failedCount() > 0 ? RunStatus.PARTIAL : RunStatus.SUCCEEDED;
            String reason = status == RunStatus.PARTIAL
                    ? context.log().failedCount() + " item(s) failed; see each item for what to do" : null;
            recorder.finish(context.tenantId(), context.runId(), context.log(), status, reason);
        } catch (BridgeOfflineException e) {
            recorder.finish(context.tenantId(), context.runId(), context.log(), RunStatus.WAITING_FOR_BRIDGE,
                    e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} run {} for store {} failed", type, context.runId(), context.siteId(), e);
            recorder.finish(context.tenantId(), context.runId(), context.log(), RunStatus.FAILED,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
