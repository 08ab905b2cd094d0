package com.counterlink.bridge.protocol.operations;

import com.counterlink.bridge.protocol.BridgeOperation;
import com.counterlink.bridge.protocol.OperationRequest;

import java.time.Instant;

/** The smallest task: proves the bridge answers and can reach Counterpoint. */
public record Ping() implements OperationRequest<Ping.Result> {

    @Override
    public BridgeOperation operation() {
        return BridgeOperation.PING;
    }

    /** {@code heapPeakBytes}: the bridge JVM's peak heap so far (sum of the heap pools' peaks, an upper bound). */
    public record Result(String bridgeVersion, boolean counterpointReachable, Instant bridgeTime, long heapPeakBytes) {
    }
}
