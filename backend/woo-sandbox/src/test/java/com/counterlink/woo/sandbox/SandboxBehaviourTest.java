package com.counterlink.woo.sandbox;

import com.counterlink.woo.sandbox.auth.ApiKey;
import com.counterlink.woo.sandbox.auth.KeyPermission;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.store.StoreOptions;
import com.counterlink.woo.sandbox.webhook.WebhookDelivery;
import com.counterlink.woo.sandbox.webhook.WebhookSignature;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxBehaviourTest {
    private WooSandbox sandbox;
    private RecordingListener listener;

    @BeforeAll
    void start() throws Exception {
        // Deliveries only on flush, so failure counting is deterministic.
        sandbox = WooSandbox.start(WooSandboxConfig.builder().webhookDelay(Duration.ofMillis(-1)).webhookTimeout(Duration.ofSeconds(5)).build());
        listener = new RecordingListener();
    }

    @AfterAll
    void stop() {
        listener.close();
        sandbox.close();
    }

    private static String productBody(String sku, int qty) {
        return "{\"name\":\"Item " + sku + "\",\"regular_price\":\"10.00\",\"sku\":\"" + sku + "\",\"manage_stock\":true,\"stock_quantity\":" + qty + "}";
    }

    private static HttpResponse<String> post(Store s, ApiKey k, String route, String body) throws Exception {
        return SandboxClient.send("POST", s.apiUrl() + route, body, SandboxClient.basic(k.consumerKey(), k.consumerSecret(), true));
    }

    @Test
    void productsWithTheSameNameGetNumberedSlugsAndADeletedProductsSlugIsFreeAgain() throws Exception {
        Store s = sandbox.createStore("slugs");
        ApiKey k = s.issueKey(KeyPermission.READ_WRITE);
        String body = "{\"name\":\"Classic Tee\",\"regular_price\":\"10.00\"}";
        JsonNode first = SandboxClient.json(post(s, k, "/products", body));
        JsonNode second = SandboxClient.json(post(s, k, "/products", body));
        JsonNode third = SandboxClient.json(post(s, k, "/products", body));
        assertEquals("classic-tee", first.get("slug").asText());
        assertEquals("classic-tee-2", second.get("slug").asText());
        assertEquals("classic-tee-3", third.get("slug").asText());

        HttpResponse<String> deleted = SandboxClient.send("DELETE", s.apiUrl() + "/products/" + first.get("id").asLong() + "?force=true",
                null, SandboxClient.basic(k.consumerKey(), k.consumerSecret(), true));
        assertEquals(200, deleted.statusCode());
        assertEquals("classic-tee", SandboxClient.json(post(s, k, "/products", body)).get("slug").asText());
        HttpResponse<String> renamed = SandboxClient.send("PUT", s.apiUrl() + "/products/" + second.get("id").asLong(),
                "{\"slug\":\"classic-tee-3\"}", SandboxClient.basic(k.consumerKey(), k.consumerSecret(), true));
        assertEquals("classic-tee-3-2", SandboxClient.json(renamed).get("slug").asText());
    }

    @Test
    void aSkuIsTakenUntilItsProductChangesItOrIsDeleted() throws Exception {
        Store s = sandbox.createStore("skus");
        ApiKey k = s.issueKey(KeyPermission.READ_WRITE);
        Map<String, String> auth = SandboxClient.basic(k.consumerKey(), k.consumerSecret(), true);
        long first = SandboxClient.json(post(s, k, "/products", productBody("S-1", 1))).get("id").asLong();
        HttpResponse<String> duplicate = post(s, k, "/products", productBody("S-1", 1));
        assertEquals(400, duplicate.statusCode());
        assertEquals("product_invalid_sku", SandboxClient.json(duplicate).get("code").asText());

        assertEquals(200, SandboxClient.send("PUT", s.apiUrl() + "/products/" + first, "{\"sku\":\"S-2\"}", auth).statusCode());
        assertEquals(201, post(s, k, "/products", productBody("S-1", 1)).statusCode());
        assertEquals(400, post(s, k, "/products", productBody("S-2", 1)).statusCode());

        assertEquals(200, SandboxClient.send("DELETE", s.apiUrl() + "/products/" + first + "?force=true", null, auth).statusCode());
        assertEquals(201, post(s, k, "/products", productBody("S-2", 1)).statusCode());
    }

    @Test
    void oauth1SignaturesAreCheckedOverPlainHttp() throws Exception {
        Store s = sandbox.createStore("oauth");
        ApiKey key = s.issueKey(KeyPermission.READ_WRITE);
        String url = s.apiUrl() + "/products";
        long now = s.clock().now().getEpochSecond();

        Map<String, String> good = new LinkedHashMap<>(Map.of("per_page", "5"));
        SandboxClient.signOAuth("GET", url, good, key.consumerKey(), key.consumerSecret(), "HMAC-SHA1", now, "n1");
        assertEquals(200, SandboxClient.send("GET", url + "?" + SandboxClient.query(good), null, Map.of()).statusCode());

        HttpResponse<String> replay = SandboxClient.send("GET", url + "?" + SandboxClient.query(good), null, Map.of());
        assertEquals(401, replay.statusCode());
        assertEquals("Invalid nonce - nonce has already been used.", SandboxClient.json(replay).get("message").asText());

        Map<String, String> bad = new LinkedHashMap<>(Map.of("per_page", "5"));
        SandboxClient.signOAuth("GET", url, bad, key.consumerKey(), "cs_wrong", "HMAC-SHA256", now, "n2");
        HttpResponse<String> badResp = SandboxClient.send("GET", url + "?" + SandboxClient.query(bad), null, Map.of());
        assertEquals(401, badResp.statusCode());
        assertEquals("Invalid signature - provided signature does not match.", SandboxClient.json(badResp).get("message").asText());
        assertTrue(badResp.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="));

        Map<String, String> stale = new LinkedHashMap<>();
        SandboxClient.signOAuth("GET", url, stale, key.consumerKey(), key.consumerSecret(), "HMAC-SHA256", now - 3600, "n3");
        assertEquals("Invalid timestamp.", SandboxClient.json(SandboxClient.send("GET", url + "?" + SandboxClient.query(stale), null, Map.of())).get("message").asText());
    }

    @Test
    void basicAuthOnlyCountsWhenTheRequestIsTreatedAsHttps() throws Exception {
        Store s = sandbox.createStore("basic");
        ApiKey key = s.issueKey(KeyPermission.READ_WRITE);
        HttpResponse<String> plain = SandboxClient.send("GET", s.apiUrl() + "/products", null, SandboxClient.basic(key.consumerKey(), key.consumerSecret(), false));
        assertEquals(401, plain.statusCode());
        assertEquals("woocommerce_rest_cannot_view", SandboxClient.json(plain).get("code").asText());
        assertEquals(200, SandboxClient.send("GET", s.apiUrl() + "/products", null, SandboxClient.basic(key.consumerKey(), key.consumerSecret(), true)).statusCode());
        s.setOptions(s.options().withTreatAsHttps(true));
        assertEquals(200, SandboxClient.send("GET", s.apiUrl() + "/products", null, SandboxClient.basic(key.consumerKey(), key.consumerSecret(), false)).statusCode());
        HttpResponse<String> qs = SandboxClient.send("GET", s.apiUrl() + "/products?consumer_key=" + key.consumerKey() + "&consumer_secret=" + key.consumerSecret(), null, Map.of());
        assertEquals(200, qs.statusCode());
    }

    @Test
    void webhookSignatureVerifiesAndRepeatedFailuresDisableTheWebhook() throws Exception {
        Store s = sandbox.createStore("hooks");
        ApiKey key = s.issueKey(KeyPermission.READ_WRITE);
        long productId = SandboxClient.json(post(s, key, "/products", productBody("HOOK-1", 5))).get("id").asLong();
        String hook = "{\"name\":\"p\",\"topic\":\"product.updated\",\"delivery_url\":\"" + listener.url() + "/hook\",\"secret\":\"s3cret\"}";
        long hookId = SandboxClient.json(post(s, key, "/webhooks", hook)).get("id").asLong();
        listener.clear();

        post(s, key, "/products/" + productId, "{\"stock_quantity\":4}");
        post(s, key, "/products/" + productId, "{\"stock_quantity\":3}");
        assertEquals(1, s.webhookDispatcher().flush(), "updates to one resource coalesce into one pending delivery");
        RecordingListener.Received d = listener.next(2000);
        assertNotNull(d);
        assertEquals(WebhookSignature.sign(d.body(), "s3cret"), d.header("X-WC-Webhook-Signature"));
        assertEquals(3, SandboxClient.JSON.readTree(d.body()).get("stock_quantity").asInt(), "payload built at delivery time");

        listener.respondWith(r -> 500);
        try {
            for (int i = 0; i < 7; i++) {
                post(s, key, "/products/" + productId, "{\"stock_quantity\":" + i + "}");
                s.webhookDispatcher().flush();
            }
        } finally {
            listener.respondWith(r -> 200);
        }
        JsonNode w = SandboxClient.json(SandboxClient.send("GET", s.apiUrl() + "/webhooks/" + hookId, null, SandboxClient.basic(key.consumerKey(), key.consumerSecret(), true)));
        assertEquals("disabled", w.get("status").asText(), "7th consecutive failure disables (failure_count > 5)");
        long failures = s.webhookDeliveries().stream().filter(x -> !x.ping() && !x.success()).count();
        assertEquals(7, failures);
        post(s, key, "/products/" + productId, "{\"stock_quantity\":9}");
        assertEquals(0, s.webhookDispatcher().flush(), "a disabled webhook queues nothing");
    }

    @Test
    void appAuthorizationFlowEndToEnd() throws Exception {
        Store s = sandbox.createStore("wcauth", StoreOptions.defaults().withAllowInsecureCallbacks(true));
        RecordingListener callback = new RecordingListener();
        try {
            String q = "app_name=Connector&scope=read&user_id=u-1&return_url=" + SandboxClient.enc(callback.url() + "/return")
                    + "&callback_url=" + SandboxClient.enc(callback.url() + "/cb");
            HttpResponse<String> page = SandboxClient.send("GET", s.baseUrl() + "/wc-auth/v1/authorize?" + q, null, Map.of());
            Matcher deny = Pattern.compile("<a href=\"([^\"]+)\" class=\"button wc-auth-deny\">").matcher(page.body());
            assertTrue(deny.find());
            assertEquals(callback.url() + "/return?success=0&user_id=u-1", deny.group(1).replace("&#038;", "&"));

            Matcher approve = Pattern.compile("<a href=\"([^\"]+)\" class=\"button button-primary wc-auth-approve\">").matcher(page.body());
            assertTrue(approve.find());
            HttpResponse<String> ok = SandboxClient.send("GET", approve.group(1).replace("&#038;", "&"), null, Map.of());
            assertEquals(302, ok.statusCode());
            JsonNode keys = SandboxClient.JSON.readTree(callback.next(2000).body());
            assertEquals("read", keys.get("key_permissions").asText());
            HttpResponse<String> write = SandboxClient.send("POST", s.apiUrl() + "/products", productBody("X", 1),
                    SandboxClient.basic(keys.get("consumer_key").asText(), keys.get("consumer_secret").asText(), true));
            assertEquals(401, write.statusCode());
            assertEquals("The API key provided does not have write permissions.", SandboxClient.json(write).get("message").asText());

            callback.respondWith(r -> 500);
            int keysBefore = s.keys().size();
            HttpResponse<String> page2 = SandboxClient.send("GET", s.baseUrl() + "/wc-auth/v1/authorize?" + q, null, Map.of());
            Matcher approve2 = Pattern.compile("wc-auth-approve").matcher(page2.body());
            assertTrue(approve2.find());
            Matcher link = Pattern.compile("<a href=\"([^\"]+)\" class=\"button button-primary").matcher(page2.body());
            assertTrue(link.find());
            HttpResponse<String> failed = SandboxClient.send("GET", link.group(1).replace("&#038;", "&"), null, Map.of());
            assertEquals(401, failed.statusCode());
            assertTrue(failed.body().contains("unable to send the consumer data"));
            assertEquals(keysBefore, s.keys().size(), "the key is deleted when the callback fails");
        } finally {
            callback.close();
        }
    }

    @Test
    void concurrentCheckoutsOfTheLastUnitHaveExactlyOneWinner() throws Exception {
        Store s = sandbox.createStore("race");
        ApiKey key = s.issueKey(KeyPermission.READ_WRITE);
        long id = SandboxClient.json(post(s, key, "/products", productBody("LAST-1", 1))).get("id").asLong();
        int shoppers = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(shoppers)) {
            for (int i = 0; i < shoppers; i++) {
                Callable<Integer> c = () -> {
                    go.await();
                    return SandboxClient.send("POST", sandbox.baseUrl() + "/__sandbox/stores/race/checkout",
                            "{\"line_items\":[{\"product_id\":" + id + ",\"quantity\":1}]}", Map.of()).statusCode();
                };
                results.add(pool.submit(c));
            }
            go.countDown();
            int won = 0;
            int refused = 0;
            for (Future<Integer> f : results) {
                int status = f.get();
                if (status == 201) won++;
                if (status == 409) refused++;
            }
            assertEquals(1, won);
            assertEquals(shoppers - 1, refused);
        }
        JsonNode p = s.productJson(id).orElseThrow();
        assertEquals(0, p.get("stock_quantity").asInt());
        assertEquals("outofstock", p.get("stock_status").asText());
        assertEquals(1, s.ordersJson().size());
    }

    @Test
    void fieldsKeepOnlyTheAskedKeysOfEachListedOrderAsWordPressDoes() throws Exception {
        Store s = sandbox.createStore("fields");
        ApiKey key = s.issueKey(KeyPermission.READ_WRITE);
        Map<String, String> auth = SandboxClient.basic(key.consumerKey(), key.consumerSecret(), true);
        long id = SandboxClient.json(post(s, key, "/products", productBody("FIELDS-1", 5))).get("id").asLong();
        for (int i = 0; i < 2; i++) {
            assertEquals(201, SandboxClient.send("POST", sandbox.baseUrl() + "/__sandbox/stores/fields/checkout",
                    "{\"line_items\":[{\"product_id\":" + id + ",\"quantity\":1}],\"billing\":{\"email\":\"f" + i
                            + "@example.org\"}}", Map.of()).statusCode());
        }
        HttpResponse<String> listed = SandboxClient.send("GET", s.apiUrl()
                + "/orders?orderby=modified&order=asc&per_page=100&_fields=id,date_modified_gmt,status,billing.email,line_items.sku",
                null, auth);
        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals("2", listed.headers().firstValue("X-WP-Total").orElse(null), "pagination headers stay");
        JsonNode orders = SandboxClient.json(listed);
        assertEquals(2, orders.size());
        for (JsonNode order : orders) {
            assertEquals(new java.util.TreeSet<>(List.of("id", "status", "date_modified_gmt", "billing", "line_items")),
                    names(order), order.toString());
            assertEquals(new java.util.TreeSet<>(List.of("email")), names(order.get("billing")));
            assertEquals(0, order.get("line_items").size(), "a nested list keeps nothing, as PHP's array_intersect_key");
        }
        JsonNode one = SandboxClient.json(SandboxClient.send("GET", s.apiUrl() + "/orders/" + orders.get(0).get("id").asLong()
                + "?_fields=id", null, auth));
        assertEquals("{\"id\":" + orders.get(0).get("id").asLong() + "}", one.toString());
        HttpResponse<String> missing = SandboxClient.send("GET", s.apiUrl() + "/orders/999999?_fields=id", null, auth);
        assertEquals(404, missing.statusCode());
        assertEquals("woocommerce_rest_shop_order_invalid_id", SandboxClient.json(missing).get("code").asText(),
                "errors are never filtered");
    }

    private static java.util.Set<String> names(JsonNode node) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void faultInjectionAnswers429WithRetryAfterDeterministically() throws Exception {
        Store s = sandbox.createStore("faults");
        ApiKey key = s.issueKey(KeyPermission.READ_WRITE);
        String cfg = "{\"rate_429\":0.5,\"retry_after_seconds\":7,\"seed\":1234}";
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        for (List<Integer> run : List.of(first, second)) {
            assertEquals(200, SandboxClient.send("PUT", sandbox.baseUrl() + "/__sandbox/stores/faults/faults", cfg, Map.of()).statusCode());
            for (int i = 0; i < 12; i++) {
                HttpResponse<String> r = SandboxClient.send("GET", s.apiUrl() + "/products", null, SandboxClient.basic(key.consumerKey(), key.consumerSecret(), true));
                run.add(r.statusCode());
                if (r.statusCode() == 429) assertEquals("7", r.headers().firstValue("Retry-After").orElse(null));
            }
        }
        assertTrue(first.contains(429) && first.contains(200), first.toString());
        assertEquals(first, second, "same seed, same sequence");
        s.faults().clear();
        s.faults().failNext(503);
        assertEquals(503, SandboxClient.send("GET", s.apiUrl() + "/products", null, SandboxClient.basic(key.consumerKey(), key.consumerSecret(), true)).statusCode());
        assertEquals(200, SandboxClient.send("GET", s.apiUrl() + "/products", null, SandboxClient.basic(key.consumerKey(), key.consumerSecret(), true)).statusCode());
    }

    @Test
    void managementApiCreatesStoresWithKeysAndSettings() throws Exception {
        HttpResponse<String> r = SandboxClient.send("POST", sandbox.baseUrl() + "/__sandbox/stores",
                "{\"name\":\"mgmt\",\"currency\":\"EUR\",\"manage_stock\":false,\"treat_as_https\":true}", Map.of());
        assertEquals(201, r.statusCode());
        JsonNode created = SandboxClient.json(r);
        Map<String, String> auth = SandboxClient.basic(created.get("consumer_key").asText(), created.get("consumer_secret").asText(), false);
        JsonNode status = SandboxClient.json(SandboxClient.send("GET", created.get("api_url").asText() + "/system_status", null, auth));
        assertEquals("10.0.2", status.path("environment").path("version").asText());
        assertEquals("EUR", status.path("settings").path("currency").asText());
        JsonNode manage = SandboxClient.json(SandboxClient.send("GET", created.get("api_url").asText() + "/settings/products/woocommerce_manage_stock", null, auth));
        assertEquals("no", manage.get("value").asText());
        JsonNode product = SandboxClient.json(SandboxClient.send("POST", created.get("api_url").asText() + "/products", productBody("EUR-1", 3), auth));
        assertEquals(false, product.get("manage_stock").asBoolean(), "store-wide stock management off");
        List<WebhookDelivery> none = sandbox.store("mgmt").orElseThrow().webhookDeliveries();
        assertTrue(none.isEmpty());
    }
}
