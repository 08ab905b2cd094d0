package com.counterlink.sync;

import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedKeycloak;
import com.counterlink.testing.SharedPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncFrameworkTest extends BackendTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ProbePricingJob probe;
    @Inject
    SyncJobRunner runner;

    ApiClient api;
    String token;
    UUID tenant;
    UUID site;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("sync-probe.enabled", "true", "jobrunr.background-job-server.poll-interval-seconds", "5");
    }

    @BeforeAll
    void tenantWithAStore() throws SQLException {
        api = new ApiClient(server.getURL());
        token = SharedKeycloak.token(SharedKeycloak.createUser("sync"));
        tenant = UUID.fromString(api.post("/api/tenants", token, "{\"name\":\"Sync Co\"}").json().get("id").asText());
        site = UUID.randomUUID();
        try (Connection c = SharedPostgres.appConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement scope = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                scope.setString(1, tenant.toString());
                scope.execute();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO sites (id, tenant_id, name, base_url, status) VALUES (?, ?, 'Shop', 'https://shop.example', 'ACTIVE')")) {
                insert.setObject(1, site);
                insert.setObject(2, tenant);
                insert.executeUpdate();
            }
            c.commit();
        }
    }

    @BeforeEach
    void recordItemsByDefault() {
        probe.behaviour.set(ProbePricingJob.Behaviour.RECORD_ITEMS);
    }

    private String storePath() {
        return "/api/tenants/" + tenant + "/stores/" + site;
    }

    @Test
    void aNewStoreHasFourJobsOnTheirDefaultIntervals() {
        JsonNode jobs = api.get(storePath() + "/jobs", token).json();
        assertEquals(4, jobs.size());
        assertEquals("PRODUCTS", jobs.get(0).get("jobType").asText());
        assertEquals(900, jobs.get(0).get("intervalSeconds").asInt());
        assertEquals(60, jobs.get(1).get("intervalSeconds").asInt());
        assertTrue(jobs.get(1).get("enabled").asBoolean());
    }

    @Test
    void intervalsAreValidatedAndSaved() {
        ApiClient.Response tooOften = api.send("PUT", storePath() + "/jobs/INVENTORY", token, "{\"enabled\":true,\"intervalSeconds\":5}");
        assertEquals(400, tooOften.status(), tooOften.toString());
        assertEquals("intervalSeconds", tooOften.json().get("errors").get(0).get("field").asText());

        ApiClient.Response saved = api.send("PUT", storePath() + "/jobs/INVENTORY", token, "{\"enabled\":false,\"intervalSeconds\":120}");
        assertEquals(200, saved.status(), saved.toString());
        JsonNode inventory = api.get(storePath() + "/jobs", token).json().get(1);
        assertEquals(120, inventory.get("intervalSeconds").asInt());
        assertTrue(!inventory.get("enabled").asBoolean());

        assertEquals(404, api.get("/api/tenants/" + tenant + "/stores/" + UUID.randomUUID() + "/jobs", token).status());
    }

    @Test
    void syncNowRecordsTheRunWithCountsAndWhatToDoAboutEachFailedItem() throws InterruptedException {
        assertEquals(202, api.post(storePath() + "/jobs/PRICING/runs", token, "{}").status());
        JsonNode run = awaitFinishedRun("MANUAL");
        assertEquals("PARTIAL", run.get("status").asText());
        assertEquals(3, run.get("itemsRead").asInt());
        assertEquals(1, run.get("itemsCreated").asInt());
        assertEquals(1, run.get("itemsUnchanged").asInt());
        assertEquals(1, run.get("itemsFailed").asInt());

        JsonNode detail = api.get(storePath() + "/runs/" + run.get("id").asText(), token).json();
        JsonNode failed = detail.get("items").get(1);
        assertEquals("ITEM-3", failed.get("itemKey").asText());
        assertEquals("NO_PRICE", failed.get("errorCode").asText());
        assertTrue(failed.get("actionHint").asText().contains("Give ITEM-3 a price"));
        assertEquals(2, detail.get("items").size(), "unchanged items are counted, not listed");
    }

    @Test
    void aFullResyncIsRecordedAsSuch() throws InterruptedException {
        assertEquals(202, api.post(storePath() + "/jobs/PRICING/runs", token, "{\"full\":true}").status());
        assertEquals("PARTIAL", awaitFinishedRun("FULL_RESYNC").get("status").asText());
    }

    @Test
    void twoRunsOfTheSameJobForTheSameStoreNeverOverlapAndARunAskedForMeanwhileFollows() throws Exception {
        Instant testStart = Instant.now();
        probe.behaviour.set(ProbePricingJob.Behaviour.BLOCK);
        CountDownLatch release = new CountDownLatch(1);
        probe.release.set(release);
        CompletableFuture<Optional<UUID>> first = CompletableFuture.supplyAsync(
                () -> runner.run(tenant, site, JobType.PRICING, RunTrigger.SCHEDULE));
        assertTrue(probe.started.await(20, TimeUnit.SECONDS));

        assertTrue(runner.run(tenant, site, JobType.PRICING, RunTrigger.CHANGE).isEmpty(),
                "a second run started while the first was running");
        assertTrue(runner.run(tenant, site, JobType.PRICING, RunTrigger.FULL_RESYNC).isEmpty());
        assertTrue(runner.run(tenant, site, JobType.PRICING, RunTrigger.CHANGE).isEmpty());
        assertTrue(runner.run(tenant, site, JobType.PRICING, RunTrigger.MANUAL).isEmpty());
        assertTrue(runner.run(tenant, site, JobType.PRICING, RunTrigger.SCHEDULE).isEmpty());
        probe.behaviour.set(ProbePricingJob.Behaviour.RECORD_ITEMS);
        release.countDown();
        assertTrue(first.get(20, TimeUnit.SECONDS).isPresent());

        // the full resync (which covers the changes) ran right after the busy run; "sync now" and the
        // schedule were covered by the busy run
        List<JsonNode> runs = new ArrayList<>();
        for (JsonNode run : api.get(storePath() + "/runs?jobType=PRICING", token).json()) {
            if (!Instant.parse(run.get("startedAt").asText()).isBefore(testStart)) {
                runs.add(run);
            }
        }
        runs.sort(Comparator.comparing(run -> Instant.parse(run.get("startedAt").asText())));
        assertEquals(List.of("SCHEDULE", "FULL_RESYNC"), runs.stream().map(run -> run.get("runTrigger").asText()).toList());
        assertFalse(Instant.parse(runs.get(1).get("startedAt").asText())
                .isBefore(Instant.parse(runs.get(0).get("finishedAt").asText())), "the follow-up overlapped the busy run");

        assertTrue(runner.run(tenant, site, JobType.PRICING, RunTrigger.MANUAL).isPresent(), "the lock was released");
    }

    @Test
    void aRunningSyncShowsItsCountsSoFarAndItsTotalOnTheDashboard() throws Exception {
        probe.behaviour.set(ProbePricingJob.Behaviour.PROGRESS_THEN_BLOCK);
        CountDownLatch release = new CountDownLatch(1);
        probe.release.set(release);
        probe.midway.set(new CountDownLatch(1));
        CompletableFuture<Optional<UUID>> run = CompletableFuture.supplyAsync(
                () -> runner.run(tenant, site, JobType.PRICING, RunTrigger.FULL_RESYNC));
        try {
            assertTrue(probe.midway.get().await(20, TimeUnit.SECONDS));
            JsonNode pricing = pricingOnDashboard();
            assertEquals("RUNNING", pricing.at("/lastRun/status").asText(), pricing.toString());
            JsonNode progress = pricing.get("progress");
            assertEquals(3, progress.get("processed").asInt(), progress.toString());
            assertEquals(4, progress.get("total").asInt());
            assertEquals("FULL_RESYNC", progress.get("runTrigger").asText());
            assertEquals(1, progress.get("created").asInt());
            assertEquals(1, progress.get("updated").asInt());
            assertEquals(1, progress.get("unchanged").asInt());
        } finally {
            release.countDown();
        }
        assertTrue(run.get(20, TimeUnit.SECONDS).isPresent());
        JsonNode done = pricingOnDashboard();
        assertTrue(done.get("progress").isNull(), done.toString());
        assertEquals("SUCCEEDED", done.at("/lastRun/status").asText());
        assertEquals(1, done.at("/lastRun/itemsUpdated").asInt());
    }

    private JsonNode pricingOnDashboard() {
        for (JsonNode job : api.get("/api/tenants/" + tenant + "/dashboard", token).json().at("/stores/0/jobs")) {
            if (job.get("jobType").asText().equals("PRICING")) {
                return job;
            }
        }
        throw new AssertionError("no pricing job on the dashboard");
    }

    @Test
    void anOfflineBridgeIsRecordedAsWaitingAndACrashAsFailedWithItsReason() {
        probe.behaviour.set(ProbePricingJob.Behaviour.BRIDGE_OFFLINE);
        UUID waiting = runner.run(tenant, site, JobType.PRICING, RunTrigger.SCHEDULE).orElseThrow();
        JsonNode waitingRun = api.get(storePath() + "/runs/" + waiting, token).json().get("run");
        assertEquals("WAITING_FOR_BRIDGE", waitingRun.get("status").asText());
        assertTrue(waitingRun.get("statusReason").asText().contains("bridge"));

        probe.behaviour.set(ProbePricingJob.Behaviour.CRASH);
        UUID crashed = runner.run(tenant, site, JobType.PRICING, RunTrigger.SCHEDULE).orElseThrow();
        JsonNode crashedRun = api.get(storePath() + "/runs/" + crashed, token).json().get("run");
        assertEquals("FAILED", crashedRun.get("status").asText());
        assertEquals("WooCommerce answered 500 twice", crashedRun.get("statusReason").asText());
        assertTrue(crashedRun.get("finishedAt").isTextual());
    }

    private JsonNode awaitFinishedRun(String trigger) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 40_000;
        while (System.currentTimeMillis() < deadline) {
            for (JsonNode run : api.get(storePath() + "/runs?jobType=PRICING", token).json()) {
                if (run.get("runTrigger").asText().equals(trigger) && !run.get("status").asText().equals("RUNNING")) {
                    return run;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no finished " + trigger + " run within 40 s");
    }
}
