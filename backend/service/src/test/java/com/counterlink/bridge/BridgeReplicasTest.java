package com.counterlink.bridge;

import com.counterlink.bridge.protocol.operations.Ping;
import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedKeycloak;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two backend replicas on one database. The bridge talks only to replica B while a job calls it
 * through replica A. Both re-read the table only every 30 s here, so only the replicas'
 * notifications to each other can make the task and its result travel within a second.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeReplicasTest extends BackendTest {

    @Inject
    EmbeddedServer replicaA;
    @Inject
    BridgeCalls callsOnA;

    EmbeddedServer replicaB;
    final ExecutorService async = Executors.newCachedThreadPool();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("counterlink.bridge.recheck", "30s", "jobrunr.background-job-server.enabled", "false");
    }

    @BeforeAll
    void startReplicaB() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        replicaB = ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    @AfterAll
    void stopReplicaB() {
        replicaB.close();
        async.shutdownNow();
    }

    @Test
    void aTaskQueuedOnOneReplicaReachesABridgeWaitingOnAnotherAndTheResultComesBackAtOnce() throws Exception {
        ApiClient api = new ApiClient(replicaA.getURL());
        String owner = SharedKeycloak.token(SharedKeycloak.createUser("replicas"));
        BridgeEnrollmentTest.Company company = new BridgeEnrollmentTest.Company(
                api.post("/api/tenants", owner, "{\"name\":\"Two Replicas\"}").json().get("id").asText(), owner);
        String token = api.post(company.bridges() + "/enrollment-tokens", owner, null).json().get("token").asText();
        TestBridge bridge = new TestBridge(replicaB.getURL());
        assertEquals(200, bridge.enroll(token, "pc").status());
        assertEquals(200, bridge.heartbeat("1.0", 1).status());

        for (int round = 0; round < 3; round++) {
            CompletableFuture<ApiClient.Response> poll = CompletableFuture.supplyAsync(
                    () -> bridge.signed("GET", "/api/bridge/tasks/next?waitSeconds=20", null), async);
            Thread.sleep(300);
            Instant queued = Instant.now();
            CompletableFuture<CallOutcome<Ping.Result>> call = CompletableFuture.supplyAsync(
                    () -> callsOnA.call(bridge.tenantId, new Ping(), Duration.ofSeconds(20)), async);

            ApiClient.Response task = poll.get();
            assertEquals(200, task.status(), task.toString());
            long toBridge = Duration.between(queued, Instant.now()).toMillis();
            assertTrue(toBridge < 2_000, "the task took " + toBridge + " ms to reach the bridge on the other replica");

            Instant posted = Instant.now();
            ApiClient.Response ack = bridge.signed("POST", "/api/bridge/tasks/" + task.json().get("taskId").asText() + "/result",
                    "{\"status\":\"COMPLETED\",\"result\":{\"bridgeVersion\":\"round-" + round + "\",\"counterpointReachable\":true,"
                            + "\"bridgeTime\":\"2025-01-01T00:00:00Z\"}}");
            assertEquals(200, ack.status(), ack.toString());
            CallOutcome<Ping.Result> outcome = call.get();
            long toCaller = Duration.between(posted, Instant.now()).toMillis();
            assertEquals("round-" + round, assertInstanceOf(CallOutcome.Completed.class, outcome).result() instanceof Ping.Result r
                    ? r.bridgeVersion() : null);
            assertTrue(toCaller < 2_000, "the result took " + toCaller + " ms to reach the caller on the other replica");
        }
    }
}
