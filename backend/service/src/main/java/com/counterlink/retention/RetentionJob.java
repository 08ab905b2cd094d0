package com.counterlink.retention;

import jakarta.inject.Singleton;
import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** The hourly JobRunr job (see {@link RetentionSchedule}): one pass, unless another replica is running one. */
@Singleton
public class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionPass pass;
    private final RetentionLock lock;
    private final RetentionSettings settings;

    RetentionJob(RetentionPass pass, RetentionLock lock, RetentionSettings settings) {
        this.pass = pass;
        this.lock = lock;
        this.settings = settings;
    }

    /** No retries: the next hour's pass is the retry, and a failing batch does not fail the pass anyway. */
    @Job(name = "Retention: delete history past its age", retries = 0)
    public void runScheduled() {
        if (settings.isEnabled()) {
            runOnce();
        }
    }

    /** Answers the pass's result, or nothing when another pass holds the lock. */
    public Optional<RetentionResult> runOnce() {
        Optional<AutoCloseable> held = lock.tryLock();
        if (held.isEmpty()) {
            LOG.info("Retention pass skipped: another one is running");
            return Optional.empty();
        }
        try (AutoCloseable ignored = held.get()) {
            return Optional.of(pass.run());
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }
}
