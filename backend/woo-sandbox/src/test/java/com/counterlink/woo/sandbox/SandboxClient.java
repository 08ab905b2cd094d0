package com.counterlink.woo.sandbox;

import com.counterlink.woo.sandbox.auth.OAuth1Signature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test-side HTTP helper: Basic (with X-Forwarded-Proto: https), OAuth 1.0a, or no auth. */
final class SandboxClient {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private SandboxClient() {}

    static String query(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return sb.toString();
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }

    static HttpResponse<String> send(String method, String url, String body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> basic(String ck, String cs, boolean https) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "Basic " + Base64.getEncoder().encodeToString((ck + ":" + cs).getBytes(StandardCharsets.UTF_8)));
        if (https) h.put("X-Forwarded-Proto", "https");
        return h;
    }

    /** Adds one-legged OAuth 1.0a query parameters to {@code params} (in place) for a request to {@code baseUrl}. */
    static void signOAuth(String method, String baseUrl, Map<String, String> params, String ck, String cs, String sigMethod, long timestamp, String nonce) {
        params.put("oauth_consumer_key", ck);
        params.put("oauth_nonce", nonce);
        params.put("oauth_signature_method", sigMethod);
        params.put("oauth_timestamp", String.valueOf(timestamp));
        params.put("oauth_signature", OAuth1Signature.sign(method, baseUrl, params, cs, sigMethod));
    }

    static JsonNode json(HttpResponse<String> r) throws IOException { return JSON.readTree(r.body()); }
}
