package com.counterlink.bridge;

import com.counterlink.bridge.protocol.OperationRequest;
import com.counterlink.bridge.protocol.TaskErrorCode;
import com.counterlink.bridge.protocol.operations.CreateCustomer;
import com.counterlink.bridge.protocol.operations.DocumentLine;
import com.counterlink.bridge.protocol.operations.FindCustomersByEmail;
import com.counterlink.bridge.protocol.operations.ItemCursor;
import com.counterlink.bridge.protocol.operations.Ping;
import com.counterlink.bridge.protocol.operations.PriceLevel;
import com.counterlink.bridge.protocol.operations.ReadItemChanges;
import com.counterlink.bridge.protocol.operations.ReadPostedDocuments;
import com.counterlink.bridge.protocol.operations.ReadPrices;
import com.counterlink.bridge.protocol.operations.ReadSetup;
import com.counterlink.bridge.protocol.operations.ReadStock;
import com.counterlink.bridge.protocol.operations.WriteDocument;
import com.counterlink.counterpoint.demo.CounterpointDemoServer;
import com.counterlink.counterpoint.demo.DemoServerOptions;
import com.counterlink.counterpoint.demo.StoreSimulator;
import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedKeycloak;
import com.counterlink.testing.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backend and a real bridge process against a Counterpoint-shaped database served over H2's
 * TCP protocol: enrolled with a token from the API, every operation, a crash mid-stream, revocation.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BridgeEndToEndTest extends BackendTest {

    private static final String CP_PASSWORD = "Cp-Secret-42";
    private static final Duration CALL = Duration.ofSeconds(30);

    @Inject
    EmbeddedServer server;
    @Inject
    BridgeCalls calls;
    @Inject
    ChangeRecorder changes;

    Path workDir;
    CounterpointDemoServer counterpoint;
    ApiClient api;
    BridgeEnrollmentTest.Company company;
    UUID tenant;
    Path config;
    BridgeProcess bridge;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("counterlink.bridge.lease", "3s", "bridge-e2e.record-changes", "true");
    }

    @BeforeAll
    void start() throws Exception {
        workDir = Files.createTempDirectory("bridge-e2e");
        counterpoint = CounterpointDemoServer.start(new DemoServerOptions(0, 100, workDir.resolve("cp"), "counterpoint",
                20_240_601L, "sa", CP_PASSWORD));
        api = new ApiClient(server.getURL());
        String owner = SharedKeycloak.token(SharedKeycloak.createUser("e2e-owner"));
        company = new BridgeEnrollmentTest.Company(api.post("/api/tenants", owner, "{\"name\":\"E2E Outfitters\"}").json()
                .get("id").asText(), owner);
        tenant = UUID.fromString(company.id());
        config = workDir.resolve("bridge").resolve("counterlink-bridge.properties");
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (bridge != null) {
            bridge.kill();
        }
        counterpoint.close();
    }

    @Test
    @Order(1)
    void enrollingWithATokenFromThePortalWritesAPrivateKeyOnlyTheBridgeCanRead() throws Exception {
        String token = api.post(company.bridges() + "/enrollment-tokens", company.token(), null).json().get("token").asText();
        Files.createDirectories(config.getParent());
        BridgeProcess enroll = BridgeProcess.start(workDir, "enroll", "--server", server.getURL().toString(), "--token", token,
                "--name", "Back office", "--config", config.toString(), "--counterpoint-url", counterpoint.jdbcUrl(),
                "--counterpoint-user", "sa", "--counterpoint-password", CP_PASSWORD, "--heartbeat-seconds", "1");
        assertEquals(0, enroll.waitForExit(60), enroll.output());
        assertTrue(enroll.output().contains("Enrolled \"Back office\""), enroll.output());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                config.resolveSibling("counterlink-bridge.key"))));

        BridgeProcess reused = BridgeProcess.start(workDir, "enroll", "--server", server.getURL().toString(), "--token", token,
                "--config", workDir.resolve("other.properties").toString());
        assertEquals(1, reused.waitForExit(60));
        assertTrue(reused.output().contains("already used"), reused.output());

        bridge = BridgeProcess.start(workDir, "run", "--config", config.toString());
        awaitOnline();
        var listed = api.get(company.bridges(), company.token()).json().get(0);
        assertEquals("Back office", listed.get("name").asText());
        assertFalse(listed.get("version").asText().isBlank());
    }

    @Test
    @Order(2)
    void everyOperationRunsOnCounterpointThroughTheBridge() throws Exception {
        assertTrue(completed(new Ping()).counterpointReachable());
        ReadSetup.Result setup = completed(new ReadSetup());
        assertTrue(setup.stores().stream().anyMatch(s -> s.storeId().equals("WEB")));

        List<ReadItemChanges.Item> items = completed(new ReadItemChanges(null, 1000, false)).items();
        assertEquals(100, items.size());
        String gridded = items.stream().filter(i -> i.trackingMethod().equals("G")).findFirst().orElseThrow().itemNo();
        String simple = items.stream().filter(i -> i.trackingMethod().equals("N") && i.itemType().equals("I"))
                .findFirst().orElseThrow().itemNo();

        ReadStock.Result stock = completed(new ReadStock(List.of("WEB"), List.of(gridded, simple)));
        assertTrue(stock.levels().stream().anyMatch(l -> l.itemNo().equals(gridded) && !l.dim1().equals("*")));
        assertTrue(stock.levels().stream().anyMatch(l -> l.itemNo().equals(simple) && l.dim1().equals("*")));

        ReadPrices.Result prices = completed(new ReadPrices(PriceLevel.REG_PRC, List.of(simple)));
        assertEquals(1, prices.prices().size());
        assertTrue(prices.promotions().stream().anyMatch(p -> p.groupCode().equals("SPRING")));

        CreateCustomer.Result created = completed(new CreateCustomer("woo-c-1", "Grace", "Hopper", "Grace.Hopper@Example.org",
                null, null, null, null, null, null, null));
        assertTrue(created.created());
        assertEquals(created.customer().customerNo(),
                completed(new FindCustomersByEmail(" grace.hopper@example.org ")).customers().get(0).customerNo());

        WriteDocument order = new WriteDocument("woo-order-1", 'T', "WEB", "WEB-01", "WEB", created.customer().customerNo(),
                "WEB", "WEB", List.of(DocumentLine.of(simple, 1, "10.00")), new BigDecimal("5.00"), BigDecimal.ZERO);
        WriteDocument.Result written = completed(order);
        assertTrue(written.firstWrite());
        WriteDocument.Result again = completed(order);
        assertFalse(again.firstWrite());
        assertEquals(written.docId(), again.docId());

        ReadPostedDocuments posted = new ReadPostedDocuments(List.of("woo-order-1"));
        assertFalse(completed(posted).documents().get(0).posted());
        try (Connection c = counterpoint.connect()) {
            new StoreSimulator(c).postTicket(written.docId());
        }
        assertTrue(completed(posted).documents().get(0).posted());

        CallOutcome<WriteDocument.Result> unknownItem = calls.call(tenant, new WriteDocument("woo-order-2", 'T', "WEB", "WEB-01",
                "WEB", "CASH", "WEB", "WEB", List.of(DocumentLine.of("NO-SUCH-ITEM", 1, "1.00")), null, null), CALL);
        CallOutcome.Failed<WriteDocument.Result> failed = assertInstanceOf(CallOutcome.Failed.class, unknownItem);
        assertEquals(TaskErrorCode.NOT_FOUND, failed.code());
        assertTrue(failed.reason().contains("NO-SUCH-ITEM"));

        UUID smuggled = insertRawTask("RUN_SQL", "{\"sql\":\"DROP TABLE AR_CUST\"}");
        assertEquals("UNKNOWN_OPERATION", awaitFinished(smuggled));

        assertEquals(0, count("SELECT count(*) FROM bridge_tasks WHERE tenant_id = ? AND (params::text LIKE '%" + CP_PASSWORD
                + "%' OR coalesce(result::text, '') LIKE '%" + CP_PASSWORD + "%')"), "the Counterpoint password left the server");
        assertEquals(0, count("SELECT count(*) FROM bridges WHERE tenant_id = ? AND public_key || name || coalesce(version, '') LIKE '%"
                + CP_PASSWORD + "%'"));
    }

    @Test
    @Order(2)
    void theCompanysCounterpointChoicesAreReadLiveForItsSettings() {
        awaitOnlineQuietly();
        ApiClient.Response setup = api.get("/api/tenants/" + tenant + "/counterpoint/setup", company.token());
        assertEquals(200, setup.status(), setup.toString());
        assertTrue(setup.json().get("locations").toString().contains("WEB"), setup.toString());
        assertTrue(setup.json().get("stores").size() > 0);
        String stranger = SharedKeycloak.token(SharedKeycloak.createUser("setup-stranger"));
        assertEquals(404, api.get("/api/tenants/" + tenant + "/counterpoint/setup", stranger).status());
    }

    @Test
    @Order(3)
    void aCounterpointChangeIsReportedByTheBridgesProbeWithinSeconds() throws Exception {
        awaitOnline();
        Thread.sleep(6000); // the probe's first look is the baseline
        changes.events.clear();
        String item;
        try (Connection c = counterpoint.connect(); var rs = c.createStatement().executeQuery(
                "SELECT TOP 1 ITEM_NO FROM IM_INV WHERE LOC_ID = 'WEB' ORDER BY ITEM_NO")) {
            rs.next();
            item = rs.getString(1);
            new StoreSimulator(c).changeStock(item, "WEB", new BigDecimal("3"));
        }
        Instant until = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(until) && changes.events.stream().noneMatch(e -> e.tenantId().equals(tenant)
                && e.jobs().contains(com.counterlink.sync.JobType.INVENTORY))) {
            Thread.sleep(200);
        }
        assertTrue(changes.events.stream().anyMatch(e -> e.tenantId().equals(tenant)
                && e.jobs().equals(java.util.Set.of(com.counterlink.sync.JobType.INVENTORY))), changes.events.toString());
    }

    @Test
    @Order(4)
    void killingTheBridgeMidStreamLosesNoPageAndWritesNoDocumentTwice() throws Exception {
        List<String> seen = new ArrayList<>();
        ItemCursor cursor = null;
        ReadItemChanges.Page page;
        int pages = 0;
        do {
            page = completed(new ReadItemChanges(cursor, 9, false));
            page.items().forEach(i -> seen.add(i.itemNo()));
            cursor = page.next();
            if (++pages == 3) {
                bridge.kill();
                bridge = BridgeProcess.start(workDir, "run", "--config", config.toString());
            }
        } while (!page.last());
        assertEquals(100, seen.size());
        assertEquals(100, new HashSet<>(seen).size());

        String item = completed(new ReadItemChanges(null, 200, false)).items().stream()
                .filter(i -> i.trackingMethod().equals("N") && i.itemType().equals("I")).findFirst().orElseThrow().itemNo();
        WriteDocument order = new WriteDocument("woo-crash-1", 'O', "WEB", "WEB-01", "WEB", "CASH", "WEB", "WEB",
                List.of(DocumentLine.of(item, 2, "7.50")), null, null);
        Thread killer = new Thread(() -> {
            try {
                awaitLeased();
                bridge.kill();
                bridge = BridgeProcess.start(workDir, "run", "--config", config.toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        killer.start();
        CallOutcome<WriteDocument.Result> outcome = calls.call(tenant, order, Duration.ofSeconds(45));
        killer.join();
        WriteDocument.Result result = outcome instanceof CallOutcome.Completed<WriteDocument.Result> done ? done.result()
                : completed(order);
        WriteDocument.Result retried = completed(order);
        assertEquals(result.docId(), retried.docId());
        assertFalse(retried.firstWrite());
        try (Connection c = counterpoint.connect()) {
            assertEquals(1, countIn(c, "SELECT COUNT(*) FROM USR_WEB_ORD_KEY WHERE ORD_KEY = 'woo-crash-1'"));
            assertEquals(1, countIn(c, "SELECT COUNT(*) FROM PS_DOC_HDR WHERE DOC_ID = " + result.docId()));
            assertEquals(1, countIn(c, "SELECT COUNT(*) FROM PS_DOC_LIN WHERE DOC_ID = " + result.docId()));
        }
    }

    @Test
    @Order(5)
    void aRevokedBridgeStopsWithAClearMessageInsteadOfRetrying() throws Exception {
        awaitOnline();
        String bridgeId = api.get(company.bridges(), company.token()).json().get(0).get("id").asText();
        assertEquals(200, api.post(company.bridges() + "/" + bridgeId + "/revoke", company.token(), null).status());
        int exit = bridge.waitForExit(30);
        assertEquals(3, exit, bridge.output());
        assertTrue(bridge.output().contains("This bridge was revoked in the Counterlink portal"), bridge.output());
        assertInstanceOf(CallOutcome.BridgeOffline.class, calls.call(tenant, new Ping(), Duration.ofSeconds(2)));
    }

    private <R> R completed(OperationRequest<R> request) {
        CallOutcome<R> outcome = calls.call(tenant, request, CALL);
        if (outcome instanceof CallOutcome.Completed<R> done) {
            return done.result();
        }
        throw new AssertionError(request.operation() + " gave " + outcome + "; bridge output:\n" + bridge.output());
    }

    private void awaitOnlineQuietly() {
        try {
            awaitOnline();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitOnline() throws InterruptedException {
        Instant until = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(until)) {
            var list = api.get(company.bridges(), company.token()).json();
            if (list.size() > 0 && list.get(0).get("online").asBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the bridge did not come online; output:\n" + bridge.output());
    }

    private void awaitLeased() throws Exception {
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until)) {
            if (count("SELECT count(*) FROM bridge_tasks WHERE tenant_id = ? AND operation = 'WRITE_DOCUMENT' AND state = 'LEASED'"
                    + " AND params->>'orderKey' = 'woo-crash-1'") > 0) {
                return;
            }
            Thread.sleep(5);
        }
    }

    private String awaitFinished(UUID task) throws Exception {
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until)) {
            try (Connection c = SharedPostgres.superuserConnection();
                 PreparedStatement s = c.prepareStatement("SELECT state, reason_code FROM bridge_tasks WHERE id = ?")) {
                s.setObject(1, task);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getString(1).equals("FAILED")) {
                        return rs.getString(2);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the bridge never answered the raw task");
    }

    private UUID insertRawTask(String operation, String params) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = SharedPostgres.superuserConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO bridge_tasks (id, tenant_id, operation, params, deadline_at) "
                     + "VALUES (?, ?, ?, ?::jsonb, now() + interval '1 minute')")) {
            s.setObject(1, id);
            s.setObject(2, tenant);
            s.setString(3, operation);
            s.setString(4, params);
            s.executeUpdate();
        }
        return id;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = SharedPostgres.superuserConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long countIn(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
