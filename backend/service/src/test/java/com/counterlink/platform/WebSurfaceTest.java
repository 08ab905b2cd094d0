package com.counterlink.platform;

import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedKeycloak;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a browser and an outsider see of the service: security headers on every answer, CORS, HSTS
 * behind the (here trusted) proxy, and the management endpoints.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSurfaceTest extends BackendTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARTNER = "https://partner.example";

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        try {
            Path portal = Files.createTempDirectory("portal");
            Files.writeString(portal.resolve("index.html"), "<!doctype html><title>Counterlink</title>"
                    + "<script type=\"module\" crossorigin src=\"/assets/index.js\"></script>");
            Files.createDirectories(portal.resolve("assets"));
            Files.writeString(portal.resolve("assets/index.js"), "console.log('portal')");
            return Map.of("counterlink.portal.dir", portal.toString(),
                    "counterlink.web.cors-allowed-origins", PARTNER + "/",
                    "counterlink.web.trust-forwarded-headers", "true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyAnswerCarriesTheBrowserSecurityHeaders() {
        for (String path : List.of("/", "/t/abc/runs", "/assets/index.js", "/api/public/config", "/api/me", "/api/nothing-here",
                "/health")) {
            HttpResponse<String> response = send("GET", path, Map.of());
            assertEquals("DENY", header(response, "X-Frame-Options"), path);
            assertEquals("nosniff", header(response, "X-Content-Type-Options"), path);
            assertEquals("strict-origin-when-cross-origin", header(response, "Referrer-Policy"), path);
            String policy = header(response, "Content-Security-Policy");
            assertTrue(policy.contains("frame-ancestors 'none'"), path + ": " + policy);
            assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), path + ": " + policy);
        }
        String portal = header(send("GET", "/", Map.of()), "Content-Security-Policy");
        assertTrue(portal.contains("script-src 'self';"), portal);
        assertTrue(portal.contains("connect-src 'self' " + SharedKeycloak.URL), "the portal refreshes tokens at Keycloak: " + portal);
        assertTrue(header(send("GET", "/api/public/config", Map.of()), "Content-Security-Policy").startsWith("default-src 'none'"));
    }

    @Test
    void hstsOnlyWhenTheCallerCameOverHttps() {
        assertEquals(null, header(send("GET", "/api/public/config", Map.of()), "Strict-Transport-Security"));
        HttpResponse<String> https = send("GET", "/api/public/config", Map.of("X-Forwarded-Proto", "https"));
        assertEquals("max-age=31536000", header(https, "Strict-Transport-Security"));
    }

    @Test
    void onlyAllowedOriginsMayCallTheApiFromAnotherPage() throws IOException {
        Map<String, String> evilPreflight = Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "PUT",
                "Access-Control-Request-Headers", "authorization,content-type");
        HttpResponse<String> refused = send("OPTIONS", "/api/tenants", evilPreflight);
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(null, header(refused, "Access-Control-Allow-Origin"));
        assertEquals("FORBIDDEN", JSON.readTree(refused.body()).get("code").asText());
        assertEquals(null, header(send("GET", "/api/public/config", Map.of("Origin", "https://evil.example")),
                "Access-Control-Allow-Origin"), "the browser keeps the answer from the other page");

        HttpResponse<String> allowed = send("OPTIONS", "/api/tenants", Map.of("Origin", PARTNER,
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "authorization,content-type"));
        assertEquals(204, allowed.statusCode(), allowed.body());
        assertEquals(PARTNER, header(allowed, "Access-Control-Allow-Origin"));
        assertTrue(header(allowed, "Access-Control-Allow-Headers").contains("Authorization"));
        assertEquals(PARTNER, header(send("GET", "/api/public/config", Map.of("Origin", PARTNER)), "Access-Control-Allow-Origin"));
    }

    @Test
    void healthDetailsAreForVendorAdminsOnlyAndProbesStillWork() throws IOException {
        String retailer = SharedKeycloak.token(SharedKeycloak.createUser("retailer"));
        String admin = SharedKeycloak.token(SharedKeycloak.createUser("vendor-admin", "vendor-admin"));
        for (Map<String, String> caller : List.of(Map.<String, String>of(), Map.of("Authorization", "Bearer " + retailer))) {
            for (String path : List.of("/health", "/health/liveness", "/health/readiness")) {
                HttpResponse<String> health = send("GET", path, caller);
                assertEquals(200, health.statusCode(), path + " " + health.body());
                JsonNode body = JSON.readTree(health.body());
                assertEquals("UP", body.get("status").asText());
                assertTrue(body.path("details").isMissingNode() || body.path("details").isNull(), path + " " + health.body());
                assertFalse(health.body().contains("jdbc:"), health.body());
            }
        }
        HttpResponse<String> detailed = send("GET", "/health", Map.of("Authorization", "Bearer " + admin));
        assertTrue(detailed.body().contains("jdbc:postgresql"), detailed.body());
    }

    @Test
    void theOtherManagementEndpointsAreOffAndAnswer404() {
        String retailer = SharedKeycloak.token(SharedKeycloak.createUser("curious"));
        for (String path : List.of("/info", "/beans", "/routes", "/threaddump", "/loggers", "/env", "/metrics", "/refresh", "/stop")) {
            HttpResponse<String> response = send("GET", path, Map.of("Authorization", "Bearer " + retailer));
            assertEquals(404, response.statusCode(), path + " " + response.body());
            assertTrue(header(response, "Content-Type").startsWith("application/problem+json"), path);
        }
        // the portal serves GET only, so another method on a portal path is 405, never the endpoint
        int stop = send("POST", "/stop", Map.of("Authorization", "Bearer " + retailer)).statusCode();
        assertTrue(stop == 404 || stop == 405, "POST /stop answered " + stop);
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
