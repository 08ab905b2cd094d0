package com.counterlink.bridge;

import com.counterlink.bridge.protocol.BridgeHeaders;
import com.counterlink.bridge.protocol.ProtocolJson;
import com.counterlink.bridge.protocol.RequestSignature;
import com.counterlink.bridge.protocol.WireMessages.EnrollmentRequest;
import com.counterlink.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.UUID;

/** A bridge inside the test JVM, speaking the wire protocol directly so tests can also break it on purpose. */
final class TestBridge {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final KeyPair keys = RequestSignature.generateKeyPair();
    private final String base;
    UUID tenantId;
    UUID bridgeId;

    TestBridge(URL server) {
        this.base = server.toString().replaceAll("/$", "");
    }

    ApiClient.Response enroll(String token, String name) {
        String body = ProtocolJson.write(new EnrollmentRequest(token, name,
                RequestSignature.encodePublicKey(keys.getPublic()), "test-1.0"));
        ApiClient.Response response = send("POST", "/api/bridge/enroll", body, null);
        if (response.status() == 200) {
            JsonNode json = response.json();
            tenantId = UUID.fromString(json.get("tenantId").asText());
            bridgeId = UUID.fromString(json.get("bridgeId").asText());
        }
        return response;
    }

    ApiClient.Response signed(String method, String pathAndQuery, String body) {
        return signed(method, pathAndQuery, body, System.currentTimeMillis(), UUID.randomUUID().toString(), body);
    }

    /** Signs {@code signedBody} but sends {@code sentBody}: the two differ only when a test tampers. */
    ApiClient.Response signed(String method, String pathAndQuery, String sentBody, long timestamp, String nonce,
                              String signedBody) {
        byte[] bytes = signedBody == null ? new byte[0] : signedBody.getBytes(StandardCharsets.UTF_8);
        String signature = RequestSignature.sign(keys.getPrivate(),
                RequestSignature.canonical(method, pathAndQuery, timestamp, nonce, bytes));
        return send(method, pathAndQuery, sentBody, new String[]{
                BridgeHeaders.TENANT, tenantId.toString(), BridgeHeaders.BRIDGE, bridgeId.toString(),
                BridgeHeaders.TIMESTAMP, Long.toString(timestamp), BridgeHeaders.NONCE, nonce,
                BridgeHeaders.SIGNATURE, signature});
    }

    ApiClient.Response heartbeat(String version, Integer latencyMs) {
        return signed("POST", "/api/bridge/heartbeat",
                "{\"version\":\"" + version + "\",\"latencyMs\":" + latencyMs + "}");
    }

    private ApiClient.Response send(String method, String path, String body, String[] headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(40))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers != null) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }
}
