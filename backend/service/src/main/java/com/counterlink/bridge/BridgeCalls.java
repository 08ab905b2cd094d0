package com.counterlink.bridge;

import com.counterlink.platform.db.TxSql;
import com.counterlink.bridge.protocol.OperationRequest;
import com.counterlink.bridge.protocol.ProtocolJson;
import com.counterlink.bridge.protocol.TaskErrorCode;
import com.counterlink.platform.db.TenantTransactions;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** How jobs ask a tenant's Counterpoint for something: {@code call(tenant, operation, timeout)}. */
@Singleton
public class BridgeCalls {

    private final TenantTransactions transactions;
    private final TxSql sql;
    private final BridgeRegistry registry;
    private final BridgeTaskQueue queue;
    private final TaskSignals signals;
    private final BridgeSettings settings;

    BridgeCalls(TenantTransactions transactions, TxSql sql, BridgeRegistry registry, BridgeTaskQueue queue,
                TaskSignals signals, BridgeSettings settings) {
        this.transactions = transactions;
        this.sql = sql;
        this.registry = registry;
        this.queue = queue;
        this.signals = signals;
        this.settings = settings;
    }

    public <R> CallOutcome<R> call(UUID tenantId, OperationRequest<R> request, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        // a task lost in a database crash only makes this call time out, as a slow bridge would
        Optional<UUID> queued = transactions.inTenant(tenantId, null, () -> {
            sql.relaxDurability();
            return registry.anyOnline(tenantId) ? Optional.of(queue.enqueue(tenantId, request, deadline)) : Optional.empty();
        });
        if (queued.isEmpty()) {
            return new CallOutcome.BridgeOffline<>();
        }
        signals.signal();
        UUID taskId = queued.get();
        while (true) {
            long seen = signals.generation();
            Optional<CallOutcome<R>> outcome = finished(tenantId, taskId, request);
            if (outcome.isPresent()) {
                return outcome.get();
            }
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                return withdraw(tenantId, taskId, request);
            }
            signals.awaitChange(seen, TaskSignals.min(left, settings.getRecheck()));
        }
    }

    private <R> CallOutcome<R> withdraw(UUID tenantId, UUID taskId, OperationRequest<R> request) {
        int withdrawn = transactions.inTenant(tenantId, null, () -> sql.update(
                "UPDATE bridge_tasks SET state = 'FAILED', reason_code = 'TIMED_OUT', reason = 'the caller stopped waiting', "
                        + "finished_at = now() WHERE id = ? AND state IN ('QUEUED', 'LEASED')", taskId));
        if (withdrawn == 1) {
            return new CallOutcome.TimedOut<>();
        }
        return finished(tenantId, taskId, request).orElseGet(CallOutcome.TimedOut::new);
    }

    private <R> Optional<CallOutcome<R>> finished(UUID tenantId, UUID taskId, OperationRequest<R> request) {
        return transactions.inTenant(tenantId, null, () -> sql.queryOne(
                "SELECT state, result::text, reason_code, reason FROM bridge_tasks WHERE id = ?",
                row -> outcome(row.getString(1), row.getString(2), row.getString(3), row.getString(4), request),
                taskId)).flatMap(o -> o);
    }

    private static <R> Optional<CallOutcome<R>> outcome(String state, String result, String code, String reason,
                                                       OperationRequest<R> request) {
        return switch (state) {
            case "DONE" -> Optional.of(new CallOutcome.Completed<>(ProtocolJson.read(result, request.resultType())));
            case "FAILED" -> Optional.of("TIMED_OUT".equals(code) ? new CallOutcome.TimedOut<>()
                    : new CallOutcome.Failed<>(TaskErrorCode.valueOf(code), reason));
            default -> Optional.empty();
        };
    }
}
