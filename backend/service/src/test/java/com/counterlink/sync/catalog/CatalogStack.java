package com.counterlink.sync.catalog;

import com.counterlink.counterpoint.demo.CatalogShape;
import com.counterlink.counterpoint.demo.CounterpointDemoServer;
import com.counterlink.counterpoint.demo.DemoServerOptions;
import com.counterlink.testing.ApiClient;
import com.counterlink.testing.SharedKeycloak;
import com.counterlink.testing.WooStoresFixture;
import com.counterlink.woo.sandbox.store.Store;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * A company with sandbox stores linked to the backend, one demo Counterpoint and a real bridge process
 * enrolled against it (change probe off: each test starts its runs, or restarts the bridge with a probe):
 * what the catalog end-to-end tests and the catalog benchmark stand on. Closing it stops all of them.
 */
final class CatalogStack implements AutoCloseable {

    final Path work;
    final CounterpointDemoServer counterpoint;
    /** A connection to the demo Counterpoint, for the test's own reads and changes. */
    final Connection cp;
    final WooStoresFixture woo;
    final ApiClient api;
    final String tenant;
    final List<Store> stores = new ArrayList<>();
    final List<String> sites = new ArrayList<>();
    private final SharedKeycloak.TestUser person;
    private String token;
    private Process bridge;

    private CatalogStack(URL server, String user, String company, CatalogShape shape, long seed, String cpPassword, int storeCount,
                         boolean oddItems) throws Exception {
        work = Files.createTempDirectory("catalog-stack");
        counterpoint = CounterpointDemoServer.start(new DemoServerOptions(0, shape, work.resolve("cp"), "counterpoint", seed, "sa",
                cpPassword, oddItems));
        cp = counterpoint.connect();
        woo = new WooStoresFixture();
        api = new ApiClient(server);
        person = SharedKeycloak.createUser(user);
        token = SharedKeycloak.token(person);
        tenant = WooStoresFixture.newTenant(api, token, company);
        for (int i = 0; i < storeCount; i++) {
            Store store = woo.newStore();
            stores.add(store);
            sites.add(WooStoresFixture.link(api, token, tenant, store));
        }
        bridge = RealBridge.enrollAndRun(api, token, tenant, server, counterpoint, cpPassword, work);
    }

    /** The demo Counterpoint with this catalog shape, {@code storeCount} linked stores and the bridge, all started. */
    static CatalogStack start(URL server, String user, String company, CatalogShape shape, long seed, String cpPassword,
                              int storeCount) throws Exception {
        return new CatalogStack(server, user, company, shape, seed, cpPassword, storeCount, false);
    }

    /** The demo's own mix of {@code items} items and, beside them, the demo's odd items (its option --odd-items). */
    static CatalogStack startWithOddItems(URL server, String user, String company, int items, long seed, String cpPassword,
                                          int storeCount) throws Exception {
        return new CatalogStack(server, user, company, new CatalogShape.DemoMix(items), seed, cpPassword, storeCount, true);
    }

    static CatalogStack start(URL server, String user, String company, int items, long seed, String cpPassword, int storeCount)
            throws Exception {
        return start(server, user, company, new CatalogShape.DemoMix(items), seed, cpPassword, storeCount);
    }

    /** The person's access token (a fresh one after {@link #refreshToken}). */
    String token() {
        return token;
    }

    /** A new access token: the first one expires during long runs. */
    String refreshToken() {
        token = SharedKeycloak.token(person);
        return token;
    }

    Store store(int index) {
        return stores.get(index);
    }

    String site(int index) {
        return sites.get(index);
    }

    String storePath(int index) {
        return "/api/tenants/" + tenant + "/stores/" + sites.get(index);
    }

    /** Stops the bridge and runs it again, now with its change probe every {@code probeSeconds} (0: off). */
    void restartBridge(int probeSeconds) throws Exception {
        stopBridge();
        bridge = RealBridge.run(api, token, tenant, work, probeSeconds);
    }

    void stopBridge() throws InterruptedException {
        if (bridge != null) {
            bridge.destroyForcibly().waitFor();
            bridge = null;
        }
    }

    @Override
    public void close() throws Exception {
        stopBridge();
        cp.close();
        counterpoint.close();
        woo.close();
    }
}
