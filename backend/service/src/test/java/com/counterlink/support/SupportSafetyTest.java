package com.counterlink.support;

import com.counterlink.tenancy.TenantEndpoint;
import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedKeycloak;
import com.counterlink.testing.SharedKeycloak.TestUser;
import com.counterlink.testing.SharedPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Support acting as a tenant is read-only; a separately reasoned elevation opens only the few writes
 * support needs; nothing ever lets support change who belongs to a company, its keys or its bridges;
 * the company can end a session; and every attempt is on the company's record, even one that failed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupportSafetyTest extends BackendTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** The writes an elevated session may make: the whole list, on purpose. */
    private static final Set<String> SUPPORT_WRITES = Set.of(
            "POST /api/tenants/{tenantId}/orders/{orderId}/retry",
            "POST /api/tenants/{tenantId}/orders/{orderId}/resolve",
            "POST /api/tenants/{tenantId}/stores/{siteId}/jobs/{jobType}/runs",
            "POST /api/tenants/{tenantId}/stores/{siteId}/sync-preview",
            "POST /api/tenants/{tenantId}/stores/{siteId}/sync-reconcile",
            "POST /api/tenants/{tenantId}/stores/{siteId}/webhooks",
            "POST /api/tenants/{tenantId}/stores/{siteId}/webhooks/repair",
            "POST /api/tenants/{tenantId}/stores/{siteId}/test-connection",
            "POST /api/tenants/{tenantId}/stores/{siteId}/runs/{runId}/items/{itemId}/retry");

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    ApiClient api;
    TestUser staff;
    String staffToken;

    record Company(String id, TestUser owner, String ownerToken) {
    }

    @BeforeAll
    void ourSupportPerson() {
        api = new ApiClient(server.getURL());
        staff = SharedKeycloak.createUser("support", "vendor-support");
        staffToken = SharedKeycloak.token(staff);
    }

    @Test
    void aSupportSessionIsReadOnlyOnEveryEndpoint() {
        Company company = company("Read Only Co");
        openSession(company);
        String before = snapshot(company);

        List<String> wrong = walk(company, (call, response) -> {
            if (call.startsWith("GET ")) {
                return response.status() == 403 ? "a read refused: " + response : null;
            }
            return refusedAsProblem(response, "SUPPORT_READ_ONLY", "SUPPORT_NOT_ALLOWED");
        });

        assertEquals(List.of(), wrong);
        assertEquals(before, snapshot(company), "a read-only session changed the company");
    }

    @Test
    void anElevatedSessionOpensOnlyTheSupportWrites() throws Exception {
        Company company = company("Elevated Co");
        String session = openSession(company);
        String store = insertStore(company);
        String runNow = "/api/tenants/" + company.id + "/stores/" + store + "/jobs/INVENTORY/runs";
        assertEquals("SUPPORT_READ_ONLY", api.post(runNow, staffToken, "{}").json().get("code").asText());

        ApiClient.Response elevated = elevate(company, session, "Ticket 4711: run the stock job after the fix");
        assertEquals(200, elevated.status(), elevated.toString());
        assertEquals("Ticket 4711: run the stock job after the fix", elevated.json().get("elevatedReason").asText());
        String before = snapshot(company);

        List<String> wrong = walk(company, (call, response) -> {
            if (call.startsWith("GET ") || SUPPORT_WRITES.contains(call)) {
                return response.status() == 403 ? "refused although allowed: " + response : null;
            }
            return refusedAsProblem(response, "SUPPORT_NOT_ALLOWED");
        });
        assertEquals(List.of(), wrong);
        assertEquals(before, snapshot(company), "an elevated session changed what support may never change");

        ApiClient.Response ran = api.post(runNow, staffToken, "{}");
        assertEquals(202, ran.status(), "an elevated session runs a job now: " + ran);

        JsonNode seen = api.get("/api/tenants/" + company.id + "/support-sessions", company.ownerToken).json().get(0);
        assertEquals("Ticket 4711: run the stock job after the fix", seen.get("elevatedReason").asText());
        assertFalse(seen.get("elevatedUntil").isNull());
        JsonNode audit = api.get("/api/tenants/" + company.id + "/audit", company.ownerToken).json();
        assertTrue(anyEvent(audit, e -> e.get("action").asText().equals("support.session.elevated")
                && e.get("detail").get("reason").asText().contains("Ticket 4711")), audit.toString());
        assertTrue(anyEvent(audit, e -> e.get("action").asText().equals("sync.run.requested")
                && e.get("onBehalfOf").asText().contains("elevated for writes (Ticket 4711")), audit.toString());

        assertEquals(200, api.send("DELETE", "/api/support/tenants/" + company.id + "/sessions/" + session + "/elevation",
                staffToken, null).status());
        assertEquals("SUPPORT_READ_ONLY", api.post(runNow, staffToken, "{}").json().get("code").asText(),
                "back to read-only");
    }

    @Test
    void supportCannotMakeItselfAMemberElevatedOrNot() throws Exception {
        Company company = company("Escalation Co");
        String session = openSession(company);
        String members = api.get("/api/tenants/" + company.id + "/members", company.ownerToken).body();
        String inviteSelf = "{\"email\":\"" + staff.email() + "\",\"role\":\"owner\"}";
        String promoteSelf = "{\"role\":\"owner\"}";

        for (boolean elevated : new boolean[]{false, true}) {
            if (elevated) {
                elevate(company, session, "Ticket 4712: trying every door on purpose");
            }
            ApiClient.Response invite = api.post("/api/tenants/" + company.id + "/invitations", staffToken, inviteSelf);
            assertEquals(403, invite.status(), invite.toString());
            assertEquals("SUPPORT_NOT_ALLOWED", invite.json().get("code").asText());
            assertEquals(403, api.send("PUT", "/api/tenants/" + company.id + "/members/" + staff.subject(), staffToken,
                    promoteSelf).status());
            assertEquals(403, api.post("/api/tenants/" + company.id + "/bridges/enrollment-tokens", staffToken, "{}").status());
        }
        assertEquals(members, api.get("/api/tenants/" + company.id + "/members", company.ownerToken).body());

        // an invitation support made before this wall existed is no way in either
        ApiClient.Response invited = api.post("/api/tenants/" + company.id + "/invitations", company.ownerToken, inviteSelf);
        assertEquals(201, invited.status(), invited.toString());
        try (Connection c = SharedPostgres.superuserConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE invitations SET invited_by = ? WHERE id = ?")) {
            ps.setString(1, staff.subject());
            ps.setObject(2, UUID.fromString(invited.json().get("id").asText()));
            assertEquals(1, ps.executeUpdate());
        }
        String token = URLDecoder.decode(invited.json().get("acceptUrl").asText().split("token=")[1], StandardCharsets.UTF_8);
        ApiClient.Response accepted = api.post("/api/invitations/accept", staffToken, "{\"token\":\"" + token + "\"}");
        assertEquals(403, accepted.status(), accepted.toString());
        assertEquals(members, api.get("/api/tenants/" + company.id + "/members", company.ownerToken).body());
    }

    @Test
    void anOwnerEndsTheSessionAndSupportIsOutAtOnce() {
        Company company = company("Ending Co");
        String session = openSession(company);
        assertEquals(200, api.get("/api/tenants/" + company.id, staffToken).status());
        String end = "/api/tenants/" + company.id + "/support-sessions/" + session + "/end";
        assertEquals("SUPPORT_NOT_ALLOWED", api.post(end, staffToken, null).json().get("code").asText(),
                "support does not end sessions through the company's door");

        ApiClient.Response ended = api.post(end, company.ownerToken, null);
        assertEquals(200, ended.status(), ended.toString());
        assertEquals(company.owner.subject(), ended.json().get("endedBy").asText());

        ApiClient.Response next = api.get("/api/tenants/" + company.id, staffToken);
        assertEquals(403, next.status(), next.toString());
        assertEquals("SUPPORT_SESSION_REQUIRED", next.json().get("code").asText());
        assertTrue(next.json().get("detail").asText().contains("The company ended your support session"), next.toString());
        assertFalse(anyEvent(api.get("/api/me", staffToken).json().get("supportSessions"),
                live -> live.get("id").asText().equals(session)), "the banner lets go of it");
        assertEquals(409, api.post(end, company.ownerToken, null).status(), "already over");
        JsonNode audit = api.get("/api/tenants/" + company.id + "/audit", company.ownerToken).json();
        assertTrue(anyEvent(audit, e -> e.get("action").asText().equals("support.session.ended")
                && e.get("actorSubject").asText().equals(company.owner.subject())), audit.toString());
    }

    @Test
    void aMemberWhoIsNotAnOwnerCannotEndASession() {
        Company company = company("Member Co");
        String session = openSession(company);
        TestUser colleague = SharedKeycloak.createUser("colleague");
        String link = api.post("/api/tenants/" + company.id + "/invitations", company.ownerToken,
                "{\"email\":\"" + colleague.email() + "\",\"role\":\"member\"}").json().get("acceptUrl").asText();
        String colleagueToken = SharedKeycloak.token(colleague);
        assertEquals(200, api.post("/api/invitations/accept", colleagueToken, "{\"token\":\""
                + URLDecoder.decode(link.split("token=")[1], StandardCharsets.UTF_8) + "\"}").status());

        ApiClient.Response refused = api.post("/api/tenants/" + company.id + "/support-sessions/" + session + "/end",
                colleagueToken, null);
        assertEquals(403, refused.status(), refused.toString());
        assertEquals(200, api.get("/api/tenants/" + company.id, staffToken).status(), "the session still runs");
    }

    @Test
    void aSupportCallThatFailsStillLeavesItsAuditRecord() {
        Company company = company("Audit Co");
        String session = openSession(company);
        elevate(company, session, "Ticket 4713: retry the stuck order");
        String missingOrder = "/api/tenants/" + company.id + "/orders/" + UUID.randomUUID() + "/retry";
        assertEquals(404, api.post(missingOrder, staffToken, null).status());
        String refused = "/api/tenants/" + company.id + "/bridges/enrollment-tokens";
        assertEquals(403, api.post(refused, staffToken, "{}").status());

        JsonNode audit = api.get("/api/tenants/" + company.id + "/audit", company.ownerToken).json();
        assertTrue(anyEvent(audit, e -> isAccess(e, missingOrder) && e.get("detail").get("outcome").asText().equals("allowed")
                && e.get("detail").get("elevated").asBoolean()), audit.toString());
        assertTrue(anyEvent(audit, e -> isAccess(e, refused)
                && e.get("detail").get("outcome").asText().equals("refused: SUPPORT_NOT_ALLOWED")), audit.toString());
    }

    @Test
    void searchingTheDirectoryNeedsAReasonAndIsRecorded() throws Exception {
        Company company = company("Directory Co " + UUID.randomUUID().toString().substring(0, 6));
        ApiClient.Response noReason = api.get("/api/support/tenants?q=Directory", staffToken);
        assertEquals(400, noReason.status(), noReason.toString());
        assertEquals("reason", noReason.json().get("errors").get(0).get("field").asText());

        ApiClient.Response found = api.get("/api/support/tenants?q=Directory%20Co&reason=Ticket%204714%3A%20find%20the%20shop",
                staffToken);
        assertEquals(200, found.status(), found.toString());
        assertTrue(found.body().contains(company.id), found.toString());
        try (Connection c = SharedPostgres.superuserConnection();
             PreparedStatement ps = c.prepareStatement("SELECT staff_email, detail->>'query', detail->>'reason', detail->'found' "
                     + "FROM staff_audit_events WHERE staff_subject = ? AND action = 'support.directory.searched'")) {
            ps.setString(1, staff.subject());
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the search is on record");
                assertEquals(staff.email(), rs.getString(1));
                assertEquals("Directory Co", rs.getString(2));
                assertEquals("Ticket 4714: find the shop", rs.getString(3));
                assertTrue(rs.getString(4).contains(company.id));
                assertFalse(rs.next(), "the search without a reason returned nothing and is not a search");
            }
        }
    }

    @Test
    void everyTenantEndpointDeclaresWhatItDoes() {
        List<String> undeclared = router.uriRoutes()
                .filter(route -> route.getUriMatchTemplate().toString().startsWith("/api/tenants/{tenantId}"))
                .filter(route -> !route.getAnnotationMetadata().hasAnnotation(TenantEndpoint.class))
                .map(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate())
                .toList();
        assertEquals(List.of(), undeclared, "tenant endpoints without @TenantEndpoint (closed to support until declared)");
    }

    // ---- helpers ---------------------------------------------------------------------------

    private Company company(String name) {
        TestUser owner = SharedKeycloak.createUser("owner");
        String token = SharedKeycloak.token(owner);
        String id = api.post("/api/tenants", token, "{\"name\":\"" + name + "\"}").json().get("id").asText();
        return new Company(id, owner, token);
    }

    private String openSession(Company company) {
        ApiClient.Response started = api.post("/api/support/tenants/" + company.id + "/sessions", staffToken,
                "{\"reason\":\"Ticket 4700: the company asked for help\"}");
        assertEquals(201, started.status(), started.toString());
        return started.json().get("id").asText();
    }

    private ApiClient.Response elevate(Company company, String session, String reason) {
        return api.post("/api/support/tenants/" + company.id + "/sessions/" + session + "/elevation", staffToken,
                "{\"reason\":\"" + reason + "\",\"minutes\":10}");
    }

    /** A store row as linking leaves it, without keys: enough for the endpoints that need a store. */
    private static String insertStore(Company company) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = SharedPostgres.superuserConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sites (id, tenant_id, name, base_url, status) VALUES (?, ?, 'Web shop', 'https://shop.example.com', 'ACTIVE')")) {
            ps.setObject(1, id);
            ps.setObject(2, UUID.fromString(company.id));
            ps.executeUpdate();
        }
        return id.toString();
    }

    /**
     * Calls every tenant endpoint of the OpenAPI document as the staff member (other ids random, bodies
     * empty) and answers what {@code verdict} found wrong, "METHOD /template" first.
     */
    @SuppressWarnings("unchecked")
    private List<String> walk(Company company, BiFunction<String, ApiClient.Response, String> verdict) {
        Map<String, Object> document = new Yaml().load(api.get("/api/openapi", null).body());
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        List<String> tried = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        paths.forEach((template, operations) -> {
            if (!template.startsWith("/api/tenants/{tenantId}")) {
                return;
            }
            String path = template.replace("{tenantId}", company.id).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            operations.keySet().stream().filter(METHODS::contains).forEach(method -> {
                String call = method.toUpperCase() + " " + template;
                String body = method.equals("get") || method.equals("delete") ? null : "{}";
                tried.add(call);
                String problem = verdict.apply(call, api.send(method.toUpperCase(), path, staffToken, body));
                if (problem != null) {
                    wrong.add(call + " -> " + problem);
                }
            });
        });
        assertTrue(tried.containsAll(SUPPORT_WRITES), "the document lists every support write: " + tried);
        assertTrue(tried.size() > 40, "expected every tenant endpoint, tried " + tried);
        return wrong;
    }

    private static String refusedAsProblem(ApiClient.Response response, String... codes) {
        if (response.status() != 403 || !response.contentType().startsWith("application/problem+json")) {
            return "not refused: " + response;
        }
        String code = response.json().get("code").asText();
        return List.of(codes).contains(code) ? null : "refused with " + code;
    }

    /** The company's people, keys, bridges and stores as the owner sees them. */
    private String snapshot(Company company) {
        String base = "/api/tenants/" + company.id;
        StringBuilder all = new StringBuilder();
        for (String part : List.of("", "/members", "/invitations", "/stores", "/bridges", "/allocations/settings")) {
            ApiClient.Response response = api.get(base + part, company.ownerToken);
            assertEquals(200, response.status(), part + " " + response);
            all.append(response.body()).append('\n');
        }
        return all.toString();
    }

    private static boolean isAccess(JsonNode event, String path) {
        return event.get("action").asText().equals("support.access") && event.get("detail").get("path").asText().equals(path);
    }

    private static boolean anyEvent(JsonNode events, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode event : events) {
            if (test.test(event)) {
                return true;
            }
        }
        return false;
    }
}
