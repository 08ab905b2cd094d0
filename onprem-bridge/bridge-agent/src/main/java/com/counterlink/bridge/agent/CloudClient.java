package com.counterlink.bridge.agent;

import com.counterlink.bridge.protocol.BridgeErrorCodes;
import com.counterlink.bridge.protocol.BridgeHeaders;
import com.counterlink.bridge.protocol.InvalidParameterException;
import com.counterlink.bridge.protocol.ProtocolJson;
import com.counterlink.bridge.protocol.RequestSignature;
import com.counterlink.bridge.protocol.WireMessages.EnrollmentRequest;
import com.counterlink.bridge.protocol.WireMessages.EnrollmentResponse;
import com.counterlink.bridge.protocol.WireMessages.Heartbeat;
import com.counterlink.bridge.protocol.WireMessages.ResultAck;
import com.counterlink.bridge.protocol.WireMessages.Task;
import com.counterlink.bridge.protocol.WireMessages.TaskResult;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** The bridge's only way out: HTTPS to the Counterlink backend, every request signed. */
public class CloudClient {

    private final URI server;
    private final HttpClient http;
    private final UUID tenantId;
    private final UUID bridgeId;
    private final PrivateKey key;
    private final UUID session = UUID.randomUUID();

    public CloudClient(URI server, ProxySettings proxy, UUID tenantId, UUID bridgeId, PrivateKey key) {
        this.server = server;
        this.http = HttpClient.newBuilder().proxy(proxy).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.tenantId = tenantId;
        this.bridgeId = bridgeId;
        this.key = key;
    }

    public static EnrollmentResponse enroll(URI server, ProxySettings proxy, EnrollmentRequest request) {
        CloudClient anonymous = new CloudClient(server, proxy, null, null, null);
        return ProtocolJson.read(anonymous.send("POST", "/api/bridge/enroll", ProtocolJson.write(request),
                Duration.ofSeconds(30)).body(), EnrollmentResponse.class);
    }

    public void heartbeat(Heartbeat heartbeat) {
        send("POST", "/api/bridge/heartbeat", ProtocolJson.write(heartbeat), Duration.ofSeconds(30));
    }

    /**
     * The session names this process: the cloud re-queues what an earlier process of this bridge had
     * leased (it died) and stops serving that process's abandoned polls.
     */
    public Optional<Task> nextTask(int waitSeconds) {
        HttpResponse<String> response = send("GET", "/api/bridge/tasks/next?waitSeconds=" + waitSeconds
                        + "&session=" + session, null,
                Duration.ofSeconds(waitSeconds + 30));
        return response.statusCode() == 204 ? Optional.empty() : Optional.of(ProtocolJson.read(response.body(), Task.class));
    }

    public ResultAck postResult(UUID taskId, String resultJson) {
        return ProtocolJson.read(send("POST", "/api/bridge/tasks/" + taskId + "/result", resultJson,
                Duration.ofSeconds(60)).body(), ResultAck.class);
    }

    public ResultAck postResult(UUID taskId, TaskResult result) {
        return postResult(taskId, ProtocolJson.write(result));
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body, Duration timeout) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(pathAndQuery)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("User-Agent", "counterlink-bridge/" + BridgeVersion.VALUE);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            long now = System.currentTimeMillis();
            String nonce = UUID.randomUUID().toString();
            request.header(BridgeHeaders.TENANT, tenantId.toString())
                    .header(BridgeHeaders.BRIDGE, bridgeId.toString())
                    .header(BridgeHeaders.TIMESTAMP, Long.toString(now))
                    .header(BridgeHeaders.NONCE, nonce)
                    .header(BridgeHeaders.SIGNATURE, RequestSignature.sign(key,
                            RequestSignature.canonical(method, pathAndQuery, now, nonce, bytes)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CloudUnavailableException("cannot reach " + server + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudUnavailableException("interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        String code = problemField(response.body(), "code");
        String detail = Optional.ofNullable(problemField(response.body(), "detail")).orElse("HTTP " + status);
        if (status >= 500 || status == 429 || status == 408) {
            throw new CloudUnavailableException("the cloud answered HTTP " + status + ": " + detail, null);
        }
        throw new CloudRejectedException(status, code == null ? "HTTP_" + status : code, detail);
    }

    /** True for answers that mean this bridge must stop: revoked, deleted, or its tenant gone. */
    public static boolean isFatal(CloudRejectedException e) {
        return BridgeErrorCodes.BRIDGE_REVOKED.equals(e.code()) || BridgeErrorCodes.BRIDGE_UNKNOWN.equals(e.code());
    }

    private static String problemField(String body, String field) {
        try {
            JsonNode node = ProtocolJson.parse(body).get(field);
            return node == null || node.isNull() ? null : node.asText();
        } catch (InvalidParameterException e) {
            return null;
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
