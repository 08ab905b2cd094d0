package com.counterlink.bridge;

import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedKeycloak;
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
import java.sql.SQLException;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeEnrollmentTest extends BackendTest {

    @Inject
    EmbeddedServer server;

    ApiClient api;

    @BeforeAll
    void client() {
        api = new ApiClient(server.getURL());
    }

    @Test
    void anOwnerEnrollsABridgeWhichThenShowsOnlineWithItsVersionAndLatency() {
        Company company = newCompany();
        ApiClient.Response issued = api.post(company.bridges() + "/enrollment-tokens", company.token(), null);
        assertEquals(201, issued.status(), issued.toString());
        String token = issued.json().get("token").asText();
        assertTrue(token.startsWith("clb1." + company.id() + "."), token);
        assertTrue(issued.json().get("enrollCommand").asText().contains("--token " + token));

        TestBridge bridge = new TestBridge(server.getURL());
        ApiClient.Response enrolled = bridge.enroll(token, "Back office PC");
        assertEquals(200, enrolled.status(), enrolled.toString());
        assertEquals(company.id(), bridge.tenantId.toString());
        assertEquals(200, bridge.heartbeat("1.2.3", 17).status());

        JsonNode listed = api.get(company.bridges(), company.token()).json().get(0);
        assertEquals("Back office PC", listed.get("name").asText());
        assertTrue(listed.get("online").asBoolean());
        assertEquals("1.2.3", listed.get("version").asText());
        assertEquals(17, listed.get("latencyMs").asInt());

        JsonNode audit = api.get("/api/tenants/" + company.id() + "/audit", company.token()).json();
        assertEquals("bridge.enrolled", audit.get(0).get("action").asText());
        assertEquals("bridge.token_issued", audit.get(1).get("action").asText());
    }

    @Test
    void aTokenWorksOnceAndNeverAfterItExpiresOrWhenItIsWrong() throws SQLException {
        Company company = newCompany();
        String token = issue(company);
        assertEquals(200, new TestBridge(server.getURL()).enroll(token, "first").status());

        ApiClient.Response reused = new TestBridge(server.getURL()).enroll(token, "second");
        assertProblem(reused, 401, "ENROLLMENT_TOKEN_INVALID", "already used");

        String expiring = issue(company);
        try (Connection c = SharedPostgres.superuserConnection();
             PreparedStatement s = c.prepareStatement("UPDATE bridge_enrollment_tokens SET expires_at = now() - interval '1 second' "
                     + "WHERE tenant_id = ? AND used_at IS NULL")) {
            s.setObject(1, UUID.fromString(company.id()));
            s.executeUpdate();
        }
        assertProblem(new TestBridge(server.getURL()).enroll(expiring, "late"), 401, "ENROLLMENT_TOKEN_INVALID", "expired");

        String wrongSecret = token.substring(0, token.lastIndexOf('.') + 1) + "A".repeat(43);
        assertProblem(new TestBridge(server.getURL()).enroll(wrongSecret, "guess"), 401, "ENROLLMENT_TOKEN_INVALID", "not known");
        String otherTenant = "clb1." + UUID.randomUUID() + token.substring(token.lastIndexOf('.'));
        assertProblem(new TestBridge(server.getURL()).enroll(otherTenant, "guess"), 401, "ENROLLMENT_TOKEN_INVALID", "not known");
        assertProblem(new TestBridge(server.getURL()).enroll("garbage", "x"), 401, "ENROLLMENT_TOKEN_INVALID", "not a Counterlink");

        assertEquals(1, api.get(company.bridges(), company.token()).json().size());
    }

    @Test
    void onlyAnOwnerOfTheCompanyCanIssueTokensOrRevoke() {
        Company company = newCompany();
        String stranger = SharedKeycloak.token(SharedKeycloak.createUser("stranger"));
        assertEquals(404, api.post(company.bridges() + "/enrollment-tokens", stranger, null).status());
        assertEquals(404, api.get(company.bridges(), stranger).status());
        TestBridge bridge = new TestBridge(server.getURL());
        bridge.enroll(issue(company), "pc");
        assertEquals(404, api.post(company.bridges() + "/" + bridge.bridgeId + "/revoke", stranger, null).status());
        assertEquals(401, api.post(company.bridges() + "/enrollment-tokens", null, null).status());
    }

    @Test
    void aTamperedReplayedOrLateRequestIsRejected() {
        Company company = newCompany();
        TestBridge bridge = new TestBridge(server.getURL());
        bridge.enroll(issue(company), "pc");
        String body = "{\"version\":\"1.0\",\"latencyMs\":5}";
        long now = System.currentTimeMillis();

        assertProblem(bridge.signed("POST", "/api/bridge/heartbeat", "{\"version\":\"6.6.6\",\"latencyMs\":5}", now,
                UUID.randomUUID().toString(), body), 401, "SIGNATURE_INVALID", "does not match");

        String nonce = UUID.randomUUID().toString();
        assertEquals(200, bridge.signed("POST", "/api/bridge/heartbeat", body, now, nonce, body).status());
        assertProblem(bridge.signed("POST", "/api/bridge/heartbeat", body, now, nonce, body), 401, "SIGNATURE_INVALID", "replayed");

        assertProblem(bridge.signed("POST", "/api/bridge/heartbeat", body, now - 6 * 60_000, UUID.randomUUID().toString(), body),
                401, "SIGNATURE_INVALID", "clock");

        TestBridge impostor = new TestBridge(server.getURL());
        impostor.tenantId = bridge.tenantId;
        impostor.bridgeId = bridge.bridgeId;
        assertProblem(impostor.heartbeat("1.0", 1), 401, "SIGNATURE_INVALID", "does not match");

        impostor.bridgeId = UUID.randomUUID();
        assertProblem(impostor.heartbeat("1.0", 1), 401, "BRIDGE_UNKNOWN", "enroll it again");

        assertEquals("1.0", api.get(company.bridges(), company.token()).json().get(0).get("version").asText());
    }

    @Test
    void aRevokedBridgeIsToldSoAndListedOffline() {
        Company company = newCompany();
        TestBridge bridge = new TestBridge(server.getURL());
        bridge.enroll(issue(company), "pc");
        assertEquals(200, bridge.heartbeat("1.0", 3).status());

        ApiClient.Response revoked = api.post(company.bridges() + "/" + bridge.bridgeId + "/revoke", company.token(), null);
        assertEquals(200, revoked.status(), revoked.toString());
        assertEquals("REVOKED", revoked.json().get("status").asText());
        assertFalse(revoked.json().get("online").asBoolean());

        assertProblem(bridge.heartbeat("1.0", 3), 403, "BRIDGE_REVOKED", "revoked");
        assertProblem(bridge.signed("GET", "/api/bridge/tasks/next?waitSeconds=0", null), 403, "BRIDGE_REVOKED", "revoked");
        assertEquals(404, api.post(company.bridges() + "/" + UUID.randomUUID() + "/revoke", company.token(), null).status());
        JsonNode audit = api.get("/api/tenants/" + company.id() + "/audit", company.token()).json();
        assertEquals("bridge.revoked", audit.get(0).get("action").asText());
    }

    private String issue(Company company) {
        return api.post(company.bridges() + "/enrollment-tokens", company.token(), null).json().get("token").asText();
    }

    private Company newCompany() {
        String token = SharedKeycloak.token(SharedKeycloak.createUser("bridge-owner"));
        String id = api.post("/api/tenants", token, "{\"name\":\"Bridge Co\"}").json().get("id").asText();
        return new Company(id, token);
    }

    static void assertProblem(ApiClient.Response response, int status, String code, String detailPart) {
        assertEquals(status, response.status(), response.toString());
        assertEquals(code, response.json().get("code").asText(), response.toString());
        assertTrue(response.json().get("detail").asText().contains(detailPart), response.toString());
    }

    record Company(String id, String token) {
        String bridges() {
            return "/api/tenants/" + id + "/bridges";
        }
    }
}
