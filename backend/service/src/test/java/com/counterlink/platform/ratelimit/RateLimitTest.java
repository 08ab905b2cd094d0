package com.counterlink.platform.ratelimit;

import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public endpoints with allowances low enough to reach; the defaults are far above any test. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest extends BackendTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("counterlink.rate-limits.public-reads-per-address", "3",
                "counterlink.rate-limits.bridge-enroll-per-address", "2",
                "counterlink.rate-limits.webhooks-per-store", "2",
                "counterlink.rate-limits.webhooks-per-tenant", "3");
    }

    @Test
    void aCallerOverItsAllowanceGets429ProblemWithRetryAfterAndAForgedForwardedForChangesNothing() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get("/api/public/config", "198.51.100." + i).statusCode(), "request " + i);
        }
        HttpResponse<String> limited = get("/api/public/config", "198.51.100.99");
        assertEquals(429, limited.statusCode(), limited.body());
        assertTrue(limited.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(limited.body().contains("\"code\":\"RATE_LIMITED\""), limited.body());
        assertEquals("nosniff", limited.headers().firstValue("X-Content-Type-Options").orElse(null), "security headers on a 429 too");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 20, "one token every 20 s: " + retryAfter);
    }

    @Test
    void bridgeEnrollmentIsCountedPerAddress() {
        ApiClient api = new ApiClient(server.getURL());
        String body = "{\"token\":\"clb1.guess\",\"name\":\"x\",\"publicKey\":\"x\",\"version\":\"1\"}";
        assertNotEquals(429, api.post("/api/bridge/enroll", null, body).status());
        assertNotEquals(429, api.post("/api/bridge/enroll", null, body).status());
        ApiClient.Response limited = api.post("/api/bridge/enroll", null, body);
        assertEquals(429, limited.status(), limited.toString());
        assertEquals("RATE_LIMITED", limited.json().get("code").asText());
    }

    @Test
    void webhookDeliveriesAreCountedPerStoreAndPerCompany() throws Exception {
        String tenant = UUID.randomUUID().toString();
        String storeA = UUID.randomUUID().toString();
        String storeB = UUID.randomUUID().toString();
        String storeC = UUID.randomUUID().toString();
        assertNotEquals(429, deliver(tenant, storeA).statusCode());
        assertNotEquals(429, deliver(tenant, storeA).statusCode());
        HttpResponse<String> third = deliver(tenant, storeA);
        assertEquals(429, third.statusCode(), third.body());
        assertTrue(third.body().contains("for this store"), third.body());

        assertNotEquals(429, deliver(tenant, storeB).statusCode(), "another store has its own allowance");
        HttpResponse<String> company = deliver(tenant, storeC);
        assertEquals(429, company.statusCode(), "the company's third delivery this minute");
        assertTrue(company.body().contains("for this company"), company.body());
        assertNotEquals(429, deliver(UUID.randomUUID().toString(), storeC).statusCode(), "another company is not held up");
    }

    private HttpResponse<String> get(String path, String forwardedFor) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("X-Forwarded-For", forwardedFor).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> deliver(String tenant, String store) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/public/woo/webhooks/" + tenant + "/" + store))
                .header("Content-Type", "application/json").header("X-WC-Webhook-Topic", "order.updated")
                .header("X-WC-Webhook-Signature", "forged")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":1}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
