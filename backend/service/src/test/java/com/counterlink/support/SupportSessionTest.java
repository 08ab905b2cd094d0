package com.counterlink.support;

import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedKeycloak;
import com.counterlink.testing.SharedKeycloak.TestUser;
import com.counterlink.testing.SharedPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our support staff act as a tenant only with a reason, for a limited time, and the tenant sees every step. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupportSessionTest extends BackendTest {

    @Inject
    EmbeddedServer server;

    ApiClient api;
    String ownerToken;
    String tenant;
    String tenantName;
    TestUser staff;

    @BeforeAll
    void aRetailerAndOurSupportPerson() {
        api = new ApiClient(server.getURL());
        ownerToken = SharedKeycloak.token(SharedKeycloak.createUser("retailer"));
        tenantName = "Supported Co " + UUID.randomUUID().toString().substring(0, 6);
        tenant = api.post("/api/tenants", ownerToken, "{\"name\":\"" + tenantName + "\"}").json().get("id").asText();
        staff = SharedKeycloak.createUser("support", "vendor-support");
    }

    @Test
    void staffActAsTheTenantOnlyDuringASessionAndEveryStepIsInTheTenantsAuditLog() {
        String staffToken = SharedKeycloak.token(staff);
        ApiClient.Response noSession = api.get("/api/tenants/" + tenant, staffToken);
        assertEquals(403, noSession.status(), "no session, no access");
        assertEquals("SUPPORT_SESSION_REQUIRED", noSession.json().get("code").asText());

        ApiClient.Response noReason = api.post("/api/support/tenants/" + tenant + "/sessions", staffToken, "{\"reason\":\"hi\"}");
        assertEquals(400, noReason.status());
        assertEquals("reason", noReason.json().get("errors").get(0).get("field").asText());

        ApiClient.Response started = api.post("/api/support/tenants/" + tenant + "/sessions", staffToken,
                "{\"reason\":\"Ticket 4711: stock not updating\",\"minutes\":15}");
        assertEquals(201, started.status(), started.toString());
        String sessionId = started.json().get("id").asText();

        assertEquals(tenantName, api.get("/api/tenants/" + tenant, staffToken).json().get("name").asText());
        assertEquals(200, api.get("/api/tenants/" + tenant + "/members", staffToken).status());
        JsonNode banner = api.get("/api/me", staffToken).json().get("supportSessions");
        assertEquals(1, banner.size());
        assertEquals(tenant, banner.get(0).get("tenantId").asText());

        JsonNode audit = api.get("/api/tenants/" + tenant + "/audit", ownerToken).json();
        boolean sawAccess = false;
        boolean sawStart = false;
        boolean sawAttemptWithoutSession = false;
        for (JsonNode event : audit) {
            if (event.get("actorSubject").asText().equals(staff.subject())
                    && event.path("detail").path("outcome").asText().equals("refused: SUPPORT_SESSION_REQUIRED")) {
                sawAttemptWithoutSession = true; // before the session: on record, under no session
                assertTrue(event.get("onBehalfOf").isNull(), event.toString());
            } else if (event.get("actorSubject").asText().equals(staff.subject())) {
                assertTrue(event.get("onBehalfOf").asText().contains("Ticket 4711"), event.toString());
                sawAccess |= event.get("action").asText().equals("support.access")
                        && event.get("detail").get("path").asText().endsWith("/members");
                sawStart |= event.get("action").asText().equals("support.session.started");
            }
        }
        assertTrue(sawAccess && sawStart && sawAttemptWithoutSession, audit.toString());
        assertEquals(1, api.get("/api/tenants/" + tenant + "/support-sessions", ownerToken).json().size());

        assertEquals(204, api.post("/api/support/tenants/" + tenant + "/sessions/" + sessionId + "/end", staffToken, null).status());
        assertEquals(403, api.get("/api/tenants/" + tenant, staffToken).status(), "the session ended");
    }

    @Test
    void anExpiredSessionGivesNoAccess() throws Exception {
        String staffToken = SharedKeycloak.token(staff);
        String otherTenant = api.post("/api/tenants", SharedKeycloak.token(SharedKeycloak.createUser("expiring")),
                "{\"name\":\"Expiring Co\"}").json().get("id").asText();
        String sessionId = api.post("/api/support/tenants/" + otherTenant + "/sessions", staffToken,
                "{\"reason\":\"Ticket 815: checking settings\"}").json().get("id").asText();
        assertEquals(200, api.get("/api/tenants/" + otherTenant, staffToken).status());
        try (Connection c = SharedPostgres.superuserConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE support_sessions SET expires_at = now() - interval '1 minute' WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(sessionId));
            assertEquals(1, ps.executeUpdate());
        }
        ApiClient.Response expired = api.get("/api/tenants/" + otherTenant, staffToken);
        assertEquals(403, expired.status());
        assertTrue(expired.json().get("detail").asText().contains("expired"), expired.toString());
    }

    @Test
    void onlyStaffFindTenantsAndOpenSessions() {
        String retailerToken = SharedKeycloak.token(SharedKeycloak.createUser("curious"));
        assertEquals(403, api.get("/api/support/tenants?q=Supported&reason=Just%20looking%20around", retailerToken).status());
        assertEquals(403, api.post("/api/support/tenants/" + tenant + "/sessions", retailerToken,
                "{\"reason\":\"I would like to look around\"}").status());

        JsonNode found = api.get("/api/support/tenants?q=" + tenantName.replace(" ", "%20")
                + "&reason=Ticket%201%3A%20which%20company", SharedKeycloak.token(staff)).json();
        assertEquals(1, found.size(), found.toString());
        assertEquals(tenant, found.get(0).get("id").asText());
        assertEquals(404, api.post("/api/support/tenants/" + UUID.randomUUID() + "/sessions", SharedKeycloak.token(staff),
                "{\"reason\":\"Ticket 1: unknown company\"}").status());
    }
}
