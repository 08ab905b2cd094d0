package com.counterlink.bridge;

import com.counterlink.platform.db.TxSql;
import com.counterlink.bridge.protocol.BridgeOperation;
import com.counterlink.bridge.protocol.InvalidParameterException;
import com.counterlink.bridge.protocol.OperationRequest;
import com.counterlink.bridge.protocol.ProtocolJson;
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

    BridgeTaskQueue(TenantTransactions transactions, TxSql sql, BridgeSettings settings, TaskSignals signals) {
        this.transactions = transactions;
        this.sql = sql;
        this.settings = settings;
        this.signals = signals;
    }

    /** Call inside the tenant's transaction; the caller signals after commit. */
    UUID enqueue(UUID tenantId, OperationRequest<?> request, Instant deadline) {
        UUID id = UUID.randomUUID();
        sql.update("INSERT INTO bridge_tasks (id, tenant_id, operation, params, deadline_at) VALUES (?, ?, ?, ?::jsonb, ?)",
                id, tenantId, request.operation().name(), ProtocolJson.write(request), BridgeRegistry.at(deadline));
        return id;
    }

    /**
     * Holds the bridge's request until a task can be leased, or {@code wait} passed. A poll from a
     * new process (session) re-queues what the bridge's earlier process had leased: that process
     * died, or it would not poll anew. Polls of an older session stop leasing at once.
     */
    Optional<Task> nextTask(AuthenticatedBridge bridge, UUID session, Duration wait) {
        if (session != null) {
            takeOver(bridge, session);
        }
        Instant until = Instant.now().plus(wait);
        while (true) {
            long seen = signals.generation();
            Optional<Optional<Task>> task = lease(bridge, session);
            Duration left = Duration.between(Instant.now(), until);
            if (task.isEmpty()) {
                return Optional.empty();
            }
            if (task.get().isPresent() || left.isNegative() || left.isZero()) {
                return task.get();
            }
            signals.awaitChange(seen, TaskSignals.min(left, settings.getRecheck()));
        }
    }

    private void takeOver(AuthenticatedBridge bridge, UUID session) {
        int released = transactions.inTenant(bridge.tenantId(), null, () -> {
            int changed = sql.update("UPDATE bridges SET session_id = ? WHERE id = ? AND session_id IS DISTINCT FROM ?",
                    session, bridge.bridgeId(), session);
            return changed == 0 ? 0 : sql.update("UPDATE bridge_tasks SET state = 'QUEUED', leased_by = NULL, "
                    + "lease_expires_at = NULL WHERE tenant_id = ? AND state = 'LEASED' AND leased_by = ?",
                    bridge.tenantId(), bridge.bridgeId());
        });
        if (released > 0) {
            signals.signal();
        }
    }

    /** Empty when the session was superseded; else the leased task, if any. */
    private Optional<Optional<Task>> lease(AuthenticatedBridge bridge, UUID session) {
        return transactions.inTenant(bridge.tenantId(), null, () -> {
            sql.relaxDurability();
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
        });
    }

    /** Applies a task's result once; a repeated or late post answers {@code applied=false}. */
    ResultAck complete(AuthenticatedBridge bridge, UUID taskId, TaskResult result) {
        ResultAck ack = transactions.inTenant(bridge.tenantId(), null, () -> {
            String operation = sql.queryOne("SELECT operation FROM bridge_tasks WHERE id = ? FOR UPDATE",
                            row -> row.getString(1), taskId)
                    .orElseThrow(() -> ApiException.notFound("Task"));
            validate(operation, result);
            int applied = sql.update("""
                    UPDATE bridge_tasks SET state = ?, result = ?::jsonb, reason_code = ?, reason = ?,
                           finished_at = now(), lease_expires_at = NULL
                     WHERE id = ? AND state IN ('QUEUED', 'LEASED')""",
                    "COMPLETED".equals(result.status()) ? "DONE" : "FAILED",
                    result.result() == null ? null : ProtocolJson.write(result.result()),
                    result.errorCode() == null ? null : result.errorCode().name(),
                    result.errorMessage() == null ? null : truncate(result.errorMessage()), taskId);
            String state = sql.queryOne("SELECT state FROM bridge_tasks WHERE id = ?", row -> row.getString(1), taskId)
                    .orElseThrow();
            return new ResultAck(applied == 1, state);
        });
        if (ack.applied()) {
            signals.signal();
        }
        return ack;
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
