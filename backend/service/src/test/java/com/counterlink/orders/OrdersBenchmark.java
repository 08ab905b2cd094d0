package com.counterlink.orders;

import com.counterlink.sync.JobType;
import com.counterlink.sync.RunTrigger;
import com.counterlink.sync.SyncJobRunner;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.WooStoresFixture;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The orders benchmark (not part of the normal build): (1) an order on store A until store B's stock shows it,
 * end to end through the orders light poll (webhooks come 30 s late, as on a real store), orders job,
 * allocation and inventory job, p50/p95/max over many orders placed at random moments; (2) N orders (default
 * 10,000) ingested and written to the demo Counterpoint through the bridge in one orders run.
 * Run: see docs/benchmarks.md.
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdersBenchmark extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();

    @Inject
    EmbeddedServer server;
    @Inject
    SyncJobRunner runner;

    @Override
    protected Map<String, String> extraProperties() {
        return new HashMap<>(WooStoresFixture.backendProperties(PORT));
    }

    @Test
    void orderToSiblingStockAndBulkWriting() throws Exception {
        int samples = Integer.getInteger("orders.benchmark.samples", 40);
        int bulk = Integer.getInteger("orders.benchmark.orders", 10_000);
        Duration webhookDelay = Duration.ofSeconds(Integer.getInteger("orders.benchmark.webhook-delay-seconds", 30));
        int maxGapSeconds = Integer.getInteger("orders.benchmark.max-gap-seconds", 20);
        List<String> report = new ArrayList<>();
        try (OrdersStack stack = new OrdersStack(server.getURL(), runner, "Bench Orders", 3, 60, webhookDelay)) {
            Store a = stack.stores.get(0);
            Store b = stack.stores.get(1);
            List<String> items = stack.simpleWebItems();
            String item = items.get(0);
            stack.setAvailable(item, samples + 10);

            // (1) order on A → B's stock, nothing run by hand; orders come at random moments, so the light poll is
            // sometimes at its base interval and sometimes backed off to its idle cap, as on a real store
            Random gaps = new Random(20_261_207L);
            List<Long> millis = new ArrayList<>();
            List<String> trace = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                long gap = gaps.nextInt(maxGapSeconds * 1000 + 1);
                Thread.sleep(gap);
                int before = stack.stock(b, item);
                Instant placed = Instant.now();
                HttpResponse<String> order = stack.checkout(a, "processing", "p" + i + "@bench.example", item, 1);
                assertEquals(201, order.statusCode(), order.body());
                Instant until = placed.plusSeconds(90);
                while (stack.stock(b, item) != before - 1) {
                    assertTrue(Instant.now().isBefore(until), "store B never showed order " + i);
                    Thread.sleep(5);
                }
                long window = Duration.between(placed, Instant.now()).toMillis();
                millis.add(window);
                trace.add(String.format("%.1f->%.1f", gap / 1000.0, window / 1000.0));
            }
            List<Long> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            report.add(String.format("order on store A -> store B's stock, webhooks %d s late, orders %d-%d s apart: %d"
                            + " orders, p50 %d ms, p95 %d ms, max %d ms", webhookDelay.toSeconds(), 0, maxGapSeconds, samples,
                    sorted.get(samples / 2), sorted.get((int) Math.ceil(samples * 0.95) - 1), sorted.get(samples - 1)));
            report.add("  each order: seconds since the previous one -> seconds until store B showed it: "
                    + String.join(" ", trace));
            System.out.println("ORDERS BENCHMARK " + report.get(0));

            // (2) N orders in store C, webhooks paused and its orders job off (so no light poll either) so that one
            // run takes them all
            Store c = stack.stores.get(2);
            UUID siteC = stack.sites.get(2);
            assertEquals(200, stack.api.send("PUT", stack.storePath(siteC) + "/jobs/ORDERS", stack.freshToken(),
                    "{\"enabled\":false,\"intervalSeconds\":86400}").status());
            c.locked(() -> {
                c.webhooks.values().forEach(hook -> hook.status = "paused");
                return null;
            });
            List<String> bulkItems = items.subList(1, Math.min(items.size(), 6));
            for (String bulkItem : bulkItems) {
                stack.setAvailable(bulkItem, bulk);
            }
            Instant placing = Instant.now();
            for (int i = 0; i < bulk; i++) {
                HttpResponse<String> order = stack.checkout(c, "completed", "c" + (i % 200) + "@bulk.example",
                        bulkItems.get(i % bulkItems.size()), 1);
                assertEquals(201, order.statusCode(), order.body());
            }
            double placingSeconds = Duration.between(placing, Instant.now()).toMillis() / 1000.0;
            Instant start = Instant.now();
            UUID run = null;
            while (run == null) {
                run = runner.run(stack.tenant, siteC, JobType.ORDERS, RunTrigger.MANUAL).orElse(null);
            }
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            System.out.println("ORDERS BENCHMARK one orders run of " + bulk + " orders: " + seconds + " s");
            String token = stack.freshToken();
            int written = stack.api.get("/api/tenants/" + stack.tenant + "/orders?siteId=" + siteC + "&state=WRITTEN&limit=1000",
                    token).json().size();
            UUID runId = run;
            JsonNode detail = null;
            for (JsonNode listed : stack.api.get(stack.storePath(siteC) + "/runs?jobType=ORDERS", token).json()) {
                if (listed.get("id").asText().equals(runId.toString())) {
                    detail = listed;
                }
            }
            assertTrue(detail != null, "the run is listed");
            int documents;
            try (var cp = stack.counterpoint.connect(); var s = cp.prepareStatement("SELECT COUNT(*) FROM PS_DOC_HDR");
                 var r = s.executeQuery()) {
                r.next();
                documents = r.getInt(1);
            }
            report.add(String.format("%d orders placed in store C in %.1f s (sandbox checkout, not measured)", bulk,
                    placingSeconds));
            System.out.println("ORDERS BENCHMARK one run took " + seconds + " s; " + documents + " documents");
            report.add(String.format("one orders run: %.1f s for %d orders ingested (run read %d, created %d) and written"
                            + " (%d documents in Counterpoint): %.1f orders/s; run status %s", seconds, bulk,
                    detail.get("itemsRead").asInt(), detail.get("itemsCreated").asInt(), documents, bulk / seconds,
                    detail.get("status").asText()));
            assertTrue(written > 0);
            assertTrue(documents >= bulk, "every order written: " + documents);
        }
        String text = String.join("\n", report);
        System.out.println("ORDERS BENCHMARK\n" + text);
        Files.writeString(Path.of("target", "orders-benchmark.txt"), text + "\n");
    }
}
