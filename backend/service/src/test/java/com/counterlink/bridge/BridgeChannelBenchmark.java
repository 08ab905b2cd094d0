package com.counterlink.bridge;

import com.counterlink.bridge.protocol.OperationRequest;
import com.counterlink.bridge.protocol.operations.ItemCursor;
import com.counterlink.bridge.protocol.operations.Ping;
import com.counterlink.bridge.protocol.operations.ReadItemChanges;
import com.counterlink.counterpoint.demo.CounterpointDemoServer;
import com.counterlink.counterpoint.demo.DemoServerOptions;
import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedKeycloak;
import com.counterlink.testing.TestPaths;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Streams 50,000 items from the demo database through a real bridge process (-Xmx64m) and the
 * channel on loopback, and times small tasks. Not part of the normal build:
 * {@code ./mvnw -pl backend/service -am verify -Dbenchmark=true -Dsurefire.excludedGroups= -Dtest=BridgeChannelBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (add {@code -Dbridge.xmx=24m} to cap the bridge lower)
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeChannelBenchmark extends BackendTest {

    private static final int ITEMS = Integer.getInteger("benchmark.items", 50_000);
    private static final int PAGE = 500;
    private static final int PINGS = 300;

    @Inject
    EmbeddedServer server;
    @Inject
    BridgeCalls calls;

    @Test
    void streamFiftyThousandItemsAndTimeSmallTasks() throws Exception {
        Path work = Files.createTempDirectory("bridge-bench");
        long seedStart = System.nanoTime();
        try (CounterpointDemoServer counterpoint = CounterpointDemoServer.start(new DemoServerOptions(0, ITEMS,
                work.resolve("cp"), "counterpoint", 20_240_601L, "sa", "bench"))) {
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            ApiClient api = new ApiClient(server.getURL());
            String owner = SharedKeycloak.token(SharedKeycloak.createUser("bench"));
            BridgeEnrollmentTest.Company company = new BridgeEnrollmentTest.Company(
                    api.post("/api/tenants", owner, "{\"name\":\"Bench\"}").json().get("id").asText(), owner);
            UUID tenant = UUID.fromString(company.id());
            String token = api.post(company.bridges() + "/enrollment-tokens", owner, null).json().get("token").asText();
            Path config = work.resolve("bridge/counterlink-bridge.properties");
            Files.createDirectories(config.getParent());
            assertEquals(0, BridgeProcess.start(work, "enroll", "--server", server.getURL().toString(), "--token", token,
                    "--config", config.toString(), "--counterpoint-url", counterpoint.jdbcUrl(), "--counterpoint-user", "sa",
                    "--counterpoint-password", "bench", "--heartbeat-seconds", "2").waitForExit(60));
            BridgeProcess bridge = BridgeProcess.start(work, "run", "--config", config.toString());
            try {
                while (!api.get(company.bridges(), owner).json().get(0).get("online").asBoolean()) {
                    Thread.sleep(200);
                }
                for (int i = 0; i < 30; i++) {
                    call(tenant, new Ping(), bridge);
                }
                long[] rtt = new long[PINGS];
                for (int i = 0; i < PINGS; i++) {
                    long start = System.nanoTime();
                    call(tenant, new Ping(), bridge);
                    rtt[i] = System.nanoTime() - start;
                }
                Arrays.sort(rtt);

                long streamStart = System.nanoTime();
                int items = 0;
                int pages = 0;
                ItemCursor cursor = null;
                ReadItemChanges.Page page;
                do {
                    page = call(tenant, new ReadItemChanges(cursor, PAGE, false), bridge);
                    items += page.items().size();
                    pages++;
                    cursor = page.next();
                } while (!page.last());
                double streamSeconds = (System.nanoTime() - streamStart) / 1e9;
                assertEquals(ITEMS, items);
                Ping.Result after = call(tenant, new Ping(), bridge);

                String report = String.format("""
                        items streamed:        %,d in %,d pages of %d
                        stream time:           %.1f s
                        items per second:      %,.0f
                        bridge peak heap:      %.1f MB (bridge started with -Xmx%s)
                        small task round trip: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d PING tasks)
                        demo database seeding: %.1f s (not part of the stream time)
                        """, items, pages, PAGE, streamSeconds, items / streamSeconds, after.heapPeakBytes() / 1048576.0, System.getProperty("bridge.xmx", "64m"),
                        rtt[PINGS / 2] / 1e6, rtt[PINGS * 95 / 100] / 1e6, rtt[PINGS - 1] / 1e6, PINGS, seedSeconds);
                System.out.println("=== Bridge channel benchmark ===\n" + report);
                Files.writeString(TestPaths.repoRoot().resolve("backend/service/target/bridge-benchmark.txt"), report);
            } finally {
                bridge.kill();
            }
        }
    }

    private <R> R call(UUID tenant, OperationRequest<R> request, BridgeProcess bridge) {
        CallOutcome<R> outcome = calls.call(tenant, request, Duration.ofSeconds(60));
        if (outcome instanceof CallOutcome.Completed<R> done) {
            return done.result();
        }
        throw new AssertionError(outcome + "\n" + bridge.output());
    }
}
