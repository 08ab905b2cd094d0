package com.counterlink.sync.catalog;

import com.counterlink.bridge.protocol.operations.Ping;
import com.counterlink.counterpoint.demo.CatalogShape;
import com.counterlink.counterpoint.demo.PriceLevel;
import com.counterlink.counterpoint.demo.StoreSimulator;
import com.counterlink.sync.JobType;
import com.counterlink.sync.RunTrigger;
import com.counterlink.sync.SyncJobRunner;
import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedPostgres;
import com.counterlink.testing.WooStoresFixture;
import com.counterlink.platform.net.OutboundUrlPolicy;
import com.counterlink.woo.WooClient;
import com.counterlink.woo.WooClientConfig;
import com.counterlink.woo.WooCredentials;
import com.counterlink.woo.sandbox.auth.ApiKey;
import com.counterlink.woo.sandbox.auth.KeyPermission;
import com.counterlink.woo.sandbox.fault.FaultConfig;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog benchmark (not part of the normal build: surefire runs only *Test classes unless named):
 * an initial sync of the demo catalog through a real bridge into one sandbox store, the same WooCommerce
 * writes replayed straight at a fresh store, an incremental run with 10 changes, and the latency of a
 * Counterpoint stock change reaching WooCommerce through the bridge's change probe. Prints WooCommerce
 * requests against the minimum number of batches, the time of each run, and peak heaps.
 * Run: {@code ./mvnw -pl backend/service -am verify -Dtest=CatalogSyncBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcatalog.benchmark.items=2000 [-Dcatalog.benchmark.gridded=200 -Dcatalog.benchmark.cells=12]
 * [-Dcatalog.benchmark.latency-samples=20]}
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogSyncBenchmark extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;
    @Inject
    SyncJobRunner runner;
    @Inject
    OutboundUrlPolicy urlPolicy;
    @Inject
    Counterpoint reads;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(WooStoresFixture.backendProperties(PORT));
        properties.put("counterlink.catalog.follow-up-runs", "false");
        // JobRunr stays on for the change-triggered runs of the latency part; the jobs' intervals are switched off
        return properties;
    }

    @Test
    void initialAndIncrementalSync() throws Exception {
        int items = Integer.getInteger("catalog.benchmark.items", 2000);
        long seedStart = System.nanoTime();
        try (CatalogStack stack = CatalogStack.start(server.getURL(), "bench", "Bench", shape(items), 42L, "Bench-1", 1)) {
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            Connection cp = stack.cp;
            ApiClient api = stack.api;
            String token = stack.token();
            String tenant = stack.tenant;
            Store store = stack.store(0);
            withWooLatency(store);
            String site = stack.site(0);
            String storePath = "/api/tenants/" + tenant + "/stores/" + site;
            for (JobType job : JobType.values()) {
                // only the measured runs: no interval run in between
                api.send("PUT", storePath + "/jobs/" + job.name(), token, "{\"enabled\":false,\"intervalSeconds\":86400}");
            }
            api.send("PUT", storePath + "/sync-settings", token, "{\"locations\":[\"MAIN\",\"WEB\"],\"saleSource\":\"PROMOTIONS\"}");
            Catalog catalog = catalog(cp);
            List<String> lines = new ArrayList<>();
            lines.add(String.format("items %d (web %d: %d simple, %d gridded with %d cells); demo seeded and stack started in %.1f s",
                    items, catalog.simple + catalog.gridded, catalog.simple, catalog.gridded, catalog.cells, seedSeconds));
            store.recordWrites();
            long initialStart = System.nanoTime();
            // new products carry their stock and prices, and the first products run hands the feeds' positions to the
            // inventory and pricing jobs: their first runs have nothing to send
            lines.add(measure("initial products", store, () -> run(tenant, site, JobType.PRODUCTS), catalog.minimumBatches()));
            double productsSeconds = (System.nanoTime() - initialStart) / 1e9;
            lines.add(measure("initial inventory", store, () -> run(tenant, site, JobType.INVENTORY), 0));
            lines.add(measure("initial pricing", store, () -> run(tenant, site, JobType.PRICING), 0));
            double initialSeconds = (System.nanoTime() - initialStart) / 1e9;
            List<Store.RecordedWrite> writes = store.recordedWrites();
            lines.add(replay(stack.woo, writes, productsSeconds, initialSeconds));

            StoreSimulator simulator = new StoreSimulator(cp);
            List<String> simple = catalog.simpleItems.subList(0, Math.min(10, catalog.simpleItems.size()));
            for (String itemNo : simple) {
                simulator.changeStock(itemNo, "WEB", BigDecimal.ONE);
                simulator.changePrice(itemNo, PriceLevel.REG_PRC, new BigDecimal("999.99"));
            }
            lines.add(measure("10 changes: inventory", store, () -> run(tenant, site, JobType.INVENTORY), 1));
            lines.add(measure("10 changes: pricing", store, () -> run(tenant, site, JobType.PRICING), 1));
            lines.add(measure("10 changes: products", store, () -> run(tenant, site, JobType.PRODUCTS), 0));

            long syncBridgeHeapMb = reads.read(UUID.fromString(tenant), new Ping()).heapPeakBytes() / (1024 * 1024);
            // the bridge again, now noticing changes by itself every second, with a fresh token: a large catalog's
            // syncs outlast the first one
            stack.refreshToken();
            stack.restartBridge(1);
            reads.read(UUID.fromString(tenant), new Ping());
            awaitChangeBaseline(tenant);
            lines.add(latency(cp, store, catalog.simpleItems, Integer.getInteger("catalog.benchmark.latency-samples", 20)));

            Ping.Result ping = reads.read(UUID.fromString(tenant), new Ping());
            lines.add(String.format("peak heap: test JVM (backend + sandbox stores + test) %d MB; bridge (-Xmx96m) %d MB during the"
                    + " syncs, %d MB during the latency part", peakHeapMb(), syncBridgeHeapMb, ping.heapPeakBytes() / (1024 * 1024)));
            String report = String.join("\n", lines);
            System.out.println("CATALOG BENCHMARK\n" + report);
            Files.writeString(Path.of("target", "catalog-benchmark.txt"), report + "\n");
            assertTrue(store.productsJson().size() >= catalog.simple + catalog.gridded);
        }
    }

    /** The demo's own mix, or with -Dcatalog.benchmark.gridded and -Dcatalog.benchmark.cells exactly that shape, all on the web. */
    private static CatalogShape shape(int items) {
        Integer gridded = Integer.getInteger("catalog.benchmark.gridded");
        Integer cells = Integer.getInteger("catalog.benchmark.cells");
        if (gridded == null && cells == null) {
            return new CatalogShape.DemoMix(items);
        }
        if (gridded == null || cells == null) {
            throw new IllegalArgumentException("-Dcatalog.benchmark.gridded and -Dcatalog.benchmark.cells go together");
        }
        return new CatalogShape.Exact(items, gridded, cells);
    }

    /**
     * -Dcatalog.benchmark.woo-latency-ms: time the sandbox adds to every request. The sandbox answers a
     * 100-item batch in a few milliseconds, far faster than any real WooCommerce; with a latency the
     * ratio to the replay shows the sync's overhead against a store that takes time, as real ones do.
     */
    private static void withWooLatency(Store store) {
        long millis = Long.getLong("catalog.benchmark.woo-latency-ms", 0);
        FaultConfig none = FaultConfig.none();
        store.faults().configure(new FaultConfig(millis, none.rate429(), none.retryAfterSeconds(), none.rate5xx(), none.status5xx(),
                none.timeoutRate(), none.timeoutMillis(), none.seed()));
    }

    /**
     * The initial sync's WooCommerce writes sent again, in order, by the same client straight at a fresh store,
     * against the products run (when WooCommerce has every product, priced and stocked) and against all three runs.
     */
    private String replay(WooStoresFixture woo, List<Store.RecordedWrite> writes, double productsSeconds, double initialSeconds)
            throws java.io.IOException {
        Store fresh = woo.newStore();
        withWooLatency(fresh);
        ApiKey key = fresh.issueKey(KeyPermission.READ_WRITE);
        WooClient client = WooClient.forStore(fresh.siteUrl(), new WooCredentials(key.consumerKey(), key.consumerSecret()),
                WooClientConfig.defaults(), urlPolicy);
        long start = System.nanoTime();
        for (Store.RecordedWrite write : writes) {
            client.post(write.route().substring("/wc/v3/".length()), JSON.readTree(write.body()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format("replay of the initial sync's %d writes straight at a fresh store: %.2f s (sandbox latency per request:"
                        + " %d ms)%n  products run (every product in WooCommerce, priced and stocked) %.2f s = %.2fx the replay;"
                        + " with the inventory and pricing runs that follow %.2f s = %.2fx",
                writes.size(), seconds, Long.getLong("catalog.benchmark.woo-latency-ms", 0), productsSeconds, productsSeconds / seconds,
                initialSeconds, initialSeconds / seconds);
    }

    /**
     * The first change marks a bridge reports are only a baseline, so a change made before they arrive
     * would never start a run: wait until the backend has them.
     */
    private static void awaitChangeBaseline(String tenant) throws Exception {
        Instant until = Instant.now().plusSeconds(60);
        while (SharedPostgres.countAsTenant(tenant, "SELECT COUNT(*) FROM bridges WHERE tenant_id = ? AND stock_changed_at IS NOT NULL",
                UUID.fromString(tenant)) == 0) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("the restarted bridge reported no change marks within 60 s");
            }
            Thread.sleep(200);
        }
    }

    /** Stock changes at WEB, one at a time, until WooCommerce shows them: change probe, trigger, inventory run. */
    private static String latency(Connection cp, Store store, List<String> simpleItems, int samples) throws Exception {
        StoreSimulator simulator = new StoreSimulator(cp);
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String itemNo = simpleItems.get((i * 7919) % simpleItems.size());
            int before = store.productBySku(itemNo).orElseThrow().path("stock_quantity").asInt();
            long start = System.nanoTime();
            simulator.changeStock(itemNo, "WEB", BigDecimal.ONE);
            Instant until = Instant.now().plusSeconds(120);
            while (store.productBySku(itemNo).orElseThrow().path("stock_quantity").asInt() != before + 1) {
                if (Instant.now().isAfter(until)) {
                    throw new AssertionError("the change of " + itemNo + " did not reach WooCommerce within 120 s");
                }
                Thread.sleep(50);
            }
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        return String.format("stock change -> WooCommerce, %d changes one after another: p50 %.2f s, p95 %.2f s, max %.2f s",
                samples, sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), sorted.getLast());
    }

    private static long peakHeapMb() {
        return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

    private void run(String tenant, String site, JobType job) {
        assertTrue(runner.run(UUID.fromString(tenant), UUID.fromString(site), job, RunTrigger.MANUAL).isPresent());
    }

    private static String measure(String what, Store store, Runnable run, long minimumBatches) {
        long requests = store.restRequests();
        long batches = store.batchRequests();
        long start = System.nanoTime();
        run.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format("%-24s %7.2f s  woo requests %5d (batches %5d, minimum batches %5d)", what, seconds,
                store.restRequests() - requests, store.batchRequests() - batches, minimumBatches);
    }

    private record Catalog(int simple, int gridded, long cells, List<Long> cellsPerGridded, List<String> simpleItems) {
        /** What WooCommerce's 100-item batch limit allows: the products, then each variable product's variations. */
        long minimumBatches() {
            long batches = (simple + gridded + 99) / 100;
            for (long c : cellsPerGridded) {
                batches += (c + 99) / 100;
            }
            return batches;
        }
    }

    private static Catalog catalog(Connection cp) throws Exception {
        List<String> simple = new ArrayList<>();
        List<Long> perGridded = new ArrayList<>();
        try (Statement s = cp.createStatement()) {
            try (ResultSet rows = s.executeQuery("SELECT ITEM_NO FROM IM_ITEM WHERE IS_ECOMM_ITEM = 'Y' AND TRK_METH <> 'G' ORDER BY ITEM_NO")) {
                while (rows.next()) {
                    simple.add(rows.getString(1));
                }
            }
            try (ResultSet rows = s.executeQuery("SELECT COUNT(DISTINCT DIM_1_UPR || '|' || DIM_2_UPR || '|' || DIM_3_UPR) FROM IM_INV_CELL c"
                    + " JOIN IM_ITEM i ON i.ITEM_NO = c.ITEM_NO WHERE i.IS_ECOMM_ITEM = 'Y' GROUP BY c.ITEM_NO")) {
                while (rows.next()) {
                    perGridded.add(rows.getLong(1));
                }
            }
        }
        return new Catalog(simple.size(), perGridded.size(), perGridded.stream().mapToLong(Long::longValue).sum(), perGridded, simple);
    }
}
