package com.counterlink.bridge.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** The bodies exchanged on /api/bridge/**. */
public final class WireMessages {

    private WireMessages() {
    }

    public record EnrollmentRequest(String token, String name, String publicKey, String version) {
    }

    public record EnrollmentResponse(UUID tenantId, UUID bridgeId, String name) {
    }

    /**
     * {@code latencyMs}: the round trip the bridge measured for its previous heartbeat;
     * {@code changes}: the latest change times the bridge saw in Counterpoint (null when it could not look);
     * {@code counterpoint}: whether Counterpoint's database answers the bridge (null from older bridges).
     */
    public record Heartbeat(String version, Integer latencyMs, ChangeMarks changes, CounterpointStatus counterpoint) {

        public Heartbeat(String version, Integer latencyMs) {
            this(version, latencyMs, null, null);
        }

        public Heartbeat(String version, Integer latencyMs, ChangeMarks changes) {
            this(version, latencyMs, changes, null);
        }
    }

    /**
     * Whether Counterpoint's database answered the bridge the last time it asked, and since when it has not
     * ({@code unreachableSince}, null while it answers). No driver message: that stays in the bridge's log.
     */
    public record CounterpointStatus(boolean reachable, Instant unreachableSince) {
    }

    /**
     * The newest {@code RS_UTC_DT} of what each job reads: items (and their web descriptions),
     * stock (locations and grid cells) and prices (levels and promotional rules). Any may be null.
     */
    public record ChangeMarks(Instant items, Instant stock, Instant prices) {
    }

    public record Task(UUID taskId, String operation, JsonNode params) {
    }

    /** COMPLETED with {@code result}, or FAILED with {@code errorCode} and {@code errorMessage}. */
    public record TaskResult(String status, JsonNode result, TaskErrorCode errorCode, String errorMessage) {

        public static TaskResult completed(Object result) {
            return new TaskResult("COMPLETED", ProtocolJson.tree(result), null, null);
        }

        public static TaskResult failed(TaskErrorCode code, String message) {
            return new TaskResult("FAILED", null, code, message);
        }
    }

    /** {@code applied} is false when the task already had its result (a repeated post). */
    public record ResultAck(boolean applied, String state) {
    }
}
