package com.counterlink.sync.catalog;

import com.counterlink.counterpoint.demo.CounterpointDemoServer;
import com.counterlink.counterpoint.demo.DemoServerOptions;
import com.counterlink.sync.JobType;
import com.counterlink.sync.RunTrigger;
import com.counterlink.sync.SyncJobRunner;
import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedKeycloak;
import com.counterlink.testing.WooStoresFixture;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A products run that creates items starts the store's inventory and pricing runs at once (follow-up
 * runs, on by default), so new products are stocked and priced without waiting for the intervals.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogFollowUpRunsTest extends BackendTest {

    static final int PORT = WooStoresFixture.freePort();

    @Inject
    EmbeddedServer server;
    @Inject
    SyncJobRunner runner;

    @Override
    protected java.util.Map<String, String> extraProperties() {
        return WooStoresFixture.backendProperties(PORT);
    }

    @Test
    void newProductsGetTheirStockAndPricesFromFollowUpRunsAtOnce() throws Exception {
        Path work = Files.createTempDirectory("catalog-follow-up");
        try (CounterpointDemoServer counterpoint = CounterpointDemoServer.start(new DemoServerOptions(0, 30, work.resolve("cp"),
                "counterpoint", 7L, "sa", "Follow-1"));
             Connection cp = counterpoint.connect();
             WooStoresFixture woo = new WooStoresFixture()) {
            ApiClient api = new ApiClient(server.getURL());
            String token = SharedKeycloak.token(SharedKeycloak.createUser("follow"));
            String tenant = WooStoresFixture.newTenant(api, token, "Follow-up Traders");
            Store store = woo.newStore();
            String site = WooStoresFixture.link(api, token, tenant, store);
            Process bridge = RealBridge.enrollAndRun(api, token, tenant, server.getURL(), counterpoint, "Follow-1", work);
            try {
                // intervals long enough that only the follow-up runs can stock and price the products in time
                for (String job : List.of("PRODUCTS", "INVENTORY", "PRICING")) {
                    assertEquals(200, api.send("PUT", "/api/tenants/" + tenant + "/stores/" + site + "/jobs/" + job, token,
                            "{\"enabled\":true,\"intervalSeconds\":86400}").status());
                }
                assertEquals(200, api.send("PUT", "/api/tenants/" + tenant + "/stores/" + site + "/sync-settings", token,
                        "{\"locations\":[\"WEB\"]}").status());
                String itemNo = firstSimpleWebItem(cp);

                assertTrue(runner.run(UUID.fromString(tenant), UUID.fromString(site), JobType.PRODUCTS, RunTrigger.MANUAL).isPresent(),
                        "no other products run holds the store's lock");
                JsonNode created = store.productBySku(itemNo).orElseThrow();
                assertEquals("", created.get("regular_price").asText(), "the products run itself sends no price");

                BigDecimal available = decimal(cp, "SELECT QTY_AVAIL FROM IM_INV WHERE ITEM_NO = ? AND LOC_ID = 'WEB'", itemNo);
                String regular = decimal(cp, "SELECT REG_PRC FROM IM_PRC WHERE ITEM_NO = ?", itemNo)
                        .setScale(2, RoundingMode.HALF_UP).toPlainString();
                Instant until = Instant.now().plusSeconds(60);
                JsonNode product = created;
                while (Instant.now().isBefore(until) && !(product.path("manage_stock").asBoolean()
                        && regular.equals(product.path("regular_price").asText()))) {
                    Thread.sleep(250);
                    product = store.productBySku(itemNo).orElseThrow();
                }
                assertTrue(product.get("manage_stock").asBoolean(), "the follow-up inventory run switched stock management on: " + product);
                assertEquals(Math.max(0, available.setScale(0, RoundingMode.FLOOR).intValue()), product.get("stock_quantity").asInt());
                assertEquals(regular, product.get("regular_price").asText(), "the follow-up pricing run priced it");

                JsonNode runs = api.get("/api/tenants/" + tenant + "/stores/" + site + "/runs", token).json();
                List<String> triggered = new ArrayList<>();
                runs.forEach(r -> triggered.add(r.path("jobType").asText() + "/" + r.path("runTrigger").asText()));
                assertTrue(triggered.contains("INVENTORY/CHANGE") && triggered.contains("PRICING/CHANGE"),
                        "recorded as runs of their own: " + triggered);
            } finally {
                bridge.destroyForcibly().waitFor();
            }
        }
    }

    private static String firstSimpleWebItem(Connection cp) throws Exception {
        try (PreparedStatement s = cp.prepareStatement("SELECT MIN(i.ITEM_NO) FROM IM_ITEM i JOIN IM_INV v ON v.ITEM_NO = i.ITEM_NO"
                + " AND v.LOC_ID = 'WEB' JOIN IM_PRC p ON p.ITEM_NO = i.ITEM_NO WHERE i.IS_ECOMM_ITEM = 'Y' AND i.TRK_METH = 'N'"
                + " AND p.REG_PRC > 0"); ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static BigDecimal decimal(Connection cp, String sql, String itemNo) throws Exception {
        try (PreparedStatement s = cp.prepareStatement(sql)) {
            s.setString(1, itemNo);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getBigDecimal(1);
            }
        }
    }
}
