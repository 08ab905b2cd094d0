package com.counterlink.bridge;

import com.counterlink.bridge.protocol.ProtocolJson;
import com.counterlink.bridge.protocol.TaskErrorCode;
import com.counterlink.bridge.protocol.operations.Ping;
import com.counterlink.bridge.protocol.operations.ReadSetup;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.counterlink.bridge.BridgeEnrollmentTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeTaskChannelTest extends BackendTest {

    @Inject
    EmbeddedServer server;
    @Inject
    BridgeCalls calls;

    ApiClient api;
    /** Calls and polls block for seconds; the common pool may have a single thread on a 2-core machine. */
    final ExecutorService async = Executors.newCachedThreadPool();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("counterlink.bridge.lease", "2s");
    }

    @BeforeAll
    void client() {
        api = new ApiClient(server.getURL());
    }

    @Test
    void withNoBridgeOnlineACallAnswersOfflineAtOnceAndQueuesNothing() throws SQLException {
        UUID tenant = UUID.fromString(newCompany().id());
        Instant start = Instant.now();
        CallOutcome<Ping.Result> outcome = calls.call(tenant, new Ping(), Duration.ofSeconds(10));
        assertInstanceOf(CallOutcome.BridgeOffline.class, outcome);
        assertTrue(Duration.between(start, Instant.now()).toMillis() < 2000);
        assertEquals(0, countTasks(tenant));
    }

    @Test
    void aWaitingBridgeGetsTheTaskAtOnceAndTheCallerItsTypedResult() throws Exception {
        TestBridge bridge = enrolledBridge();
        CompletableFuture<ApiClient.Response> poll = CompletableFuture.supplyAsync(
                () -> bridge.signed("GET", "/api/bridge/tasks/next?waitSeconds=20", null), async);
        Thread.sleep(300);
        CompletableFuture<CallOutcome<Ping.Result>> call = CompletableFuture.supplyAsync(
                () -> calls.call(bridge.tenantId, new Ping(), Duration.ofSeconds(15)), async);

        Instant queued = Instant.now();
        ApiClient.Response task = poll.get();
        assertEquals(200, task.status(), task.toString());
        assertTrue(Duration.between(queued, Instant.now()).toMillis() < 2000, "long poll did not return promptly");
        assertEquals("PING", task.json().get("operation").asText());

        String result = "{\"status\":\"COMPLETED\",\"result\":{\"bridgeVersion\":\"9.9\",\"counterpointReachable\":true,"
                + "\"bridgeTime\":\"2025-01-01T00:00:00Z\"}}";
        String path = "/api/bridge/tasks/" + task.json().get("taskId").asText() + "/result";
        ApiClient.Response first = bridge.signed("POST", path, result);
        assertEquals(200, first.status(), first.toString());
        assertTrue(first.json().get("applied").asBoolean());

        Ping.Result answer = ((CallOutcome.Completed<Ping.Result>) call.get()).result();
        assertEquals("9.9", answer.bridgeVersion());

        ApiClient.Response again = bridge.signed("POST", path, result.replace("9.9", "1.0"));
        assertEquals(200, again.status());
        assertFalse(again.json().get("applied").asBoolean());
        assertEquals("DONE", again.json().get("state").asText());
        assertTrue(resultOf(UUID.fromString(task.json().get("taskId").asText())).contains("9.9"));
    }

    @Test
    void aTaskLeasedByABridgeThatDiedIsHandedOutAgainAndAppliedOnce() throws Exception {
        TestBridge dead = enrolledBridge();
        CompletableFuture<CallOutcome<ReadSetup.Result>> call = CompletableFuture.supplyAsync(
                () -> calls.call(dead.tenantId, new ReadSetup(), Duration.ofSeconds(20)), async);
        JsonNode leased = dead.signed("GET", "/api/bridge/tasks/next?waitSeconds=10", null).json();
        assertEquals(204, dead.signed("GET", "/api/bridge/tasks/next?waitSeconds=0", null).status());

        JsonNode again = dead.signed("GET", "/api/bridge/tasks/next?waitSeconds=10", null).json();
        assertEquals(leased.get("taskId"), again.get("taskId"), "the expired lease was not handed out again");

        String result = ProtocolJson.write(com.counterlink.bridge.protocol.WireMessages.TaskResult.completed(
                new ReadSetup.Result(java.util.List.of(new ReadSetup.Store("WEB", "Web", "WEB")), java.util.List.of(),
                        java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of())));
        String path = "/api/bridge/tasks/" + again.get("taskId").asText() + "/result";
        assertTrue(dead.signed("POST", path, result).json().get("applied").asBoolean());
        assertFalse(dead.signed("POST", path, result).json().get("applied").asBoolean());
        CallOutcome.Completed<ReadSetup.Result> done = (CallOutcome.Completed<ReadSetup.Result>) call.get();
        assertEquals("WEB", done.result().stores().get(0).storeId());
        assertEquals(2, attemptsOf(UUID.fromString(again.get("taskId").asText())));
    }

    @Test
    void aRestartedBridgeGetsBackTheTasksItsCrashedPredecessorHadLeased() throws Exception {
        TestBridge bridge = enrolledBridge();
        CompletableFuture<CallOutcome<Ping.Result>> call = CompletableFuture.supplyAsync(
                () -> calls.call(bridge.tenantId, new Ping(), Duration.ofSeconds(15)), async);
        UUID crashed = UUID.randomUUID();
        CompletableFuture<ApiClient.Response> abandoned = CompletableFuture.supplyAsync(
                () -> bridge.signed("GET", "/api/bridge/tasks/next?waitSeconds=10&session=" + crashed, null), async);
        JsonNode leased = abandoned.get().json();
        // the crashed process's next long poll is still open on the server when the new process starts
        CompletableFuture<ApiClient.Response> orphan = CompletableFuture.supplyAsync(
                () -> bridge.signed("GET", "/api/bridge/tasks/next?waitSeconds=10&session=" + crashed, null), async);
        Thread.sleep(300);

        ApiClient.Response afterRestart = bridge.signed("GET", "/api/bridge/tasks/next?waitSeconds=0&session=" + UUID.randomUUID(), null);
        assertEquals(200, afterRestart.status(), "the lease was not released: " + afterRestart);
        assertEquals(leased.get("taskId"), afterRestart.json().get("taskId"));
        assertEquals(204, orphan.get().status(), "the dead process's poll kept serving");
        bridge.signed("POST", "/api/bridge/tasks/" + leased.get("taskId").asText() + "/result",
                "{\"status\":\"COMPLETED\",\"result\":{\"bridgeVersion\":\"1\",\"counterpointReachable\":true,\"bridgeTime\":null}}");
        assertInstanceOf(CallOutcome.Completed.class, call.get());
    }

    @Test
    void aBridgeThatDoesNotAnswerInTimeGivesTimedOutAndItsLateResultIsIgnored() throws Exception {
        TestBridge slow = enrolledBridge();
        CompletableFuture<CallOutcome<Ping.Result>> call = CompletableFuture.supplyAsync(
                () -> calls.call(slow.tenantId, new Ping(), Duration.ofSeconds(1)), async);
        JsonNode task = slow.signed("GET", "/api/bridge/tasks/next?waitSeconds=5", null).json();
        assertInstanceOf(CallOutcome.TimedOut.class, call.get());

        ApiClient.Response late = slow.signed("POST", "/api/bridge/tasks/" + task.get("taskId").asText() + "/result",
                "{\"status\":\"COMPLETED\",\"result\":{\"bridgeVersion\":\"1\",\"counterpointReachable\":true,\"bridgeTime\":null}}");
        assertFalse(late.json().get("applied").asBoolean());
        assertEquals("FAILED", late.json().get("state").asText());
        assertEquals(204, slow.signed("GET", "/api/bridge/tasks/next?waitSeconds=0", null).status());
    }

    @Test
    void aFailureReportedByTheBridgeReachesTheCallerWithItsReason() throws Exception {
        TestBridge bridge = enrolledBridge();
        CompletableFuture<CallOutcome<Ping.Result>> call = CompletableFuture.supplyAsync(
                () -> calls.call(bridge.tenantId, new Ping(), Duration.ofSeconds(15)), async);
        JsonNode task = bridge.signed("GET", "/api/bridge/tasks/next?waitSeconds=10", null).json();
        bridge.signed("POST", "/api/bridge/tasks/" + task.get("taskId").asText() + "/result",
                "{\"status\":\"FAILED\",\"errorCode\":\"COUNTERPOINT_UNAVAILABLE\",\"errorMessage\":\"Login failed for user 'sa'\"}");
        CallOutcome.Failed<Ping.Result> failed = assertInstanceOf(CallOutcome.Failed.class, call.get());
        assertEquals(TaskErrorCode.COUNTERPOINT_UNAVAILABLE, failed.code());
        assertTrue(failed.reason().contains("Login failed"));
    }

    @Test
    void aMalformedOrMismatchedResultIsRejectedAndTheTaskStaysOpen() throws Exception {
        TestBridge bridge = enrolledBridge();
        CompletableFuture<CallOutcome<Ping.Result>> call = CompletableFuture.supplyAsync(
                () -> calls.call(bridge.tenantId, new Ping(), Duration.ofSeconds(15)), async);
        JsonNode task = bridge.signed("GET", "/api/bridge/tasks/next?waitSeconds=10", null).json();
        String path = "/api/bridge/tasks/" + task.get("taskId").asText() + "/result";

        assertProblem(bridge.signed("POST", path, "{\"status\":\"COMPLETED\",\"result\":"), 400, "RESULT_INVALID", "could not be read");
        assertProblem(bridge.signed("POST", path, "{\"status\":\"COMPLETED\",\"result\":{\"stores\":[]}}"), 400,
                "RESULT_INVALID", "stores");
        assertProblem(bridge.signed("POST", path, "{\"status\":\"DONE\"}"), 400, "RESULT_INVALID", "status");
        assertProblem(bridge.signed("POST", path, "{\"status\":\"COMPLETED\",\"result\":{\"bridgeVersion\":\""
                + "x".repeat(1_100_000) + "\"}}"), 413, "PAYLOAD_TOO_LARGE", "");
        assertProblem(bridge.signed("POST", "/api/bridge/tasks/" + UUID.randomUUID() + "/result",
                "{\"status\":\"FAILED\",\"errorCode\":\"INTERNAL\"}"), 404, "NOT_FOUND", "Task");

        assertTrue(bridge.signed("POST", path, "{\"status\":\"COMPLETED\",\"result\":{\"bridgeVersion\":\"2\","
                + "\"counterpointReachable\":false,\"bridgeTime\":null}}").json().get("applied").asBoolean());
        assertInstanceOf(CallOutcome.Completed.class, call.get());
    }

    @Test
    void tasksOfOneCompanyNeverReachAnotherCompanysBridge() throws Exception {
        TestBridge mine = enrolledBridge();
        TestBridge theirs = enrolledBridge();
        CompletableFuture<CallOutcome<Ping.Result>> call = CompletableFuture.supplyAsync(
                () -> calls.call(mine.tenantId, new Ping(), Duration.ofSeconds(2)), async);
        assertEquals(204, theirs.signed("GET", "/api/bridge/tasks/next?waitSeconds=1", null).status());
        assertInstanceOf(CallOutcome.TimedOut.class, call.get());
    }

    private TestBridge enrolledBridge() {
        BridgeEnrollmentTest.Company company = newCompany();
        String token = api.post(company.bridges() + "/enrollment-tokens", company.token(), null).json().get("token").asText();
        TestBridge bridge = new TestBridge(server.getURL());
        assertEquals(200, bridge.enroll(token, "pc").status());
        assertEquals(200, bridge.heartbeat("1.0", 1).status());
        return bridge;
    }

    private BridgeEnrollmentTest.Company newCompany() {
        String token = SharedKeycloak.token(SharedKeycloak.createUser("channel"));
        return new BridgeEnrollmentTest.Company(api.post("/api/tenants", token, "{\"name\":\"Channel Co\"}").json().get("id").asText(), token);
    }

    private static long countTasks(UUID tenant) throws SQLException {
        return single("SELECT count(*) FROM bridge_tasks WHERE tenant_id = ?", tenant).getLong(1);
    }

    private static int attemptsOf(UUID task) throws SQLException {
        return single("SELECT attempts FROM bridge_tasks WHERE id = ?", task).getInt(1);
    }

    private static String resultOf(UUID task) throws SQLException {
        return single("SELECT result::text FROM bridge_tasks WHERE id = ?", task).getString(1);
    }

    private static ResultSet single(String sql, UUID id) throws SQLException {
        Connection c = SharedPostgres.superuserConnection();
        PreparedStatement s = c.prepareStatement(sql);
        s.setObject(1, id);
        ResultSet rs = s.executeQuery();
        rs.next();
        return rs;
    }
}
