package com.counterlink.stripe.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP against the sandbox, for what the wire itself must show (status, headers, exact bodies). */
final class RawApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;
    private final String authorization;

    RawApi(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    static RawApi bearer(StripeSandbox sandbox) { return new RawApi(sandbox.baseUrl(), "Bearer sk_test_raw"); }

    HttpResponse<String> get(String pathAndQuery) { return send(request(pathAndQuery).GET()); }

    HttpResponse<String> post(String path, String form) { return post(path, form, null); }

    HttpResponse<String> post(String path, String form, String idempotencyKey) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (idempotencyKey != null) b.header("Idempotency-Key", idempotencyKey);
        return send(b);
    }

    HttpResponse<String> delete(String path) { return send(request(path).DELETE()); }

    HttpResponse<String> management(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/__sandbox" + path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(b);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path));
        if (authorization != null) b.header("Authorization", authorization);
        return b;
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
