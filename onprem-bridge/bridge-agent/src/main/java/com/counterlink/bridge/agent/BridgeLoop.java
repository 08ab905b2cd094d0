package com.counterlink.bridge.agent;

import com.counterlink.bridge.protocol.WireMessages.ChangeMarks;
import com.counterlink.bridge.protocol.BridgeErrorCodes;
import com.counterlink.bridge.protocol.ProtocolJson;
import com.counterlink.bridge.protocol.TaskErrorCode;
import com.counterlink.bridge.protocol.WireMessages.Heartbeat;
import com.counterlink.bridge.protocol.WireMessages.Task;
import com.counterlink.bridge.protocol.WireMessages.TaskResult;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bridge's life: long-poll for a task, run it, post the result; heartbeats on the side.
 * Network trouble means backoff and retry; a revoked or unknown bridge means stop for good.
 */
public final class BridgeLoop {

    /** Results above this are refused before sending: the backend accepts requests up to 1 MB. */
    static final int MAX_RESULT_BYTES = 900_000;
    private static final Logger LOG = Logger.getLogger(BridgeLoop.class.getName());

    private final CloudClient cloud;
    private final OperationExecutor executor;
    private final Duration heartbeatInterval;
    private final int pollSeconds;
    private final AtomicReference<CloudRejectedException> stopReason = new AtomicReference<>();
    private final ChangeProbe probe;
    private final Duration probeInterval;
    private final CounterpointHealth health;
    /** The marks the cloud last received; touched only on the heartbeat thread. */
    private ChangeMarks sentMarks;
    private ChangeMarks seenMarks;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
    private volatile Integer lastLatencyMs;
    private volatile Thread worker;
    /** The previous task's result on its way to the cloud; the next poll does not wait for it. */
    private Thread posting;

    public BridgeLoop(CloudClient cloud, OperationExecutor executor, Duration heartbeatInterval, int pollSeconds) {
        this(cloud, executor, heartbeatInterval, pollSeconds, null, Duration.ofSeconds(5), new CounterpointHealth());
    }

    /**
     * With a change probe, a Counterpoint change is reported at once instead of at the next heartbeat; so is
     * Counterpoint's database starting or stopping to answer ({@code health}, which tasks and the probe keep).
     */
    public BridgeLoop(CloudClient cloud, OperationExecutor executor, Duration heartbeatInterval, int pollSeconds,
                      ChangeProbe probe, Duration probeInterval, CounterpointHealth health) {
        this.cloud = cloud;
        this.executor = executor;
        this.heartbeatInterval = heartbeatInterval;
        this.pollSeconds = pollSeconds;
        this.probe = probe;
        this.probeInterval = probeInterval;
        this.health = health;
    }

    /** Runs until the cloud refuses this bridge for good; answers why. */
    public CloudRejectedException run() {
        worker = Thread.currentThread();
        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeats.scheduleWithFixedDelay(this::heartbeat, 0, heartbeatInterval.toMillis(), TimeUnit.MILLISECONDS);
        // on the heartbeat thread, like every heartbeat: the cloud hears of Counterpoint going away or coming back now
        health.onChange(() -> {
            try {
                heartbeats.execute(this::heartbeat);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the loop is ending; there is no one left to tell
            }
        });
        if (probe != null) {
            heartbeats.scheduleWithFixedDelay(this::probeChanges, probeInterval.toMillis(), probeInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        try {
            while (stopReason.get() == null) {
                try {
                    Optional<Task> task = cloud.nextTask(pollSeconds);
                    backoff.reset();
                    task.ifPresent(this::handle);
                } catch (CloudUnavailableException e) {
                    pause(e.getMessage());
                } catch (CloudRejectedException e) {
                    if (CloudClient.isFatal(e)) {
                        stopReason.compareAndSet(null, e);
                    } else {
                        pause(e.code() + ": " + e.getMessage());
                    }
                }
            }
            return stopReason.get();
        } finally {
            awaitPosting();
            health.onChange(() -> { });
            heartbeats.shutdownNow();
        }
    }

    private void handle(Task task) {
        long started = System.nanoTime();
        TaskResult result = executor.execute(task);
        String json = ProtocolJson.write(result);
        if (json.length() > MAX_RESULT_BYTES) {
            json = ProtocolJson.write(TaskResult.failed(TaskErrorCode.RESULT_TOO_LARGE, "the result has " + json.length()
                    + " bytes; ask for smaller pages"));
        }
        long ran = System.nanoTime() - started;
        // one result in flight at a time, in task order; meanwhile the loop is already polling again,
        // so a caller's next task finds a poll waiting instead of one still to be sent
        awaitPosting();
        String delivered = json;
        posting = Thread.ofVirtual().name("result-" + task.taskId()).start(() -> post(task, delivered));
        LOG.info(() -> "Task " + task.taskId() + " " + task.operation() + " " + result.status() + " in " + ran / 1_000_000 + " ms");
    }

    private void awaitPosting() {
        Thread previous = posting;
        if (previous == null) {
            return;
        }
        try {
            previous.join();
        } catch (InterruptedException e) {
            // stopping: the post itself ends once the stop reason is set
            Thread.currentThread().interrupt();
        }
    }

    /** Retries until the result is delivered: posting twice is harmless, losing it is not. */
    private void post(Task task, String json) {
        while (stopReason.get() == null) {
            try {
                cloud.postResult(task.taskId(), json);
                return;
            } catch (CloudUnavailableException e) {
                pause("posting the result of " + task.taskId() + ": " + e.getMessage());
            } catch (CloudRejectedException e) {
                if (CloudClient.isFatal(e)) {
                    stopReason.compareAndSet(null, e);
                    return;
                }
                if (!BridgeErrorCodes.RESULT_INVALID.equals(e.code()) || json.contains("\"RESULT_REJECTED\"")) {
                    LOG.severe("The cloud refused the result of task " + task.taskId() + ": " + e.getMessage());
                    return;
                }
                LOG.severe("The cloud refused the result of task " + task.taskId() + ": " + e.getMessage());
                json = ProtocolJson.write(TaskResult.failed(TaskErrorCode.RESULT_REJECTED, e.getMessage()));
            }
        }
    }

    private void probeChanges() {
        probe.read().ifPresent(marks -> {
            seenMarks = marks;
            if (!marks.equals(sentMarks)) {
                heartbeat();
            }
        });
    }

    private void heartbeat() {
        long started = System.nanoTime();
        try {
            ChangeMarks marks = seenMarks;
            cloud.heartbeat(new Heartbeat(BridgeVersion.VALUE, lastLatencyMs, marks, health.status()));
            sentMarks = marks;
            lastLatencyMs = (int) ((System.nanoTime() - started) / 1_000_000);
        } catch (CloudRejectedException e) {
            if (CloudClient.isFatal(e)) {
                stopReason.compareAndSet(null, e);
                // the worker may sit in a 25 s long poll; a revoked bridge stops now
                worker.interrupt();
            } else {
                LOG.warning("Heartbeat refused: " + e.code() + ": " + e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Heartbeat failed", e);
        }
    }

    private void pause(String why) {
        Duration wait = backoff.next();
        LOG.warning(why + "; retrying in " + wait.toMillis() + " ms");
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopReason.compareAndSet(null, new CloudRejectedException(0, "INTERRUPTED", "stopped"));
        }
    }
}
