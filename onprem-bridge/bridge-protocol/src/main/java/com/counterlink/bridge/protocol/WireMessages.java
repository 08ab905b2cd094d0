package com.counterlink.bridge.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/** The bodies exchanged on /api/bridge/**. */
public final class WireMessages {

    private WireMessages() {
    }

    public record EnrollmentRequest(String token, String name, String publicKey, String version) {
    }

    public record EnrollmentResponse(UUID tenantId, UUID bridgeId, String name) {
    }

    /** {@code latencyMs}: the round trip the bridge measured for its previous heartbeat. */
    public record Heartbeat(String version, Integer latencyMs) {
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
