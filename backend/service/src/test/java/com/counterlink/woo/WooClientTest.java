package com.counterlink.woo;

import com.counterlink.platform.net.OutboundUrlPolicy;
import com.counterlink.woo.sandbox.WooSandbox;
import com.counterlink.woo.sandbox.WooSandboxConfig;
import com.counterlink.woo.sandbox.auth.ApiKey;
import com.counterlink.woo.sandbox.auth.KeyPermission;
import com.counterlink.woo.sandbox.fault.FaultConfig;
import com.counterlink.woo.sandbox.settings.SettingCatalog;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WooCommerce client against the in-process sandbox, including its injected hosting faults. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WooClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OutboundUrlPolicy DEV_POLICY = new OutboundUrlPolicy(true);
    private static final WooClientConfig FAST = WooClientConfig.defaults()
            .withReadTimeout(Duration.ofMillis(800))
            .withBackoff(Duration.ofMillis(20), Duration.ofSeconds(3))
            .withMaxAttempts(8);

    WooSandbox sandbox;

    @BeforeAll
    void start() {
        sandbox = WooSandbox.start(WooSandboxConfig.builder().webhookDelay(Duration.ofMillis(-1)).build());
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private Store newStore() {
        return sandbox.createStore("c" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static WooClient client(Store store, ApiKey key, WooClientConfig config) {
        return WooClient.forStore(store.siteUrl(), new WooCredentials(key.consumerKey(), key.consumerSecret()), config, DEV_POLICY);
    }

    private static WooClient client(Store store) {
        return client(store, store.issueKey(KeyPermission.READ_WRITE), FAST);
    }

    private static ObjectNode product(String sku) {
        ObjectNode p = JSON.createObjectNode();
        p.put("name", "Item " + sku);
        p.put("sku", sku);
        p.put("regular_price", "9.99");
        p.put("status", "draft");
        return p;
    }

    @Test
    void plainHttpStoresAreCalledWithOAuthAndPagedAHundredAtMost() {
        Store store = newStore();
        WooClient woo = client(store);
        WooBatch batch = new WooBatch();
        for (int i = 0; i < 5; i++) {
            batch.create(product("PAGE-" + i));
        }
        assertTrue(woo.batch("products", batch).allOk());

        WooPage first = woo.list("products", Map.of(), 1, 2);
        assertEquals(5, first.total());
        assertEquals(3, first.totalPages());
        assertEquals(2, first.items().size());
        assertTrue(first.hasNext());
        assertEquals(5, woo.listAll("products", Map.of()).size());
        assertThrows(IllegalArgumentException.class, () -> woo.list("products", Map.of(), 1, 101));
        assertEquals("PAGE-3", woo.findBySku("PAGE-3").orElseThrow().path("sku").asText());
        assertTrue(woo.findBySku("NOPE").isEmpty());
    }

    @Test
    void httpsStoresAreCalledWithBasicAuth() {
        Store store = newStore();
        store.setOptions(store.options().withTreatAsHttps(true));
        ApiKey key = store.issueKey(KeyPermission.READ);
        WooClient woo = new WooClient(URI.create(store.siteUrl()),
                new WooAuth.Basic(new WooCredentials(key.consumerKey(), key.consumerSecret())), FAST,
                WooTransport.jdk(Duration.ofSeconds(2)), DEV_POLICY);
        assertEquals("USD", woo.get("settings/general/woocommerce_currency").path("value").asText());
    }

    @Test
    void aStoreCalledByAnotherNameThanItsOwnIsSignedWithItsOwnAddress() {
        Store store = newStore();
        ApiKey key = store.issueKey(KeyPermission.READ_WRITE);
        WooCredentials credentials = new WooCredentials(key.consumerKey(), key.consumerSecret());
        String otherName = store.siteUrl().replace("127.0.0.1", "localhost");

        WooClient unaware = WooClient.forStore(otherName, credentials, FAST, DEV_POLICY);
        WooException refused = assertThrows(WooException.class, () -> unaware.get("products"));
        assertEquals(WooErrorCode.WOO_AUTH_FAILED, refused.code());
        assertEquals("Invalid signature - provided signature does not match.", refused.storeMessage());
        assertTrue(refused.advice().contains("Site Address in WordPress > Settings > General"), refused.advice());
        assertTrue(refused.getMessage().endsWith(refused.advice()), "run histories show the advice: " + refused.getMessage());

        WooClient aware = WooClient.forStore(otherName, store.siteUrl(), credentials, FAST, DEV_POLICY);
        assertEquals(otherName, aware.storeUrl().toString(), "still calls the address entered");
        aware.post("products", product("OWN-1"));
        assertEquals("OWN-1", aware.findBySku("OWN-1").orElseThrow().path("sku").asText());

        WooClient wrongSecret = WooClient.forStore(otherName, store.siteUrl(),
                new WooCredentials(key.consumerKey(), "cs_wrong"), FAST, DEV_POLICY);
        WooException stillRefused = assertThrows(WooException.class, () -> wrongSecret.get("products"));
        assertTrue(stillRefused.advice().startsWith("WooCommerce calls this site " + store.siteUrl() + ", not " + otherName),
                stillRefused.advice());
    }

    @Test
    void theSignedUrlIsTheStoresOwnAddressWithTheRequestPathUnderIt() {
        WooCredentials credentials = new WooCredentials("ck_x", "cs_y");
        WooAuth.OAuth1 root = new WooAuth.OAuth1(credentials, Clock.systemUTC(), URI.create("http://127.0.0.1:8881"));
        assertEquals(URI.create("http://127.0.0.1:8881/wp-json/wc/v3/products"),
                root.signedUrl(URI.create("http://localhost:8881/wp-json/wc/v3/products")));
        WooAuth.OAuth1 inFolder = new WooAuth.OAuth1(credentials, Clock.systemUTC(), URI.create("https://Shop.example.com/store/"));
        assertEquals(URI.create("http://Shop.example.com/store/wp-json/wc/v3/products"),
                inFolder.signedUrl(URI.create("http://www.shop.example.com/store/wp-json/wc/v3/products")),
                "the scheme the request is sent in, the home's host as WordPress spells it, its folder once");
        assertEquals(URI.create("http://Shop.example.com/store/wp-json/wc/v3/products"),
                inFolder.signedUrl(URI.create("http://shop.example.com/wp-json/wc/v3/products")));
        WooAuth.OAuth1 unknown = new WooAuth.OAuth1(credentials, Clock.systemUTC());
        URI asCalled = URI.create("http://localhost:8881/wp-json/wc/v3/products");
        assertEquals(asCalled, unknown.signedUrl(asCalled));
    }

    @Test
    void wordPressesRestIndexNamesTheSitesOwnAddressWithoutKeys() {
        Store store = newStore();
        WooClient anonymous = WooClient.anonymous(store.siteUrl().replace("127.0.0.1", "localhost"), FAST, DEV_POLICY);
        JsonNode index = anonymous.restIndex();
        assertEquals(store.siteUrl(), index.path("home").asText());
        assertEquals(store.name(), index.path("name").asText());
        assertFalse(index.has("namespaces"), "only the fields asked for: " + index);
        assertEquals(WooErrorCode.WOO_AUTH_FAILED, assertThrows(WooException.class, () -> anonymous.get("products")).code());
    }

    @Test
    void wooCommerceErrorsKeepTheirCodeAndMessage() {
        Store store = newStore();
        ApiKey key = store.issueKey(KeyPermission.READ_WRITE);
        WooClient wrongSecret = client(store, new ApiKey(0, 0, "x", KeyPermission.READ_WRITE, key.consumerKey(), "cs_wrong"), FAST);
        WooException auth = assertThrows(WooException.class, () -> wrongSecret.get("products"));
        assertEquals(WooErrorCode.WOO_AUTH_FAILED, auth.code());
        assertEquals(401, auth.httpStatus());
        assertEquals("woocommerce_rest_authentication_error", auth.wooCode());

        WooClient readOnly = client(store, store.issueKey(KeyPermission.READ), FAST);
        WooException write = assertThrows(WooException.class, () -> readOnly.post("products", product("RO-1")));
        assertEquals(WooErrorCode.WOO_PERMISSION_DENIED, write.code());
        assertTrue(write.getMessage().contains("write"), write.getMessage());

        WooClient woo = client(store);
        WooException missing = assertThrows(WooException.class, () -> woo.get("products/999999"));
        assertEquals(WooErrorCode.WOO_NOT_FOUND, missing.code());
        assertTrue(missing.wooCode().endsWith("_invalid_id"), missing.wooCode());
    }

    @Test
    void aBatchAnswering200StillReportsEachFailedItem() {
        Store store = newStore();
        WooClient woo = client(store);
        woo.post("products", product("DUP-1"));
        WooBatch.Result result = woo.batch("products", new WooBatch().create(product("NEW-1")).create(product("DUP-1")));
        assertEquals(1, result.failures().size());
        WooBatch.ItemResult failed = result.failures().get(0);
        assertEquals(WooErrorCode.WOO_DUPLICATE_SKU, failed.error().code());
        assertTrue(failed.error().existingResourceId() > 0);
        assertTrue(result.items().stream().anyMatch(i -> i.ok() && i.resource().path("sku").asText().equals("NEW-1")));

        WooBatch tooBig = new WooBatch();
        for (int i = 0; i <= WooBatch.MAX_ITEMS; i++) {
            tooBig.delete(i + 1);
        }
        assertEquals(WooErrorCode.WOO_BATCH_TOO_LARGE, assertThrows(WooException.class, () -> woo.batch("products", tooBig)).code());
    }

    @Test
    void a429IsRetriedAfterTheServersRetryAfter() {
        Store store = newStore();
        WooClient woo = client(store);
        store.faults().configure(new FaultConfig(0, 0, 1, 0, 503, 0, 30_000, 1));
        store.faults().failNext(429, 503);
        long started = System.nanoTime();
        assertTrue(woo.get("products").isArray());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 1000, "Retry-After: 1 was not honoured");
    }

    @Test
    void aPostIsNeverRetriedBlindly() {
        Store store = newStore();
        WooClient woo = client(store);
        store.faults().failNext(503);
        WooException e = assertThrows(WooException.class, () -> woo.post("products", product("ONCE-1")));
        assertEquals(WooErrorCode.WOO_UNAVAILABLE, e.code());
        assertEquals(0, store.productsJson().size());
    }

    @Test
    void injected429s5xxAndTimeoutsNeverDuplicateCreates() {
        Store store = newStore();
        WooClient woo = client(store);
        store.faults().configure(new FaultConfig(0, 0.2, 0, 0.15, 502, 0.1, 1500, 7));
        for (int i = 0; i < 12; i++) {
            woo.createBySku("products", product("FLAKY-" + i));
        }
        WooBatch batch = new WooBatch();
        for (int i = 0; i < 10; i++) {
            batch.create(product("FLAKY-B" + i));
        }
        assertTrue(woo.batch("products", batch).allOk());
        store.faults().clear();

        List<ObjectNode> products = store.productsJson();
        Set<String> skus = new HashSet<>();
        products.forEach(p -> skus.add(p.path("sku").asText()));
        assertEquals(22, products.size(), "duplicates or losses: " + skus);
        assertEquals(22, skus.size());
    }

    @Test
    void aCreateWhoseResponseWasLostIsAdoptedNotRepeated() {
        Store store = newStore();
        ApiKey key = store.issueKey(KeyPermission.READ_WRITE);
        WooTransport real = WooTransport.jdk(Duration.ofSeconds(2));
        AtomicBoolean lost = new AtomicBoolean();
        // the store applies the first POST, but its answer never arrives (a proxy timeout)
        WooTransport losing = (method, uri, headers, body, timeout, max) -> {
            var response = real.send(method, uri, headers, body, timeout, max);
            if (method.equals("POST") && lost.compareAndSet(false, true)) {
                throw new HttpTimeoutException("request timed out");
            }
            return response;
        };
        WooClient woo = new WooClient(URI.create(store.siteUrl()),
                WooAuth.forStore(URI.create(store.siteUrl()), new WooCredentials(key.consumerKey(), key.consumerSecret()), Clock.systemUTC()),
                FAST, losing, DEV_POLICY);

        WooClient.Created created = woo.createBySku("products", product("LOST-1"));
        assertTrue(created.adopted());
        assertEquals(1, store.productsJson().size());

        lost.set(false);
        WooBatch batch = new WooBatch().create(product("LOST-B1")).create(product("LOST-B2"));
        WooBatch.Result result = woo.batch("products", batch);
        assertTrue(result.allOk());
        assertEquals(2, result.items().size());
        assertEquals(3, store.productsJson().size());
    }

    @Test
    void oversizedResponsesAreRefused() {
        Store store = newStore();
        WooClient woo = client(store);
        woo.post("products", product("BIG-1"));
        WooClient small = client(store, store.issueKey(KeyPermission.READ), FAST.withMaxResponseBytes(200));
        assertEquals(WooErrorCode.WOO_RESPONSE_TOO_LARGE, assertThrows(WooException.class, () -> small.get("products")).code());
    }

    @Test
    void manageStockIsFalseWhenTheStoreDoesNotManageStockAndMayBeParent() throws Exception {
        Store store = newStore();
        WooClient woo = client(store);
        JsonNode managed = woo.post("products", product("STOCK-1").put("manage_stock", true).put("stock_quantity", 3));
        assertEquals(ManageStock.YES, ManageStock.of(managed));
        store.setOption(SettingCatalog.MANAGE_STOCK, "no");
        assertEquals(ManageStock.NO, ManageStock.of(woo.get("products/" + managed.path("id").asLong())));
        assertEquals(ManageStock.PARENT, ManageStock.of(JSON.readTree("{\"manage_stock\":\"parent\"}")));
        assertFalse(ManageStock.of(JSON.readTree("{}")) == ManageStock.YES);
    }
}
