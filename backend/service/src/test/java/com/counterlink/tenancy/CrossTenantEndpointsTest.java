package com.counterlink.tenancy;

import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedKeycloak;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every endpoint the OpenAPI document lists under a tenant and calls it with another
 * tenant's person: none may succeed or reveal that the tenant exists, and nothing may change.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossTenantEndpointsTest extends BackendTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Inject
    EmbeddedServer server;

    @Test
    @SuppressWarnings("unchecked")
    void noTenantEndpointServesAnotherTenantsPerson() {
        ApiClient api = new ApiClient(server.getURL());
        String victimToken = SharedKeycloak.token(SharedKeycloak.createUser("victim"));
        String victimTenant = api.post("/api/tenants", victimToken, "{\"name\":\"Victim Retail\"}").json().get("id").asText();
        String before = snapshot(api, victimToken, victimTenant);
        String intruderToken = SharedKeycloak.token(SharedKeycloak.createUser("intruder"));
        api.post("/api/tenants", intruderToken, "{\"name\":\"Intruder Retail\"}");

        Map<String, Object> document = new Yaml().load(api.get("/api/openapi", null).body());
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        List<String> tried = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        paths.forEach((template, operations) -> {
            // public endpoints (webhook deliveries) authenticate by signature, not by person; their own tests cover them
            if (!template.contains("{tenantId}") || template.startsWith("/api/public/")) {
                return;
            }
            String path = template.replace("{tenantId}", victimTenant).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            operations.keySet().stream().filter(METHODS::contains).forEach(method -> {
                String body = method.equals("get") || method.equals("delete") ? null : "{}";
                ApiClient.Response response = api.send(method.toUpperCase(), path, intruderToken, body);
                tried.add(method + " " + template);
                // staff-only endpoints refuse everyone else the same way, whatever the tenant
                boolean staffOnlyRefusal = template.startsWith("/api/support/") && response.status() == 403;
                if (response.status() != 404 && response.status() != 400 && !staffOnlyRefusal) {
                    leaks.add(method.toUpperCase() + " " + template + " -> " + response);
                }
            });
        });

        assertTrue(tried.size() >= 3, "expected several tenant endpoints, tried " + tried);
        assertEquals(List.of(), leaks);
        assertEquals(before, snapshot(api, victimToken, victimTenant), "the victim's data changed");
    }

    private static String snapshot(ApiClient api, String token, String tenant) {
        return api.get("/api/tenants/" + tenant, token).body() + api.get("/api/tenants/" + tenant + "/members", token).body();
    }
}
