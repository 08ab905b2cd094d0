package com.counterlink.sync.catalog;

import com.counterlink.counterpoint.demo.CounterpointDemoServer;
import com.counterlink.counterpoint.demo.DemoServerOptions;
import com.counterlink.counterpoint.demo.PriceLevel;
import com.counterlink.counterpoint.demo.StoreSimulator;
import com.counterlink.sync.JobType;
import com.counterlink.sync.RunTrigger;
import com.counterlink.sync.SyncJobRunner;
import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedKeycloak;
import com.counterlink.testing.WooStoresFixture;
import com.counterlink.woo.sandbox.store.Store;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog benchmark (not part of the normal build): an initial sync of the demo catalog through a
 * real bridge into one sandbox store, then an incremental run with 10 changes. Prints WooCommerce
 * requests against the minimum number of batches, and the time of each run.
 * Run: {@code ./mvnw -pl backend/service -am verify -Dtest=CatalogSyncBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcatalog.benchmark.items=2000}
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogSyncBenchmark extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();

    @Inject
    EmbeddedServer server;
    @Inject
    SyncJobRunner runner;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(WooStoresFixture.backendProperties(PORT));
        properties.put("counterlink.catalog.follow-up-runs", "false");
        // only the measured runs: no interval runs in between
        properties.put("jobrunr.background-job-server.enabled", "false");
        return properties;
    }

    @Test
    void initialAndIncrementalSync() throws Exception {
        int items = Integer.getInteger("catalog.benchmark.items", 2000);
        Path work = Files.createTempDirectory("catalog-bench");
        long seedStart = System.nanoTime();
        try (CounterpointDemoServer counterpoint = CounterpointDemoServer.start(new DemoServerOptions(0, items, work.resolve("cp"),
                "counterpoint", 42L, "sa", "Bench-1"));
             Connection cp = counterpoint.connect();
             WooStoresFixture woo = new WooStoresFixture()) {
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            ApiClient api = new ApiClient(server.getURL());
            String token = SharedKeycloak.token(SharedKeycloak.createUser("bench"));
            String tenant = WooStoresFixture.newTenant(api, token, "Bench");
            Store store = woo.newStore();
            String site = WooStoresFixture.link(api, token, tenant, store);
            Process bridge = RealBridge.enrollAndRun(api, token, tenant, server.getURL(), counterpoint, "Bench-1", work);
            try {
                api.send("PUT", "/api/tenants/" + tenant + "/stores/" + site + "/sync-settings", token,
                        "{\"locations\":[\"MAIN\",\"WEB\"],\"saleSource\":\"PROMOTIONS\"}");
                Catalog catalog = catalog(cp);
                List<String> lines = new ArrayList<>();
                lines.add(String.format("items %d (web %d: %d simple, %d gridded with %d cells); demo seeded in %.1f s",
                        items, catalog.simple + catalog.gridded, catalog.simple, catalog.gridded, catalog.cells, seedSeconds));
                lines.add(measure("initial products", store, () -> run(tenant, site, JobType.PRODUCTS),
                        catalog.minimumBatches(true)));
                lines.add(measure("initial inventory", store, () -> run(tenant, site, JobType.INVENTORY), catalog.minimumBatches(false)));
                lines.add(measure("initial pricing", store, () -> run(tenant, site, JobType.PRICING), catalog.minimumBatches(false)));
                StoreSimulator simulator = new StoreSimulator(cp);
                List<String> simple = catalog.simpleItems.subList(0, Math.min(10, catalog.simpleItems.size()));
                for (String itemNo : simple) {
                    simulator.changeStock(itemNo, "WEB", BigDecimal.ONE);
                    simulator.changePrice(itemNo, PriceLevel.REG_PRC, new BigDecimal("999.99"));
                }
                lines.add(measure("10 changes: inventory", store, () -> run(tenant, site, JobType.INVENTORY), 1));
                lines.add(measure("10 changes: pricing", store, () -> run(tenant, site, JobType.PRICING), 1));
                lines.add(measure("10 changes: products", store, () -> run(tenant, site, JobType.PRODUCTS), 0));
                lines.add(String.format("peak heap of the test JVM (backend + sandbox store + test): %d MB; the bridge ran with -Xmx96m",
                        peakHeapMb()));
                String report = String.join("\n", lines);
                System.out.println("CATALOG BENCHMARK\n" + report);
                Files.writeString(Path.of("target", "catalog-benchmark.txt"), report + "\n");
                assertTrue(store.productsJson().size() >= catalog.simple + catalog.gridded);
            } finally {
                bridge.destroyForcibly().waitFor();
            }
        }
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
        long minimumBatches(boolean withParents) {
            long batches = withParents ? (simple + gridded + 99) / 100 : (simple + 99) / 100;
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
