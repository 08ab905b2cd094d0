package com.counterlink.billing;

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

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The billing API with real Keycloak tokens: who reads a company's usage (its owners and members, support in a
 * session), who sets prices (vendor admins only, on the staff audit), and the example month priced
 * through the API.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillingApiTest extends BackendTest {

    static final String ACTIVE_WITH_PRODUCTS = "{\"company\":\"ACTIVE\",\"store\":\"ACTIVE\",\"keys\":true,\"jobsOn\":[\"PRODUCTS\"]}";
    static final String REMOVED = "{\"company\":\"ACTIVE\",\"store\":\"REMOVED\",\"keys\":false,\"jobsOn\":[]}";

    @Inject
    EmbeddedServer server;

    ApiClient api;
    String tenant;
    String ownerToken;
    String memberToken;
    String outsiderToken;
    TestUser staff;
    String staffToken;
    TestUser admin;
    String adminToken;
    UUID storeA;
    UUID storeB;

    /**
     * A company whose history is the example, in April 2001 (30 days): stores A and B billable from
     * April 1, 09:00; B unlinked on day 10 at 12:00 and linked again on day 20 at 12:00. Priced 19.99 with a
     * 14-day trial from April 2001, and 25.00 from May 2001.
     */
    @BeforeAll
    void aCompanyWithHistory() throws SQLException {
        api = new ApiClient(server.getURL());
        TestUser owner = SharedKeycloak.createUser("billing-owner");
        ownerToken = SharedKeycloak.token(owner);
        tenant = api.post("/api/tenants", ownerToken, "{\"name\":\"Billing Co\"}").json().get("id").asText();
        memberToken = joinAsMember(tenant, ownerToken);
        outsiderToken = SharedKeycloak.token(SharedKeycloak.createUser("billing-outsider"));
        api.post("/api/tenants", outsiderToken, "{\"name\":\"Other Co\"}");
        staff = SharedKeycloak.createUser("billing-support", "vendor-support");
        staffToken = SharedKeycloak.token(staff);
        admin = SharedKeycloak.createUser("billing-admin", "vendor-admin");
        adminToken = SharedKeycloak.token(admin);

        storeA = insertStore("Shop A");
        storeB = insertStore("Shop B");
        insertChange(storeA, "2001-04-01T09:00:00Z", true, "JOB_SWITCHED_ON", ACTIVE_WITH_PRODUCTS);
        insertChange(storeB, "2001-04-01T09:00:00Z", true, "JOB_SWITCHED_ON", ACTIVE_WITH_PRODUCTS);
        insertChange(storeB, "2001-04-10T12:00:00Z", false, "STORE_REMOVED", REMOVED);
        insertChange(storeB, "2001-04-20T12:00:00Z", true, "KEYS_SAVED", ACTIVE_WITH_PRODUCTS);
        insertPlan("2001-04-01T00:00:00Z", "USD", 1999, 14);
        insertPlan("2001-05-01T00:00:00Z", "USD", 2500, 14);
    }

    @Test
    void anOwnerReadsTheMonthsStoreDaysPeriodsAndAmountWorkedOutFromTheHistory() {
        ApiClient.Response response = api.get(usagePath("2001-04"), ownerToken);
        assertEquals(200, response.status(), response.toString());
        JsonNode usage = response.json();

        assertEquals("2001-04", usage.get("month").asText());
        assertEquals(Instant.parse("2001-05-01T00:00:00Z"), Instant.parse(usage.get("countedUntil").asText()));
        assertEquals("USD", usage.get("price").get("currency").asText());
        assertEquals(1999, usage.get("price").get("unitAmount").asLong());
        assertEquals(Instant.parse("2001-04-01T09:00:00Z"), Instant.parse(usage.get("trial").get("from").asText()));
        assertEquals(Instant.parse("2001-04-15T09:00:00Z"), Instant.parse(usage.get("trial").get("to").asText()));
        assertEquals(51, usage.get("storeDays").asInt());
        assertEquals(1741, usage.get("amount").asLong(), "1041 + 700, as worked out in UsageCalculatorTest");

        JsonNode a = store(usage, storeA);
        assertEquals("Shop A", a.get("name").asText());
        assertEquals(30, a.get("storeDays").asInt());
        assertEquals(1_350_000, a.get("chargedSeconds").asLong());
        assertEquals(1041, a.get("amount").asLong());
        JsonNode b = store(usage, storeB);
        assertEquals(21, b.get("storeDays").asInt());
        assertEquals(700, b.get("amount").asLong());
        JsonNode periods = b.get("periods");
        assertEquals(2, periods.size());
        assertEquals("STORE_REMOVED", periods.get(0).get("endedBy").get("reason").asText());
        assertEquals("store removed", periods.get(0).get("endedBy").get("why").asText());
        assertEquals("KEYS_SAVED", periods.get(1).get("startedBy").get("reason").asText());
        assertEquals("[\"PRODUCTS\"]", periods.get(1).get("startedBy").get("jobsOn").toString());
        assertTrue(periods.get(1).get("continues").asBoolean(), "billable into May");
    }

    @Test
    void aMonthIsPricedByThePlanInForceWhenItBegan() {
        JsonNode may = api.get(usagePath("2001-05"), ownerToken).json();

        assertEquals(2500, may.get("price").get("unitAmount").asLong());
        assertEquals(62, may.get("storeDays").asInt(), "both stores every day of May");
        assertEquals(5000, may.get("amount").asLong());
        assertEquals(1999, api.get(usagePath("2001-04"), ownerToken).json().get("price").get("unitAmount").asLong(),
                "April keeps its price");
    }

    @Test
    void aMemberReadsItTooAndWithoutAMonthGetsTheCurrentOne() {
        ApiClient.Response response = api.get("/api/tenants/" + tenant + "/billing/usage", memberToken);
        assertEquals(200, response.status(), response.toString());
        assertEquals(YearMonth.now(ZoneOffset.UTC).toString(), response.json().get("month").asText());
        assertEquals(2, response.json().get("billableStoresNow").asInt());
        assertEquals(api.get(usagePath("2001-04"), ownerToken).body(), api.get(usagePath("2001-04"), memberToken).body());
    }

    @Test
    void anotherCompanysPersonLearnsNothing() {
        ApiClient.Response response = api.get(usagePath("2001-04"), outsiderToken);
        assertEquals(404, response.status(), response.toString());
        assertEquals("NOT_FOUND", response.json().get("code").asText());
        assertEquals(404, api.get("/api/tenants/" + UUID.randomUUID() + "/billing/usage", outsiderToken).status());
    }

    @Test
    void aCompanyThatNeverHadABillableStoreOwesNothingAndHasNoTrialYet() {
        String newOwner = SharedKeycloak.token(SharedKeycloak.createUser("billing-new"));
        String fresh = api.post("/api/tenants", newOwner, "{\"name\":\"Fresh Co\"}").json().get("id").asText();
        ApiClient.Response response = api.get("/api/tenants/" + fresh + "/billing/usage?month=2001-04", newOwner);
        assertEquals(200, response.status(), response.toString());
        assertEquals(0, response.json().get("stores").size(), response.toString());
    }

    @Test
    void aMalformedMonthIsRefusedWithTheFieldToFix() {
        for (String month : List.of("2001-13", "April", "2001-4", "1999-12")) {
            ApiClient.Response response = api.get(usagePath(month), ownerToken);
            assertEquals(400, response.status(), month + ": " + response);
            assertEquals("month", response.json().get("errors").get(0).get("field").asText());
        }
    }

    @Test
    void supportReadsTheUsageOnlyInASessionAndNeverSetsPrices() {
        ApiClient.Response refused = api.get(usagePath("2001-04"), staffToken);
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("SUPPORT_SESSION_REQUIRED", refused.json().get("code").asText());

        ApiClient.Response session = api.post("/api/support/tenants/" + tenant + "/sessions", staffToken,
                "{\"reason\":\"Ticket 5100: the company asks about its bill\"}");
        assertEquals(201, session.status(), session.toString());
        ApiClient.Response read = api.get(usagePath("2001-04"), staffToken);
        assertEquals(200, read.status(), read.toString());
        assertEquals(1741, read.json().get("amount").asLong());

        assertEquals(200, api.get("/api/admin/billing/plans", staffToken).status(), "staff see the plans");
        ApiClient.Response change = api.post("/api/admin/billing/plans", staffToken, "{\"unitAmount\":1,\"currency\":\"USD\"}");
        assertEquals(403, change.status(), change.toString());
        assertEquals("FORBIDDEN", change.json().get("code").asText());
    }

    @Test
    void aVendorAdminSetsANewPriceFromNextMonthOnTheStaffAudit() throws SQLException {
        Instant nextMonth = YearMonth.now(ZoneOffset.UTC).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        String currentPrice = api.get("/api/tenants/" + tenant + "/billing/usage", ownerToken).json().get("price").toString();

        ApiClient.Response created = api.post("/api/admin/billing/plans", adminToken,
                "{\"unitAmount\":2900,\"currency\":\"eur\",\"trialDays\":30}");

        assertEquals(201, created.status(), created.toString());
        JsonNode plan = created.json();
        assertEquals("EUR", plan.get("currency").asText());
        assertEquals(2900, plan.get("unitAmount").asLong());
        assertEquals(30, plan.get("trialDays").asInt());
        assertEquals(7, plan.get("graceDays").asInt(), "kept from the plan before");
        assertEquals(nextMonth, Instant.parse(plan.get("effectiveFrom").asText()), "a price is in force: from next month");
        assertEquals(admin.email(), plan.get("createdByEmail").asText());

        JsonNode plans = api.get("/api/admin/billing/plans", adminToken).json();
        assertEquals(plan.get("id").asLong(), plans.get("next").get("id").asLong());
        assertNotEquals(plan.get("id").asLong(), plans.get("inEffect").get("id").asLong());
        assertEquals(plan.get("id").asLong(), plans.get("history").get(0).get("id").asLong(), "newest first");
        assertEquals(currentPrice, api.get("/api/tenants/" + tenant + "/billing/usage", ownerToken).json().get("price").toString(),
                "the month under way keeps its price");
        String nextUsage = api.get(usagePath(YearMonth.now(ZoneOffset.UTC).plusMonths(1).toString()), ownerToken).json()
                .get("price").toString();
        assertTrue(nextUsage.contains("\"unitAmount\":2900") && nextUsage.contains("\"EUR\""), nextUsage);

        assertEquals(List.of("billing.plan.changed EUR 2900 " + nextMonth), staffAudit(admin));
    }

    @Test
    void nobodyButAVendorAdminChangesPricesAndBadFieldsAreAllNamed() throws SQLException {
        long before = planCount();
        for (String token : List.of(ownerToken, memberToken, staffToken)) {
            ApiClient.Response refused = api.post("/api/admin/billing/plans", token, "{\"unitAmount\":1,\"currency\":\"USD\"}");
            assertEquals(403, refused.status(), refused.toString());
        }
        assertEquals(403, api.get("/api/admin/billing/plans", ownerToken).status(), "plans are for our staff");

        ApiClient.Response invalid = api.post("/api/admin/billing/plans", adminToken,
                "{\"unitAmount\":-1,\"currency\":\"XYZ\",\"trialDays\":400,\"graceDays\":-2}");
        assertEquals(400, invalid.status(), invalid.toString());
        List<String> fields = new ArrayList<>();
        invalid.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(List.of("unitAmount", "currency", "trialDays", "graceDays"), fields);
        assertEquals(400, api.post("/api/admin/billing/plans", adminToken, "{\"currency\":\"USD\"}").status(), "no price");
        assertEquals(before, planCount(), "nothing recorded");
    }

    // ---- helpers ---------------------------------------------------------------------------

    private String usagePath(String month) {
        return "/api/tenants/" + tenant + "/billing/usage?month=" + month;
    }

    private static JsonNode store(JsonNode usage, UUID siteId) {
        for (JsonNode store : usage.get("stores")) {
            if (store.get("siteId").asText().equals(siteId.toString())) {
                return store;
            }
        }
        throw new AssertionError("no store " + siteId + " in " + usage);
    }

    private String joinAsMember(String tenantId, String ownerToken) {
        TestUser colleague = SharedKeycloak.createUser("billing-member");
        String link = api.post("/api/tenants/" + tenantId + "/invitations", ownerToken,
                "{\"email\":\"" + colleague.email() + "\",\"role\":\"member\"}").json().get("acceptUrl").asText();
        String token = SharedKeycloak.token(colleague);
        assertEquals(200, api.post("/api/invitations/accept", token, "{\"token\":\""
                + URLDecoder.decode(link.split("token=")[1], StandardCharsets.UTF_8) + "\"}").status());
        return token;
    }

    /** A linked store as the tables keep it (keys, a job on), consistent with its history for the daily reconcile. */
    private UUID insertStore(String name) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = SharedPostgres.superuserConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sites (id, tenant_id, name, base_url, status, "
                    + "consumer_key_enc, consumer_secret_enc) VALUES (?, ?, ?, ?, 'ACTIVE', '\\x00', '\\x00')")) {
                ps.setObject(1, id);
                ps.setObject(2, UUID.fromString(tenant));
                ps.setString(3, name);
                ps.setString(4, "https://" + id + ".example.com");
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_settings (tenant_id, site_id, job_type, enabled, "
                    + "interval_seconds) VALUES (?, ?, 'PRODUCTS', true, 900)")) {
                ps.setObject(1, UUID.fromString(tenant));
                ps.setObject(2, id);
                ps.executeUpdate();
            }
        }
        return id;
    }

    private void insertChange(UUID site, String at, boolean billable, String reason, String state) throws SQLException {
        try (Connection c = SharedPostgres.superuserConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO billing_store_states (tenant_id, site_id, changed_at, billable, reason, state) "
                        + "VALUES (?, ?, ?::timestamptz, ?, ?, ?::jsonb)")) {
            ps.setObject(1, UUID.fromString(tenant));
            ps.setObject(2, site);
            ps.setString(3, at);
            ps.setBoolean(4, billable);
            ps.setString(5, reason);
            ps.setString(6, state);
            ps.executeUpdate();
        }
    }

    private static void insertPlan(String effectiveFrom, String currency, long unitAmount, int trialDays) throws SQLException {
        try (Connection c = SharedPostgres.superuserConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO billing_plans (effective_from, currency, unit_amount, trial_days, grace_days, created_by) "
                        + "VALUES (?::timestamptz, ?, ?, ?, 7, 'test')")) {
            ps.setString(1, effectiveFrom);
            ps.setString(2, currency);
            ps.setLong(3, unitAmount);
            ps.setInt(4, trialDays);
            ps.executeUpdate();
        }
    }

    private static long planCount() throws SQLException {
        try (Connection c = SharedPostgres.superuserConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM billing_plans")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> staffAudit(TestUser who) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = SharedPostgres.superuserConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT action, detail->>'currency', detail->>'unitAmount', detail->>'effectiveFrom' FROM staff_audit_events "
                        + "WHERE staff_subject = ? ORDER BY id")) {
            ps.setString(1, who.subject());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
                }
            }
        }
        return rows;
    }
}
