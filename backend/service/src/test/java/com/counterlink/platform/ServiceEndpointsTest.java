package com.counterlink.platform;

import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceEndpointsTest extends BackendTest {

    static Path portal;

    @Inject
    EmbeddedServer server;

    ApiClient api;

    @Override
    protected Map<String, String> extraProperties() {
        try {
            portal = Files.createTempDirectory("portal");
            Files.writeString(portal.resolve("index.html"), "<!doctype html><title>Counterlink</title>");
            Files.createDirectories(portal.resolve("assets"));
            Files.writeString(portal.resolve("assets/app.js"), "console.log('portal')");
            Files.write(portal.resolve("bridge.jar"), new byte[]{'P', 'K', 3, 4});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("counterlink.portal.dir", portal.toString(),
                "counterlink.downloads.bridge-jar", portal.resolve("bridge.jar").toString(),
                "counterlink.downloads.bridge-windows-zip", portal.resolve("missing.zip").toString());
    }

    @BeforeAll
    void client() {
        api = new ApiClient(server.getURL());
    }

    @Test
    void healthAndReadinessReportTheDatabase() {
        ApiClient.Response health = api.get("/health", null);
        assertEquals(200, health.status(), health.toString());
        assertEquals("UP", health.json().get("status").asText());
        assertEquals(200, api.get("/health/readiness", null).status());
        assertEquals(200, api.get("/health/liveness", null).status());
    }

    @Test
    void theOpenApiDocumentDescribesTheTenantApi() {
        ApiClient.Response doc = api.get("/api/openapi", null);
        assertEquals(200, doc.status(), doc.toString());
        assertTrue(doc.body().contains("/api/tenants"), doc.body());
        assertTrue(doc.body().contains("Counterlink API"));
    }

    @Test
    void theBridgeProgramCanBeDownloadedWithoutSigningIn() {
        ApiClient.Response download = api.get("/api/public/downloads/counterlink-bridge.jar", null);
        assertEquals(200, download.status(), download.toString());
        assertTrue(download.body().startsWith("PK"));
        ApiClient.Response missing = api.get("/api/public/downloads/counterlink-bridge-windows.zip", null);
        assertEquals(404, missing.status());
        assertTrue(missing.json().get("detail").asText().contains("not available"), missing.toString());
    }

    @Test
    void thePortalConfigurationIsPublic() {
        ApiClient.Response config = api.get("/api/public/config", null);
        assertEquals(200, config.status());
        assertTrue(config.json().get("issuer").asText().endsWith("/realms/counterlink"));
        assertEquals("counterlink-portal", config.json().get("clientId").asText());
    }

    @Test
    void everyPortalPageIsReachableByUrlAndUnknownApiPathsAreProblems() {
        ApiClient.Response deepLink = api.get("/t/5b0e/runs", null);
        assertEquals(200, deepLink.status());
        assertTrue(deepLink.body().contains("<title>Counterlink</title>"));
        assertEquals(200, api.get("/", null).status());
        assertTrue(api.get("/assets/app.js", null).body().contains("portal"));
        assertEquals(404, api.get("/assets/missing.js", null).status());
        assertEquals(404, api.get("/../../etc/passwd", null).status());

        ApiClient.Response unknownApi = api.get("/api/nothing-here", null);
        assertTrue(unknownApi.status() == 404 || unknownApi.status() == 401, unknownApi.toString());
        assertTrue(unknownApi.contentType().startsWith("application/problem+json"), unknownApi.toString());
    }
}
