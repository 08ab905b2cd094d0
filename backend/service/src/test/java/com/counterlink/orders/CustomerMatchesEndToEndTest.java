package com.counterlink.orders;

import com.counterlink.sync.SyncJobRunner;
import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.WooStoresFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Possible Counterpoint matches for a web customer, through a real bridge process on the demo
 * Counterpoint: found by e-mail, phone and last name with postal code from the customer's latest
 * order, scored and explained; a clear problem when the bridge is offline.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerMatchesEndToEndTest extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();

    @Inject
    EmbeddedServer server;
    @Inject
    SyncJobRunner runner;

    OrdersStack stack;

    @Override
    protected Map<String, String> extraProperties() {
        return OrdersStack.backendProperties(PORT);
    }

    @AfterAll
    void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aWebCustomerSeesTheirPossibleCounterpointMatchesScoredWithReasonsAndTheBridgeOfflineClearly() throws Exception {
        stack = new OrdersStack(server.getURL(), runner, "Match Makers", 1, 30);
        String sku = stack.simpleWebItems().getFirst();
        UUID site = stack.sites.getFirst();
        String email = "grace." + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        // already in Counterpoint: the same person typed in the shop (mixed-case email), a household sharing the
        // phone, a relative at the same postal code, and a namesake elsewhere
        try (Connection c = stack.counterpoint.connect()) {
            customer(c, "M-0001", "Grace", "Hopper", " " + email.toUpperCase() + " ", "415-555-0199", "1 Navy Yard", "22202");
            customer(c, "M-0002", "Vincent", "Foster", null, "(415) 555 0199", "8 Pier Rd", "94105");
            customer(c, "M-0003", "Walter", "Hopper", null, null, "3 Elm St", "22202");
            customer(c, "M-0004", "Grace", "Hopper", null, null, "1 Navy Yard", "10001");
        }
        long customerId = 9_000 + (long) (Math.random() * 1_000);
        ObjectNode billing = OrdersStack.JSON.createObjectNode().put("first_name", "Grace").put("last_name", "Hopper")
                .put("email", email).put("phone", "+1 415.555.0100").put("address_1", "1 Navy Yard").put("city", "Arlington")
                .put("postcode", "22202").put("country", "US");
        order(site, customerId, billing, sku);
        billing.put("phone", "+1 415.555.0199");
        order(site, customerId, billing, sku); // the latest order's phone is the one compared

        JsonNode identity = stack.api.get("/api/tenants/" + stack.tenant + "/customers?email=" + email, stack.token).json().get(0);
        assertEquals("M-0001", identity.get("custNo").asText(), "linked automatically by the exact email");
        ApiClient.Response response = stack.api.get(matchesPath(identity), stack.token);
        assertEquals(200, response.status(), response.toString());
        JsonNode found = response.json();
        assertEquals("+1 415.555.0199", found.get("webCustomer").get("phone").asText());
        assertEquals("M-0001", found.get("linkedCustNo").asText());

        List<String> numbers = new ArrayList<>();
        found.get("matches").forEach(m -> numbers.add(m.get("custNo").asText()));
        assertEquals(List.of("M-0001", "M-0002", "M-0003"), numbers, found.toString());
        JsonNode same = found.get("matches").get(0);
        assertEquals(98, same.get("percent").asInt());
        assertEquals(List.of("same email", "same phone", "same last name and postal code", "same street address",
                "same first name"), texts(same.get("reasons")));
        assertTrue(same.get("linked").asBoolean());
        assertEquals("Memphis", same.get("city").asText(), "the person as Counterpoint keeps them");
        JsonNode household = found.get("matches").get(1);
        assertEquals(List.of("same phone"), texts(household.get("reasons")));
        assertEquals(60, household.get("percent").asInt());
        assertFalse(household.get("linked").asBoolean());
        assertEquals("(415) 555 0199", household.get("phone").asText());
        JsonNode relative = found.get("matches").get(2);
        assertEquals(List.of("same last name and postal code"), texts(relative.get("reasons")));
        assertEquals(50, relative.get("percent").asInt());

        assertEquals(404, stack.api.get("/api/tenants/" + stack.tenant + "/customers/" + UUID.randomUUID() + "/matches",
                stack.token).status());

        stack.stopBridge();
        ApiClient.Response offline = stack.api.get(matchesPath(identity), stack.token);
        assertEquals(503, offline.status(), offline.toString());
        assertEquals("BRIDGE_OFFLINE", offline.json().get("code").asText());
        assertTrue(offline.json().get("detail").asText().contains("Bridge page"), offline.toString());
    }

    private String matchesPath(JsonNode identity) {
        return "/api/tenants/" + stack.tenant + "/customers/" + identity.get("id").asText() + "/matches";
    }

    private void order(UUID site, long customerId, ObjectNode billing, String sku) throws Exception {
        HttpResponse<String> created = stack.checkout(stack.stores.getFirst(), "completed", customerId, billing, sku, 1);
        assertEquals(201, created.statusCode(), created.body());
        long wooId = OrdersStack.JSON.readTree(created.body()).get("id").asLong();
        stack.awaitOrder(site, wooId, o -> o.get("state").asText().equals("WRITTEN"), 90);
    }

    private static void customer(Connection c, String custNo, String first, String last, String email, String phone,
                                 String street, String zip) throws Exception {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO AR_CUST (CUST_NO, NAM, NAM_UPR, FST_NAM, LST_NAM, EMAIL_ADRS_1,"
                + " PHONE_1, ADRS_1, CITY, ZIP_COD) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Memphis', ?)")) {
            String name = first + " " + last;
            Object[] values = {custNo, name, name.toUpperCase(), first, last, email, phone, street, zip};
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
