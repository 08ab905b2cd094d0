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

    /** Leases the tenant's oldest waiting task (or one whose lease ran out) to a bridge. */
    private static final String LEASE = """
            UPDATE bridge_tasks SET state = 'LEASED', leased_by = ?, attempts = attempts + 1,
                   lease_expires_at = now() + make_interval(secs => ?)
             WHERE id = (SELECT id FROM bridge_tasks
                          WHERE tenant_id = ? AND state IN ('QUEUED', 'LEASED')
                            AND (state = 'QUEUED' OR lease_expires_at < now()) AND deadline_at > now()
                          ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)""";

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

    /**
     * Queues the task if one of the tenant's bridges was seen since {@code onlineSince}; call inside
     * the tenant's transaction and signal the tenant after commit. One statement: the check, the
     * insert and the notice to the other replicas' polls.
     */
    boolean enqueueIfOnline(UUID taskId, UUID tenantId, OperationRequest<?> request, Instant deadline, Instant onlineSince) {
        ReplicaNotifications.Notice notice = replicas.queued(tenantId);
        return sql.queryOne("""
                WITH queued AS (
                    INSERT INTO bridge_tasks (id, tenant_id, operation, params, deadline_at)
                    SELECT ?, ?, ?, ?::jsonb, ?
                     WHERE EXISTS (SELECT 1 FROM bridges
                                    WHERE tenant_id = ? AND status = 'ENROLLED' AND last_seen_at > ?)
                    RETURNING id)
                SELECT pg_notify(?, ?) FROM queued""", row -> true,
                taskId, tenantId, request.operation().name(), ProtocolJson.write(request), BridgeRegistry.at(deadline),
                tenantId, BridgeRegistry.at(onlineSince), notice.channel(), notice.payload()).isPresent();
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
            task = transactions.inTenantRelaxed(bridge.tenantId(), () -> leaseIfCurrent(bridge, poll.session()));
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
        // the session was made current just above: a newer process can only take over after this commits
        return new Poll(bridge, session, requeued, generation, Optional.of(lease(bridge)));
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

    private Optional<Task> lease(AuthenticatedBridge bridge) {
        return sql.queryOne(LEASE + " RETURNING id, operation, params::text",
                row -> new Task(row.getObject(1, UUID.class), row.getString(2), ProtocolJson.parse(row.getString(3))),
                bridge.bridgeId(), leaseSeconds(), bridge.tenantId());
    }

    /**
     * Empty when a newer process of the bridge took over since the poll began; else the leased
     * task, if any. One statement, one row: whether the session is current, and the task.
     */
    private Optional<Optional<Task>> leaseIfCurrent(AuthenticatedBridge bridge, UUID session) {
        if (session == null) {
            return Optional.of(lease(bridge));
        }
        return sql.queryOne("WITH current AS (SELECT 1 FROM bridges WHERE id = ? AND session_id = ?), "
                        + "leased AS (" + LEASE + " AND EXISTS (SELECT 1 FROM current) RETURNING id, operation, params::text) "
                        + "SELECT EXISTS (SELECT 1 FROM current), l.id, l.operation, l.params FROM (SELECT 1) AS one "
                        + "LEFT JOIN leased l ON true",
                row -> !row.getBoolean(1) ? Optional.<Optional<Task>>empty()
                        : Optional.of(Optional.ofNullable(row.getObject(2, UUID.class))
                        .map(id -> taskOf(id, row))),
                bridge.bridgeId(), session, bridge.bridgeId(), leaseSeconds(), bridge.tenantId()).orElseThrow();
    }

    private static Task taskOf(UUID id, java.sql.ResultSet row) {
        try {
            return new Task(id, row.getString(3), ProtocolJson.parse(row.getString(4)));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private double leaseSeconds() {
        return (double) settings.getLease().toMillis() / 1000.0;
    }

    /**
     * Applies a task's result once, inside the transaction that authenticated its request; a
     * repeated or late post answers {@code applied=false}. A result of an operation that changed
     * Counterpoint is committed durably; a lost read result only makes the read run again.
     */
    Completion complete(AuthenticatedBridge bridge, UUID taskId, TaskResult result) {
        FinishedTask finished = new FinishedTask("COMPLETED".equals(result.status()) ? "DONE" : "FAILED",
                result.result(), result.errorCode() == null ? null : result.errorCode().name(),
                result.errorMessage() == null ? null : truncate(result.errorMessage()));
        ReplicaNotifications.Notice notice = replicas.finished(taskId);
        // stored first and checked after: a result that fails the check rolls the transaction back
        Optional<String> applied = sql.queryOne("""
                        WITH finished AS (
                            UPDATE bridge_tasks SET state = ?, result = ?::jsonb, reason_code = ?, reason = ?,
                                   finished_at = now(), lease_expires_at = NULL
                             WHERE id = ? AND state IN ('QUEUED', 'LEASED')
                            RETURNING operation)
                        SELECT operation, pg_notify(?, ?) FROM finished""", row -> row.getString(1),
                finished.state(), finished.result() == null ? null : ProtocolJson.write(finished.result()),
                finished.reasonCode(), finished.reason(), taskId, notice.channel(), notice.payload());
        if (applied.isPresent()) {
            validate(applied.get(), result);
            if (!readsOnly(applied.get())) {
                sql.requireDurability();
            }
            return new Completion(taskId, new ResultAck(true, finished.state()), finished);
        }
        StoredTask task = sql.queryOne("SELECT operation, state FROM bridge_tasks WHERE id = ?",
                        row -> new StoredTask(row.getString(1), row.getString(2)), taskId)
                .orElseThrow(() -> ApiException.notFound("Task"));
        validate(task.operation(), result);
        return new Completion(taskId, new ResultAck(false, task.state()), null);
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
