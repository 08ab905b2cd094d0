package com.counterlink.bridge;

import com.counterlink.bridge.TaskResults.Delivery;
import com.counterlink.bridge.TaskResults.FinishedTask;
import com.counterlink.bridge.protocol.OperationRequest;
import com.counterlink.bridge.protocol.ProtocolJson;
import com.counterlink.bridge.protocol.TaskErrorCode;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.db.TxSql;
import com.counterlink.platform.web.ApiException;
import com.counterlink.platform.web.ErrorCode;
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
    private final TaskResults results;
    private final BridgeSettings settings;

    BridgeCalls(TenantTransactions transactions, TxSql sql, BridgeRegistry registry, BridgeTaskQueue queue,
                TaskSignals signals, TaskResults results, BridgeSettings settings) {
        this.transactions = transactions;
        this.sql = sql;
        this.registry = registry;
        this.queue = queue;
        this.signals = signals;
        this.results = results;
        this.settings = settings;
    }

    public <R> CallOutcome<R> call(UUID tenantId, OperationRequest<R> request, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        UUID taskId = UUID.randomUUID();
        results.expect(taskId);
        try {
            // a task lost in a database crash only makes this call time out, as a slow bridge would
            boolean queued = transactions.inTenantRelaxed(tenantId,
                    () -> queue.enqueueIfOnline(taskId, tenantId, request, deadline, registry.onlineSince()));
            if (!queued) {
                return new CallOutcome.BridgeOffline<>();
            }
            signals.signal(tenantId);
            return awaitOutcome(tenantId, taskId, request, deadline);
        } finally {
            results.forget(taskId);
        }
    }

    /**
     * For a person waiting on a page: the result, or a problem they can act on — the bridge away or too
     * slow, or Counterpoint not answering it (503 {@code BRIDGE_OFFLINE}, with {@code offlineAdvice} after the
     * standard advice) or
     * Counterpoint refusing ({@code COUNTERPOINT_ERROR}, saying what could not be done).
     */
    public <R> R callForPerson(UUID tenantId, OperationRequest<R> request, Duration timeout, String whatFailed,
                               String offlineAdvice) {
        return switch (call(tenantId, request, timeout)) {
            case CallOutcome.Completed<R> done -> done.result();
            case CallOutcome.BridgeOffline<R> offline -> throw new ApiException(ErrorCode.BRIDGE_OFFLINE,
                    "The bridge has not been in touch for a minute: check that it runs on the Counterpoint server "
                            + "(Bridge page), then try again" + offlineAdvice);
            case CallOutcome.TimedOut<R> late -> throw new ApiException(ErrorCode.BRIDGE_OFFLINE,
                    "The bridge did not answer within " + timeout.toSeconds() + " seconds; try again");
            case CallOutcome.Failed<R> failed when failed.counterpointUnreachable() -> throw new ApiException(
                    ErrorCode.BRIDGE_OFFLINE, "Counterpoint is not answering on the bridge's server: check that its"
                    + " SQL Server runs there, then try again" + offlineAdvice);
            case CallOutcome.Failed<R> failed -> throw new ApiException(ErrorCode.COUNTERPOINT_ERROR,
                    whatFailed + ": " + failed.reason());
        };
    }

    /**
     * The result normally arrives from this replica's result endpoint; a notice from another
     * replica, or every {@code recheck} without news, sends us to the table instead.
     */
    private <R> CallOutcome<R> awaitOutcome(UUID tenantId, UUID taskId, OperationRequest<R> request, Instant deadline) {
        while (true) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                return withdraw(tenantId, taskId, request);
            }
            Optional<Delivery> delivery = results.await(taskId, TaskSignals.min(left, settings.getRecheck()));
            Optional<FinishedTask> finished = delivery.flatMap(Delivery::task);
            if (finished.isEmpty()) {
                finished = stored(tenantId, taskId);
            }
            if (finished.isPresent()) {
                Optional<CallOutcome<R>> outcome = outcome(finished.get(), request);
                if (outcome.isPresent()) {
                    return outcome.get();
                }
            }
            if (delivery.isPresent()) {
                results.rearm(taskId);
            }
        }
    }

    private <R> CallOutcome<R> withdraw(UUID tenantId, UUID taskId, OperationRequest<R> request) {
        int withdrawn = transactions.inTenant(tenantId, null, () -> sql.update(
                "UPDATE bridge_tasks SET state = 'FAILED', reason_code = 'TIMED_OUT', reason = 'the caller stopped waiting', "
                        + "finished_at = now() WHERE id = ? AND state IN ('QUEUED', 'LEASED')", taskId));
        if (withdrawn == 1) {
            return new CallOutcome.TimedOut<>();
        }
        return stored(tenantId, taskId).flatMap(task -> outcome(task, request)).orElseGet(CallOutcome.TimedOut::new);
    }

    private Optional<FinishedTask> stored(UUID tenantId, UUID taskId) {
        return transactions.inTenant(tenantId, null, () -> sql.queryOne(
                "SELECT state, result::text, reason_code, reason FROM bridge_tasks WHERE id = ?",
                row -> new FinishedTask(row.getString(1), row.getString(2) == null ? null : ProtocolJson.parse(row.getString(2)),
                        row.getString(3), row.getString(4)),
                taskId));
    }

    private static <R> Optional<CallOutcome<R>> outcome(FinishedTask task, OperationRequest<R> request) {
        return switch (task.state()) {
            case "DONE" -> Optional.of(new CallOutcome.Completed<>(ProtocolJson.read(task.result(), request.resultType())));
            case "FAILED" -> Optional.of("TIMED_OUT".equals(task.reasonCode()) ? new CallOutcome.TimedOut<>()
                    : new CallOutcome.Failed<>(TaskErrorCode.valueOf(task.reasonCode()), task.reason()));
            default -> Optional.empty();
        };
    }
}
