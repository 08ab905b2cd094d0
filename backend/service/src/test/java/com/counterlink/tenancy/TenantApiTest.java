package com.counterlink.tenancy;

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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantApiTest extends BackendTest {

    @Inject
    EmbeddedServer server;

    ApiClient api;

    @BeforeAll
    void client() {
        api = new ApiClient(server.getURL());
    }

    @Test
    void aNewPersonHasNoCompanyUntilTheyCreateOneAndThenOwnsIt() {
        TestUser user = SharedKeycloak.createUser("owner");
        String token = SharedKeycloak.token(user);

        JsonNode before = api.get("/api/me", token).json();
        assertEquals(user.subject(), before.get("subject").asText());
        assertEquals(user.email(), before.get("email").asText());
        assertEquals(0, before.get("memberships").size());

        ApiClient.Response created = api.post("/api/tenants", token, "{\"name\":\"  Acme Outfitters  \"}");
        assertEquals(201, created.status(), created.toString());
        JsonNode tenant = created.json();
        assertEquals("Acme Outfitters", tenant.get("name").asText());
        assertEquals("owner", tenant.get("role").asText());
        assertTrue(tenant.get("slug").asText().startsWith("acme-outfitters"));

        JsonNode after = api.get("/api/me", token).json();
        assertEquals(1, after.get("memberships").size());
        assertEquals(tenant.get("id").asText(), after.get("memberships").get(0).get("tenantId").asText());
        assertEquals("Acme Outfitters", after.get("memberships").get(0).get("tenantName").asText());

        JsonNode fetched = api.get("/api/tenants/" + tenant.get("id").asText(), token).json();
        assertEquals("Acme Outfitters", fetched.get("name").asText());

        JsonNode members = api.get("/api/tenants/" + tenant.get("id").asText() + "/members", token).json();
        assertEquals(1, members.size());
        assertEquals(user.email(), members.get(0).get("email").asText());
        assertEquals("owner", members.get(0).get("role").asText());

        JsonNode audit = api.get("/api/tenants/" + tenant.get("id").asText() + "/audit", token).json();
        assertEquals("tenant.created", audit.get(0).get("action").asText());
        assertEquals(user.subject(), audit.get(0).get("actorSubject").asText());
    }

    @Test
    void twoCompaniesWithTheSameNameGetDistinctSlugs() {
        String name = "Same Name " + UUID.randomUUID().toString().substring(0, 6);
        String first = api.post("/api/tenants", SharedKeycloak.token(SharedKeycloak.createUser("a")), json(name)).json().get("slug").asText();
        String second = api.post("/api/tenants", SharedKeycloak.token(SharedKeycloak.createUser("b")), json(name)).json().get("slug").asText();
        assertNotEquals(first, second);
    }

    @Test
    void anotherTenantsIdAnswers404LikeAnIdThatDoesNotExist() {
        String ownerToken = SharedKeycloak.token(SharedKeycloak.createUser("victim"));
        String tenantId = api.post("/api/tenants", ownerToken, json("Victim Co")).json().get("id").asText();
        String strangerToken = SharedKeycloak.token(SharedKeycloak.createUser("stranger"));

        ApiClient.Response foreign = api.get("/api/tenants/" + tenantId, strangerToken);
        ApiClient.Response missing = api.get("/api/tenants/" + UUID.randomUUID(), strangerToken);
        assertEquals(404, foreign.status());
        assertEquals(404, missing.status());
        assertEquals(missing.json().get("detail"), foreign.json().get("detail"));
        assertEquals(404, api.get("/api/tenants/" + tenantId + "/members", strangerToken).status());
        assertEquals(404, api.get("/api/tenants/" + tenantId + "/audit", strangerToken).status());
        assertEquals(0, api.get("/api/me", strangerToken).json().get("memberships").size());
    }

    @Test
    void invalidNamesAre400ProblemsNamingTheFieldAndWriteNothing() throws SQLException {
        String token = SharedKeycloak.token(SharedKeycloak.createUser("invalid"));
        long tenantsBefore = countTenants();

        ApiClient.Response blank = api.post("/api/tenants", token, "{\"name\":\"   \"}");
        assertEquals(400, blank.status(), blank.toString());
        assertTrue(blank.contentType().startsWith("application/problem+json"), blank.contentType());
        assertEquals("name", blank.json().get("errors").get(0).get("field").asText());
        assertEquals("Enter your company's name", blank.json().get("errors").get(0).get("message").asText());

        ApiClient.Response tooLong = api.post("/api/tenants", token, json("x".repeat(121)));
        assertEquals(400, tooLong.status());
        assertEquals("name", tooLong.json().get("errors").get(0).get("field").asText());

        ApiClient.Response missing = api.post("/api/tenants", token, "{}");
        assertEquals(400, missing.status());
        assertEquals("name", missing.json().get("errors").get(0).get("field").asText());

        ApiClient.Response malformed = api.post("/api/tenants", token, "{\"name\": ");
        assertEquals(400, malformed.status(), malformed.toString());
        assertTrue(malformed.contentType().startsWith("application/problem+json"));

        ApiClient.Response badId = api.get("/api/tenants/not-a-uuid", token);
        assertEquals(400, badId.status(), badId.toString());

        assertEquals(tenantsBefore, countTenants());
        assertEquals(0, api.get("/api/me", token).json().get("memberships").size());
    }

    private static String json(String name) {
        return "{\"name\":\"" + name + "\"}";
    }

    private static long countTenants() throws SQLException {
        try (Connection c = SharedPostgres.superuserConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM tenants")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
