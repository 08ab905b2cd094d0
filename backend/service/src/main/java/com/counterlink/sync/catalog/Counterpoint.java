package com.counterlink.sync.catalog;

import com.counterlink.bridge.BridgeCalls;
import com.counterlink.bridge.CallOutcome;
import com.counterlink.bridge.protocol.BridgeOperation;
import com.counterlink.bridge.protocol.OperationRequest;
import com.counterlink.bridge.protocol.ProtocolJson;
import com.counterlink.sync.BridgeOfflineException;
import com.counterlink.sync.CounterpointUnreachableException;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The catalog jobs' way to ask a tenant's Counterpoint: a result, or the run waits for the bridge.
 * Several stores of one tenant that need the same read at the same moment (a change runs every
 * store's job at once) share one bridge task: a read already on its way for the same tenant,
 * operation and parameters is awaited instead of asked again. Only reads go through here, and a
 * result is shared only while its task is in flight, so no store ever gets an older answer than it
 * would have got by asking itself.
 */
@Singleton
public class Counterpoint {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private record SameRead(UUID tenantId, BridgeOperation operation, String parameters) {
    }

    private final BridgeCalls calls;
    private final ConcurrentMap<SameRead, CompletableFuture<CallOutcome<?>>> inFlight = new ConcurrentHashMap<>();

    public Counterpoint(BridgeCalls calls) {
        this.calls = calls;
    }

    public <R> R read(UUID tenantId, OperationRequest<R> request) throws BridgeOfflineException {
        CallOutcome<R> outcome = shared(tenantId, request);
        return switch (outcome) {
            case CallOutcome.Completed<R> done -> done.result();
            case CallOutcome.BridgeOffline<R> offline -> throw new BridgeOfflineException(
                    "The Counterpoint bridge is offline; the run continues when it is back");
            case CallOutcome.TimedOut<R> late -> throw new BridgeOfflineException(
                    "The Counterpoint bridge did not answer " + request.operation() + " within " + CALL_TIMEOUT.toSeconds() + " s");
            case CallOutcome.Failed<R> failed when failed.counterpointUnreachable() -> throw new CounterpointUnreachableException(
                    "the run continues when it answers");
            case CallOutcome.Failed<R> failed -> throw new IllegalStateException(
                    "Counterpoint refused " + request.operation() + " (" + failed.code() + "): " + failed.reason());
        };
    }

    @SuppressWarnings("unchecked")
    private <R> CallOutcome<R> shared(UUID tenantId, OperationRequest<R> request) {
        SameRead key = new SameRead(tenantId, request.operation(), ProtocolJson.write(request));
        CompletableFuture<CallOutcome<?>> mine = new CompletableFuture<>();
        CompletableFuture<CallOutcome<?>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return (CallOutcome<R>) running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            CallOutcome<R> outcome = calls.call(tenantId, request, CALL_TIMEOUT);
            mine.complete(outcome);
            return outcome;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }
}
