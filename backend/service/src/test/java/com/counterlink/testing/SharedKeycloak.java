package com.counterlink.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The real Keycloak the tests sign people in with: reused when one already answers on the local
 * port, otherwise started once per test JVM through deploy/keycloak/keycloak-local.sh.
 */
public final class SharedKeycloak {

    public static final String URL = "http://localhost:" + System.getProperty("keycloak.port", "18080");
    public static final String REALM = "counterlink";
    public static final String ISSUER = URL + "/realms/" + REALM;
    /** A confidential client the tests use to get tokens with a password (the portal itself uses PKCE). */
    public static final String TEST_CLIENT = "counterlink-it";
    public static final String TEST_CLIENT_SECRET = "it-secret";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The same token mappers the portal client has: the API's audience and realm roles as "roles". */
    private static final Object[] API_MAPPERS = {
            Map.of("name", "audience", "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                    "config", Map.of("included.custom.audience", "counterlink-api", "access.token.claim", "true")),
            Map.of("name", "roles", "protocol", "openid-connect", "protocolMapper", "oidc-usermodel-realm-role-mapper",
                    "config", Map.of("claim.name", "roles", "multivalued", "true", "jsonType.label", "String",
                            "access.token.claim", "true"))};
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static boolean prepared;

    private SharedKeycloak() {
    }

    public static synchronized void ensureRunning() {
        if (prepared) {
            return;
        }
        if (!answers()) {
            start();
        }
        ensureClient(TEST_CLIENT, Map.of());
        prepared = true;
    }

    private static boolean answers() {
        try {
            return get(ISSUER + "/.well-known/openid-configuration").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static void start() {
        Path script = TestPaths.repoRoot().resolve("deploy/keycloak/keycloak-local.sh");
        try {
            Process process = new ProcessBuilder("bash", script.toString(), "start").inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("Keycloak did not start; see .local/keycloak.log");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    new ProcessBuilder("bash", script.toString(), "stop").inheritIO().start().waitFor();
                } catch (IOException | InterruptedException ignored) {
                    // the JVM is exiting
                }
            }));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not run " + script, e);
        }
    }

    /** Creates (once) a confidential client with password grants and the API's audience. */
    public static void ensureClient(String clientId, Map<String, String> attributes) {
        String body = json(Map.of(
                "clientId", clientId,
                "enabled", true,
                "publicClient", false,
                "secret", TEST_CLIENT_SECRET,
                "directAccessGrantsEnabled", true,
                "standardFlowEnabled", false,
                "attributes", attributes,
                "protocolMappers", API_MAPPERS));
        int status = admin("POST", "/admin/realms/" + REALM + "/clients", body).statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("could not create client " + clientId + ": HTTP " + status);
        }
    }

    /** A new person with a unique email; answers their Keycloak subject. */
    public static TestUser createUser(String namePrefix, String... realmRoles) {
        String email = namePrefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String password = "Passw0rd!" + UUID.randomUUID().toString().substring(0, 6);
        String body = json(Map.of(
                "username", email, "email", email, "emailVerified", true, "enabled", true,
                "firstName", namePrefix, "lastName", "Tester",
                "credentials", new Object[]{Map.of("type", "password", "value", password, "temporary", false)}));
        HttpResponse<String> created = admin("POST", "/admin/realms/" + REALM + "/users", body);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create user: HTTP " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String subject = location.substring(location.lastIndexOf('/') + 1);
        for (String role : realmRoles) {
            JsonNode roleRep = readJson(admin("GET", "/admin/realms/" + REALM + "/roles/" + role, null).body());
            admin("POST", "/admin/realms/" + REALM + "/users/" + subject + "/role-mappings/realm",
                    "[" + roleRep + "]");
        }
        return new TestUser(subject, email, password);
    }

    public static String token(TestUser user) {
        return token(TEST_CLIENT, user);
    }

    /**
     * A real access token for a person whose address Keycloak has not verified ({@code email_verified: false}).
     * The realm makes people verify their address before they can sign in, so such a token exists only for a
     * session that began while the address was verified and was refreshed after Keycloak marked it unverified
     * (as when the person's email is changed); this opens that session, marks the address unverified through
     * the admin API and refreshes it.
     */
    public static String tokenWithUnverifiedEmail(TestUser user) {
        JsonNode session = readJson(tokenResponse(ISSUER, Map.of("grant_type", "password", "client_id", TEST_CLIENT,
                "client_secret", TEST_CLIENT_SECRET, "username", user.email(), "password", user.password(), "scope", "openid")));
        setEmailVerified(user, false);
        return readJson(tokenResponse(ISSUER, Map.of("grant_type", "refresh_token", "client_id", TEST_CLIENT,
                "client_secret", TEST_CLIENT_SECRET, "refresh_token", session.get("refresh_token").asText())))
                .get("access_token").asText();
    }

    /** Marks the person's address verified or not, as the link in Keycloak's verification email does. */
    public static void setEmailVerified(TestUser user, boolean verified) {
        String path = "/admin/realms/" + REALM + "/users/" + user.subject();
        ObjectNode representation = (ObjectNode) readJson(admin("GET", path, null).body());
        representation.put("emailVerified", verified);
        int status = admin("PUT", path, representation.toString()).statusCode();
        if (status != 204) {
            throw new IllegalStateException("could not set emailVerified for " + user.email() + ": HTTP " + status);
        }
    }

    public static String token(String clientId, TestUser user) {
        return tokenFrom(ISSUER, clientId, TEST_CLIENT_SECRET, user.email(), user.password());
    }

    public static String tokenFrom(String issuer, String clientId, String secret, String username, String password) {
        return readJson(tokenResponse(issuer, Map.of("grant_type", "password", "client_id", clientId, "client_secret", secret,
                "username", username, "password", password, "scope", "openid"))).get("access_token").asText();
    }

    private static String tokenResponse(String issuer, Map<String, String> grant) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(grant))).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token: HTTP " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calls Keycloak's admin API as the bootstrap admin. */
    public static HttpResponse<String> admin(String method, String path, String jsonBody) {
        String adminToken = tokenFromAdminCli();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(URL + path))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tokenFromAdminCli() {
        String form = form(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(URL + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            return readJson(response.body()).get("access_token").asText();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(String url) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode readJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public record TestUser(String subject, String email, String password) {
    }
}
