package com.counterlink.identity;

import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedKeycloak;
import com.counterlink.testing.SharedKeycloak.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenValidationTest extends BackendTest {

    @Inject
    EmbeddedServer server;

    ApiClient api;

    @BeforeAll
    void client() {
        api = new ApiClient(server.getURL());
    }

    @Test
    void aKeycloakTokenForTheApiIsAccepted() {
        TestUser user = SharedKeycloak.createUser("valid");
        ApiClient.Response me = api.get("/api/me", SharedKeycloak.token(user));
        assertEquals(200, me.status(), me.toString());
        assertEquals(user.subject(), me.json().get("subject").asText());
    }

    @Test
    void noTokenIs401Problem() {
        ApiClient.Response response = api.get("/api/me", null);
        assertEquals(401, response.status());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.toString());
        assertEquals(401, api.post("/api/tenants", null, "{\"name\":\"x\"}").status());
    }

    @Test
    void garbageTokenIs401() {
        assertEquals(401, api.get("/api/me", "not.a.jwt").status());
        assertEquals(401, api.get("/api/me", "abc").status());
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401EvenWithTheRightClaims() throws JOSEException {
        TestUser user = SharedKeycloak.createUser("forged");
        JsonNode real = claimsOf(SharedKeycloak.token(user));
        RSAKey attackerKey = new RSAKeyGenerator(2048).keyID(real.get("sub").asText()).generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(real.get("iss").asText())
                .subject(real.get("sub").asText())
                .audience("counterlink-api")
                .claim("roles", List.of("vendor-admin"))
                .issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + 300_000))
                .build();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attackerKey.getKeyID()).build(), claims);
        forged.sign(new RSASSASigner(attackerKey));
        assertEquals(401, api.get("/api/me", forged.serialize()).status());
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        String clientWithoutAudience = "counterlink-no-audience";
        String body = "{\"clientId\":\"" + clientWithoutAudience + "\",\"publicClient\":false,\"secret\":\""
                + SharedKeycloak.TEST_CLIENT_SECRET + "\",\"directAccessGrantsEnabled\":true,\"standardFlowEnabled\":false}";
        SharedKeycloak.admin("POST", "/admin/realms/" + SharedKeycloak.REALM + "/clients", body);
        TestUser user = SharedKeycloak.createUser("aud");
        String token = SharedKeycloak.token(clientWithoutAudience, user);
        assertEquals(401, api.get("/api/me", token).status());
    }

    @Test
    void aTokenFromAForeignIssuerIs401() {
        String realm = "foreign";
        SharedKeycloak.admin("POST", "/admin/realms", "{\"realm\":\"" + realm + "\",\"enabled\":true}");
        SharedKeycloak.admin("POST", "/admin/realms/" + realm + "/clients",
                "{\"clientId\":\"intruder\",\"publicClient\":false,\"secret\":\"s\",\"directAccessGrantsEnabled\":true,"
                        + "\"protocolMappers\":[{\"name\":\"aud\",\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-audience-mapper\","
                        + "\"config\":{\"included.custom.audience\":\"counterlink-api\",\"access.token.claim\":\"true\"}}]}");
        SharedKeycloak.admin("POST", "/admin/realms/" + realm + "/users",
                "{\"username\":\"mallory\",\"email\":\"mallory@example.test\",\"firstName\":\"M\",\"lastName\":\"X\",\"emailVerified\":true,\"enabled\":true,"
                        + "\"credentials\":[{\"type\":\"password\",\"value\":\"mallory-pass\",\"temporary\":false}]}");
        String token = SharedKeycloak.tokenFrom(SharedKeycloak.URL + "/realms/" + realm, "intruder", "s", "mallory", "mallory-pass");
        assertTrue(claimsOf(token).get("aud").toString().contains("counterlink-api"), "the intruder's token claims our audience");
        assertEquals(401, api.get("/api/me", token).status());
    }

    @Test
    void anExpiredTokenIs401() throws InterruptedException {
        String shortLived = "counterlink-short-lived";
        SharedKeycloak.ensureClient(shortLived, Map.of("access.token.lifespan", "2"));
        TestUser user = SharedKeycloak.createUser("expiry");
        String token = SharedKeycloak.token(shortLived, user);
        assertEquals(200, api.get("/api/me", token).status());
        long expiresAt = claimsOf(token).get("exp").asLong() * 1000;
        Thread.sleep(Math.max(0, expiresAt - System.currentTimeMillis()) + 1500);
        assertEquals(401, api.get("/api/me", token).status());
    }

    @Test
    void realmRolesAreReadFromTheToken() {
        TestUser staff = SharedKeycloak.createUser("support", "vendor-support");
        JsonNode me = api.get("/api/me", SharedKeycloak.token(staff)).json();
        List<String> roles = new java.util.ArrayList<>();
        me.get("roles").forEach(r -> roles.add(r.asText()));
        assertTrue(roles.contains("vendor-support"), roles.toString());

        JsonNode ordinary = api.get("/api/me", SharedKeycloak.token(SharedKeycloak.createUser("plain"))).json();
        ordinary.get("roles").forEach(r -> assertTrue(!r.asText().startsWith("vendor-"), r.asText()));
    }

    private static JsonNode claimsOf(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
