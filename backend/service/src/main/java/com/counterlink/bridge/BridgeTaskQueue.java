package com.counterlink.bridge;

import com.counterlink.bridge.TaskResults.FinishedTask;
import com.counterlink.platform.db.TxSql;
import com.counterlink.bridge.protocol.BridgeOperation;
import com.counterlink.bridge.protocol.InvalidParameterException;
import com.counterlink.bridge.protocol.OperationRequest;
import com.counterlink.bridge.protocol.ProtocolJson;
import com.counterlink.bridge.protocol.UnknownOperationException;
import com.counterlink.bridge.protocol.WireMessages.ResultAck;
import com.counterlink.bridge.protocol.WireMessages.Task;
import com.counterlink.bridge.protocol.WireMessages.TaskResult;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.web.ApiException;
import com.counterlink.platform.web.ErrorCode;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The tasks of a tenant in PostgreSQL, so any replica can serve any bridge. A lease that runs out
 * (its bridge died) puts the task back in line; the first result posted wins, later ones are no-ops.
 */
@Singleton
class BridgeTaskQueue {

    private final TenantTransactions transactions;
    private final TxSql sql;
    private final BridgeSettings settings;
    private final TaskSignals signals;
    private final TaskResults results;
    private final ReplicaNotifications replicas;

    BridgeTaskQueue(TenantTransactions transactions, TxSql sql, BridgeSettings settings, TaskSignals signals,
                    TaskResults results, ReplicaNotifications replicas) {
        this.transactions = transactions;
        this.sql = sql;
        this.settings = settings;
        this.signals = signals;
        this.results = results;
        this.replicas = replicas;
    }

    /** Call inside the tenant's transaction; the caller signals the tenant after commit. */
    void enqueue(UUID taskId, UUID tenantId, OperationRequest<?> request, Instant deadline) {
        sql.update("INSERT INTO bridge_tasks (id, tenant_id, operation, params, deadline_at) VALUES (?, ?, ?, ?::jsonb, ?)",
                taskId, tenantId, request.operation().name(), ProtocolJson.write(request), BridgeRegistry.at(deadline));
        replicas.tasksQueued(tenantId);
    }

    /**
     * Holds the bridge's request until a task can be leased, or {@code wait} passed. A poll from a
     * new process (session) re-queues what the bridge's earlier process had leased: that process
     * died, or it would not poll anew. Polls of an older session stop leasing at once.
     */
    Optional<Task> nextTask(Poll poll, Duration wait) {
        AuthenticatedBridge bridge = poll.bridge();
        if (poll.requeued()) {
            signals.signal(bridge.tenantId());
        }
        Instant until = Instant.now().plus(wait);
        long seen = poll.generation();
        Optional<Optional<Task>> task = poll.firstLook();
        while (true) {
            Duration left = Duration.between(Instant.now(), until);
            if (task.isEmpty()) {
                return Optional.empty();
            }
            if (task.get().isPresent() || left.isNegative() || left.isZero()) {
                return task.get();
            }
            signals.awaitChange(bridge.tenantId(), seen, TaskSignals.min(left, settings.getRecheck()));
            seen = signals.generation(bridge.tenantId());
            task = transactions.inTenant(bridge.tenantId(), null, () -> {
                sql.relaxDurability();
                return lease(bridge, poll.session());
            });
        }
    }

    /**
     * The start of a poll, inside the transaction that authenticated it: take over the leases of
     * the bridge's earlier process and look for a task at once, so a waiting task costs the bridge
     * one transaction.
     */
    Poll open(AuthenticatedBridge bridge, UUID session) {
        boolean requeued = session != null && takeOver(bridge, session) > 0;
        long generation = signals.generation(bridge.tenantId());
        return new Poll(bridge, session, requeued, generation, lease(bridge, session));
    }

    /** {@code firstLook}: empty when the session was superseded; else the task leased at once, if any. */
    record Poll(AuthenticatedBridge bridge, UUID session, boolean requeued, long generation,
                Optional<Optional<Task>> firstLook) {
    }

    private int takeOver(AuthenticatedBridge bridge, UUID session) {
        int changed = sql.update("UPDATE bridges SET session_id = ? WHERE id = ? AND session_id IS DISTINCT FROM ?",
                session, bridge.bridgeId(), session);
        int requeued = changed == 0 ? 0 : sql.update("UPDATE bridge_tasks SET state = 'QUEUED', leased_by = NULL, "
                + "lease_expires_at = NULL WHERE tenant_id = ? AND state = 'LEASED' AND leased_by = ?",
                bridge.tenantId(), bridge.bridgeId());
        if (requeued > 0) {
            replicas.tasksQueued(bridge.tenantId());
        }
        return requeued;
    }

    /** Empty when the session was superseded; else the leased task, if any. */
    private Optional<Optional<Task>> lease(AuthenticatedBridge bridge, UUID session) {
            if (session != null && sql.queryOne("SELECT 1 FROM bridges WHERE id = ? AND session_id = ?", row -> true,
                    bridge.bridgeId(), session).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(sql.queryOne("""
                UPDATE bridge_tasks SET state = 'LEASED', leased_by = ?, attempts = attempts + 1,
                       lease_expires_at = now() + make_interval(secs => ?)
                 WHERE id = (SELECT id FROM bridge_tasks
                              WHERE tenant_id = ? AND state IN ('QUEUED', 'LEASED')
                                AND (state = 'QUEUED' OR lease_expires_at < now()) AND deadline_at > now()
                              ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id, operation, params::text""",
                    row -> new Task(row.getObject(1, UUID.class), row.getString(2), ProtocolJson.parse(row.getString(3))),
                    bridge.bridgeId(), (double) settings.getLease().toMillis() / 1000.0, bridge.tenantId()));
    }

    /**
     * Applies a task's result once, inside the transaction that authenticated its request; a
     * repeated or late post answers {@code applied=false}. A result of an operation that changed
     * Counterpoint is committed durably; a lost read result only makes the read run again.
     */
    Completion complete(AuthenticatedBridge bridge, UUID taskId, TaskResult result) {
        StoredTask task = sql.queryOne("SELECT operation, state FROM bridge_tasks WHERE id = ? FOR UPDATE",
                        row -> new StoredTask(row.getString(1), row.getString(2)), taskId)
                .orElseThrow(() -> ApiException.notFound("Task"));
        validate(task.operation(), result);
        if (!task.open()) {
            return new Completion(taskId, new ResultAck(false, task.state()), null);
        }
        if (!readsOnly(task.operation())) {
            sql.requireDurability();
        }
        FinishedTask finished = new FinishedTask("COMPLETED".equals(result.status()) ? "DONE" : "FAILED",
                result.result(), result.errorCode() == null ? null : result.errorCode().name(),
                result.errorMessage() == null ? null : truncate(result.errorMessage()));
        sql.update("""
                UPDATE bridge_tasks SET state = ?, result = ?::jsonb, reason_code = ?, reason = ?,
                       finished_at = now(), lease_expires_at = NULL
                 WHERE id = ?""",
                finished.state(), finished.result() == null ? null : ProtocolJson.write(finished.result()),
                finished.reasonCode(), finished.reason(), taskId);
        replicas.taskFinished(taskId);
        return new Completion(taskId, new ResultAck(true, finished.state()), finished);
    }

    /** After the completing transaction committed: hands the result to its caller if it waits in this replica. */
    void announce(Completion completion) {
        if (completion.finished() != null) {
            results.deliver(completion.taskId(), completion.finished());
        }
    }

    record Completion(UUID taskId, ResultAck ack, FinishedTask finished) {
    }

    private record StoredTask(String operation, String state) {
        boolean open() {
            return "QUEUED".equals(state) || "LEASED".equals(state);
        }
    }

    private static boolean readsOnly(String operation) {
        try {
            return BridgeOperation.fromWire(operation).readsOnly();
        } catch (UnknownOperationException e) {
            return false;
        }
    }

    private static void validate(String operation, TaskResult result) {
        try {
            switch (result.status() == null ? "" : result.status()) {
                case "COMPLETED" -> {
                    if (result.result() == null || result.result().isNull()) {
                        throw new InvalidParameterException("result", "is required for a completed task");
                    }
                    ProtocolJson.read(result.result(), BridgeOperation.fromWire(operation).resultType());
                }
                case "FAILED" -> {
                    if (result.errorCode() == null) {
                        throw new InvalidParameterException("errorCode", "is required for a failed task");
                    }
                }
                default -> throw new InvalidParameterException("status", "must be COMPLETED or FAILED");
            }
        } catch (InvalidParameterException e) {
            throw new ApiException(ErrorCode.RESULT_INVALID, "The result was not accepted: " + e.getMessage());
        }
    }

    private static String truncate(String reason) {
        return reason.length() <= 2000 ? reason : reason.substring(0, 2000);
    }
}
