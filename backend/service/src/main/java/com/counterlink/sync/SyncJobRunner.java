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
    private final FollowUpRuns followUps;

    public SyncJobRunner(SyncJobs jobs, SiteJobLock lock, RunRecorder recorder, FollowUpRuns followUps) {
        this.jobs = jobs;
        this.lock = lock;
        this.recorder = recorder;
        this.followUps = followUps;
    }

    /**
     * Runs the job for the store and answers the run's id. When the same job is already running
     * (on any replica) the run is skipped and answers empty; unless it came from the schedule it is
     * kept as a follow-up that the busy run starts when it ends, so a change or a person's "sync now"
     * never waits for the next interval.
     */
    public Optional<UUID> run(UUID tenantId, UUID siteId, JobType type, RunTrigger trigger) {
        return run(tenantId, siteId, type, trigger, trigger.followsUpABusyRun());
    }

    /** A run a person asked for ("sync now", a retry): if the job is busy it follows the busy run, never dropped. */
    public Optional<UUID> runAskedFor(UUID tenantId, UUID siteId, JobType type, RunTrigger trigger) {
        return run(tenantId, siteId, type, trigger, true);
    }

    private Optional<UUID> run(UUID tenantId, UUID siteId, JobType type, RunTrigger trigger, boolean followsUp) {
        Optional<UUID> first = Optional.empty();
        Optional<RunTrigger> next = Optional.of(trigger);
        while (true) {
            Optional<SiteJobLock.Held> held = lock.tryLock(siteId, type);
            if (held.isEmpty()) {
                if (next.isPresent() && followsUp) {
                    followUps.request(tenantId, siteId, type, next.get());
                    LOG.info("{} job for store {} is already running; this {} run follows it", type, siteId, next.get());
                } else if (next.isPresent()) {
                    LOG.info("{} job for store {} is already running; this {} run is skipped", type, siteId, next.get());
                }
                return first;
            }
            try (SiteJobLock.Held ignored = held.get()) {
                if (next.isEmpty()) {
                    next = followUps.take(tenantId, siteId, type);
                }
                while (next.isPresent()) {
                    UUID runId = runOnce(tenantId, siteId, type, next.get());
                    first = first.or(() -> Optional.of(runId));
                    next = followUps.take(tenantId, siteId, type);
                }
            }
            // a request that came between the last look and the unlock would otherwise wait for the next run
            if (!followUps.pending(tenantId, siteId, type)) {
                return first;
            }
        }
    }

    private UUID runOnce(UUID tenantId, UUID siteId, JobType type, RunTrigger trigger) {
        UUID runId = UUID.randomUUID();
        try {
            MDC.put("tenant", tenantId.toString());
            RunLog log = recorder.start(tenantId, siteId, type, trigger, runId);
            execute(new SyncContext(tenantId, siteId, runId, trigger, log), type);
            return runId;
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
            String note = context.log().note();
            String reason = status == RunStatus.PARTIAL
                    ? context.log().failedCount() + " item(s) failed; see each item for what to do" + (note == null ? "" : ". " + note)
                    : note;
            recorder.finish(context.tenantId(), context.runId(), context.log(), status, reason);
        } catch (CounterpointUnreachableException e) {
            recorder.finish(context.tenantId(), context.runId(), context.log(), RunStatus.WAITING_FOR_COUNTERPOINT,
                    e.getMessage());
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
