package com.counterlink.tenancy;

import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedKeycloak;
import com.counterlink.testing.SharedKeycloak.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitationTest extends BackendTest {

    @Inject
    EmbeddedServer server;

    ApiClient api;
    String ownerToken;
    String tenant;

    @BeforeAll
    void companyWithAnOwner() {
        api = new ApiClient(server.getURL());
        ownerToken = SharedKeycloak.token(SharedKeycloak.createUser("owner"));
        tenant = api.post("/api/tenants", ownerToken, "{\"name\":\"Invite Co\"}").json().get("id").asText();
    }

    @Test
    void anInvitedPersonJoinsWithTheLinkOnceAndAppearsAsAMember() {
        TestUser colleague = SharedKeycloak.createUser("colleague");
        ApiClient.Response invited = invite(" " + colleague.email().toUpperCase() + " ", "member");
        assertEquals(201, invited.status(), invited.toString());
        String token = tokenOf(invited.json());
        assertEquals(colleague.email(), invited.json().get("email").asText());

        JsonNode pending = api.get("/api/tenants/" + tenant + "/invitations", ownerToken).json();
        assertTrue(contains(pending, "email", colleague.email()));
        pending.forEach(p -> assertTrue(p.get("acceptUrl").isNull(), "the link is shown only once"));

        String colleagueToken = SharedKeycloak.token(colleague);
        ApiClient.Response accepted = api.post("/api/invitations/accept", colleagueToken, "{\"token\":\"" + token + "\"}");
        assertEquals(200, accepted.status(), accepted.toString());
        assertEquals("member", accepted.json().get("role").asText());
        assertEquals("Invite Co", api.get("/api/me", colleagueToken).json().get("memberships").get(0).get("tenantName").asText());
        assertTrue(contains(api.get("/api/tenants/" + tenant + "/members", ownerToken).json(), "email", colleague.email()));

        ApiClient.Response reused = api.post("/api/invitations/accept", colleagueToken, "{\"token\":\"" + token + "\"}");
        assertEquals(404, reused.status());

        List<String> actions = new ArrayList<>();
        api.get("/api/tenants/" + tenant + "/audit", ownerToken).json().forEach(e -> actions.add(e.get("action").asText()));
        assertTrue(actions.containsAll(List.of("member.invited", "member.joined")), actions.toString());

        // a member may not invite others, and cannot see pending invitations
        assertEquals(403, api.post("/api/tenants/" + tenant + "/invitations", colleagueToken, "{\"email\":\"x@example.test\"}").status());
    }

    @Test
    void onlyThePersonTheInvitationWasSentToCanAcceptIt() {
        TestUser invitee = SharedKeycloak.createUser("invitee");
        String token = tokenOf(invite(invitee.email(), "member").json());
        String someoneElse = SharedKeycloak.token(SharedKeycloak.createUser("someone"));

        ApiClient.Response wrongPerson = api.post("/api/invitations/accept", someoneElse, "{\"token\":\"" + token + "\"}");
        assertEquals(403, wrongPerson.status());
        assertEquals("FORBIDDEN", wrongPerson.json().get("code").asText());
        assertTrue(wrongPerson.json().get("detail").asText().contains("different email address"), wrongPerson.toString());
        assertFalse(wrongPerson.body().contains(invitee.email()), "the link does not tell a stranger who was invited");

        String tampered = token.substring(0, token.length() - 3) + "xyz";
        assertEquals(404, api.post("/api/invitations/accept", SharedKeycloak.token(invitee), "{\"token\":\"" + tampered + "\"}").status());
        String otherTenant = token.replace(tenant, UUID.randomUUID().toString());
        assertEquals(404, api.post("/api/invitations/accept", SharedKeycloak.token(invitee), "{\"token\":\"" + otherTenant + "\"}").status());
        assertEquals(404, api.post("/api/invitations/accept", SharedKeycloak.token(invitee), "{\"token\":\"garbage\"}").status());
        assertEquals(400, api.post("/api/invitations/accept", SharedKeycloak.token(invitee), "{}").status());
    }

    @Test
    void theInvitedAddressMustBeVerifiedAndTheInvitationWaitsUntilItIs() {
        TestUser invitee = SharedKeycloak.createUser("unverified");
        String token = tokenOf(invite(invitee.email().toUpperCase(), "member").json());
        String unverifiedToken = SharedKeycloak.tokenWithUnverifiedEmail(invitee);

        ApiClient.Response refused = api.post("/api/invitations/accept", unverifiedToken, "{\"token\":\"" + token + "\"}");
        assertEquals(403, refused.status(), refused.toString());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.toString());
        assertEquals("EMAIL_NOT_VERIFIED", refused.json().get("code").asText());
        assertTrue(refused.json().get("detail").asText().startsWith("Verify your email address"), refused.toString());
        assertTrue(contains(api.get("/api/tenants/" + tenant + "/invitations", ownerToken).json(), "email", invitee.email()),
                "the invitation is still pending");

        SharedKeycloak.setEmailVerified(invitee, true);
        ApiClient.Response accepted = api.post("/api/invitations/accept", SharedKeycloak.token(invitee), "{\"token\":\"" + token + "\"}");
        assertEquals(200, accepted.status(), accepted.toString());
        assertTrue(contains(api.get("/api/tenants/" + tenant + "/members", ownerToken).json(), "email", invitee.email()));
    }

    @Test
    void anUnverifiedAccountCannotFindOutWhichAddressWasInvited() {
        TestUser invitee = SharedKeycloak.createUser("guessed");
        String token = tokenOf(invite(invitee.email(), "member").json());
        TestUser stranger = SharedKeycloak.createUser("stranger");

        ApiClient.Response refused = api.post("/api/invitations/accept", SharedKeycloak.tokenWithUnverifiedEmail(stranger),
                "{\"token\":\"" + token + "\"}");
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("EMAIL_NOT_VERIFIED", refused.json().get("code").asText(),
                "an unverified account gets the same answer whichever address it claims");
        assertFalse(refused.body().contains(invitee.email()));
    }

    @Test
    void aRevokedOrReplacedInvitationNoLongerWorks() {
        TestUser invitee = SharedKeycloak.createUser("revoked");
        JsonNode first = invite(invitee.email(), "member").json();
        JsonNode second = invite(invitee.email(), "owner").json();
        String inviteeToken = SharedKeycloak.token(invitee);
        assertEquals(404, api.post("/api/invitations/accept", inviteeToken, "{\"token\":\"" + tokenOf(first) + "\"}").status(),
                "a newer invitation replaces the older one");

        assertEquals(204, api.send("DELETE", "/api/tenants/" + tenant + "/invitations/" + second.get("id").asText(), ownerToken, null).status());
        assertEquals(404, api.post("/api/invitations/accept", inviteeToken, "{\"token\":\"" + tokenOf(second) + "\"}").status());
    }

    @Test
    void invalidInvitationsAreRejectedWithTheFieldToFix() {
        ApiClient.Response badEmail = invite("not-an-email", "member");
        assertEquals(400, badEmail.status());
        assertEquals("email", badEmail.json().get("errors").get(0).get("field").asText());
        ApiClient.Response badRole = invite("a@example.test", "admin");
        assertEquals(400, badRole.status());
        assertEquals("role", badRole.json().get("errors").get(0).get("field").asText());
    }

    @Test
    void aCompanyAlwaysKeepsAnOwner() {
        TestUser solo = SharedKeycloak.createUser("solo");
        String soloToken = SharedKeycloak.token(solo);
        String soloTenant = api.post("/api/tenants", soloToken, "{\"name\":\"Solo Co\"}").json().get("id").asText();

        ApiClient.Response demote = api.send("PUT", "/api/tenants/" + soloTenant + "/members/" + solo.subject(), soloToken, "{\"role\":\"member\"}");
        assertEquals(409, demote.status(), demote.toString());
        assertEquals(409, api.send("DELETE", "/api/tenants/" + soloTenant + "/members/" + solo.subject(), soloToken, null).status());

        TestUser partner = SharedKeycloak.createUser("partner");
        String token = tokenOf(api.post("/api/tenants/" + soloTenant + "/invitations", soloToken,
                "{\"email\":\"" + partner.email() + "\",\"role\":\"owner\"}").json());
        assertEquals(200, api.post("/api/invitations/accept", SharedKeycloak.token(partner), "{\"token\":\"" + token + "\"}").status());
        assertEquals(200, api.send("PUT", "/api/tenants/" + soloTenant + "/members/" + solo.subject(), soloToken, "{\"role\":\"member\"}").status());
        assertEquals(204, api.send("DELETE", "/api/tenants/" + soloTenant + "/members/" + solo.subject(), soloToken, null).status(),
                "a member may leave");
        assertEquals(404, api.get("/api/tenants/" + soloTenant, soloToken).status());
    }

    private ApiClient.Response invite(String email, String role) {
        return api.post("/api/tenants/" + tenant + "/invitations", ownerToken,
                "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}");
    }

    private static String tokenOf(JsonNode invitation) {
        String url = invitation.get("acceptUrl").asText();
        return URLDecoder.decode(url.substring(url.indexOf("token=") + 6), StandardCharsets.UTF_8);
    }

    private static boolean contains(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.get(field).asText())) {
                return true;
            }
        }
        return false;
    }
}
