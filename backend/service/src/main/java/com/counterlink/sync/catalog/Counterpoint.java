package com.counterlink.sync.catalog;

import com.counterlink.bridge.BridgeCalls;
import com.counterlink.bridge.CallOutcome;
import com.counterlink.bridge.protocol.OperationRequest;
import com.counterlink.sync.BridgeOfflineException;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.UUID;

/** The catalog jobs' way to ask a tenant's Counterpoint: a result, or the run waits for the bridge. */
@Singleton
public class Counterpoint {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final BridgeCalls calls;

    public Counterpoint(BridgeCalls calls) {
        this.calls = calls;
    }

    public <R> R read(UUID tenantId, OperationRequest<R> request) throws BridgeOfflineException {
        CallOutcome<R> outcome = calls.call(tenantId, request, CALL_TIMEOUT);
        return switch (outcome) {
            case CallOutcome.Completed<R> done -> done.result();
            case CallOutcome.BridgeOffline<R> offline -> throw new BridgeOfflineException(
                    "The Counterpoint bridge is offline; the run continues when it is back");
            case CallOutcome.TimedOut<R> late -> throw new BridgeOfflineException(
                    "The Counterpoint bridge did not answer " + request.operation() + " within " + CALL_TIMEOUT.toSeconds() + " s");
            case CallOutcome.Failed<R> failed -> throw new IllegalStateException(
                    "Counterpoint refused " + request.operation() + " (" + failed.code() + "): " + failed.reason());
        };
    }
}
