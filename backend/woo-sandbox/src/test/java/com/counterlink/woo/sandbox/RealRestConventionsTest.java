package com.counterlink.woo.sandbox;

import com.counterlink.woo.sandbox.auth.ApiKey;
import com.counterlink.woo.sandbox.auth.KeyPermission;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** REST conventions a real WooCommerce 10.0.2 store showed: Location on 201, and no API-key auth on ?rest_route= URLs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealRestConventionsTest {
    private WooSandbox sandbox;
    private RecordingListener listener;

    @BeforeAll
    void start() throws Exception {
        sandbox = WooSandbox.start(WooSandboxConfig.builder().webhookDelay(Duration.ofMillis(-1)).build());
        listener = new RecordingListener();
    }

    @AfterAll
    void stop() {
        listener.close();
        sandbox.close();
    }

    private static HttpResponse<String> post(Store s, ApiKey k, String route, String body) throws Exception {
        return SandboxClient.send("POST", s.apiUrl() + route, body, SandboxClient.basic(k.consumerKey(), k.consumerSecret(), true));
    }

    private record Created(long id, String location) {}

    /** POSTs, expects 201 and returns the new id with the Location header. */
    private static Created created(Store s, ApiKey k, String route, String body) throws Exception {
        HttpResponse<String> r = post(s, k, route, body);
        assertEquals(201, r.statusCode(), r.body());
        return new Created(SandboxClient.json(r).get("id").asLong(), r.headers().firstValue("Location").orElse(null));
    }

    @Test
    void everyCreatedResourceIsAnsweredWithItsLocation() throws Exception {
        Store s = sandbox.createStore("location");
        ApiKey k = s.issueKey(KeyPermission.READ_WRITE);
        String api = s.siteUrl() + "/wp-json/wc/v3";

        var product = created(s, k, "/products", "{\"name\":\"Mug\",\"regular_price\":\"10.00\"}");
        assertEquals(api + "/products/" + product.id(), product.location());

        var parent = created(s, k, "/products", "{\"name\":\"Tee\",\"type\":\"variable\",\"attributes\":[{\"name\":\"Size\",\"variation\":true,\"options\":[\"S\"]}]}");
        var variation = created(s, k, "/products/" + parent.id() + "/variations",
                "{\"regular_price\":\"12.00\",\"attributes\":[{\"name\":\"Size\",\"option\":\"S\"}]}");
        // WC_REST_CRUD_Controller::create_item formats the controller's rest_base, which for variations (and refunds)
        // still holds the route pattern: WooCommerce sends it verbatim.
        assertEquals(api + "/products/(?P<product_id>[\\d]+)/variations/" + variation.id(), variation.location());

        var category = created(s, k, "/products/categories", "{\"name\":\"Mugs\"}");
        assertEquals(api + "/products/categories/" + category.id(), category.location());

        var coupon = created(s, k, "/coupons", "{\"code\":\"tenoff\",\"discount_type\":\"percent\",\"amount\":\"10\"}");
        assertEquals(api + "/coupons/" + coupon.id(), coupon.location());

        var tax = created(s, k, "/taxes", "{\"country\":\"US\",\"rate\":\"8.2500\",\"name\":\"Tax\"}");
        assertEquals(api + "/taxes/" + tax.id(), tax.location());

        var order = created(s, k, "/orders", "{\"status\":\"processing\",\"payment_method\":\"bacs\",\"line_items\":[{\"product_id\":"
                + product.id() + ",\"quantity\":2}]}");
        assertEquals(api + "/orders/" + order.id(), order.location());

        var note = created(s, k, "/orders/" + order.id() + "/notes", "{\"note\":\"Packed\"}");
        assertEquals(api + "/orders/" + order.id() + "/notes/" + note.id(), note.location(), "order notes fill in the order id");

        var refund = created(s, k, "/orders/" + order.id() + "/refunds", "{\"amount\":\"1.00\",\"api_refund\":false}");
        assertEquals(api + "/orders/(?P<order_id>[\\d]+)/refunds/" + refund.id(), refund.location());

        var webhook = created(s, k, "/webhooks", "{\"topic\":\"order.updated\",\"delivery_url\":\"" + listener.url() + "/hook\"}");
        assertEquals(api + "/webhooks/" + webhook.id(), webhook.location());

        HttpResponse<String> read = SandboxClient.send("GET", api + "/products/" + product.id(), null,
                SandboxClient.basic(k.consumerKey(), k.consumerSecret(), true));
        assertEquals(java.util.Optional.empty(), read.headers().firstValue("Location"), "only 201 responses carry Location");
    }

    @Test
    void restRouteUrlsAreNotAuthenticatedByWooCommerce() throws Exception {
        Store s = sandbox.createStore("restroute");
        ApiKey k = s.issueKey(KeyPermission.READ_WRITE);
        s.setOptions(s.options().withTreatAsHttps(true));
        long id = SandboxClient.json(post(s, k, "/products", "{\"name\":\"Mug\",\"regular_price\":\"10.00\"}")).get("id").asLong();
        Map<String, String> basic = SandboxClient.basic(k.consumerKey(), k.consumerSecret(), true);
        String site = s.siteUrl() + "/";

        HttpResponse<String> anonymous = SandboxClient.send("GET", site + "?rest_route=/wc/v3/products", null, Map.of());
        HttpResponse<String> list = SandboxClient.send("GET", site + "?rest_route=/wc/v3/products", null, basic);
        assertEquals(401, list.statusCode());
        assertEquals(SandboxClient.json(anonymous), SandboxClient.json(list), "credentials change nothing: the body is the one without auth");
        assertEquals("woocommerce_rest_cannot_view", SandboxClient.json(list).get("code").asText());

        HttpResponse<String> qs = SandboxClient.send("GET", site + "?rest_route=/wc/v3/products/" + id + "&consumer_key=" + k.consumerKey()
                + "&consumer_secret=" + k.consumerSecret(), null, Map.of());
        assertEquals(401, qs.statusCode());
        assertEquals("Sorry, you cannot view this resource.", SandboxClient.json(qs).get("message").asText());

        Map<String, String> oauth = new LinkedHashMap<>();
        oauth.put("rest_route", "/wc/v3/products");
        SandboxClient.signOAuth("GET", site, oauth, k.consumerKey(), k.consumerSecret(), "HMAC-SHA256", s.clock().now().getEpochSecond(), "n-rr");
        HttpResponse<String> signed = SandboxClient.send("GET", site + "?" + SandboxClient.query(oauth), null, Map.of());
        assertEquals(401, signed.statusCode());
        assertEquals("woocommerce_rest_cannot_view", SandboxClient.json(signed).get("code").asText());

        HttpResponse<String> write = SandboxClient.send("POST", site + "?rest_route=/wc/v3/products", "{\"name\":\"X\"}", basic);
        assertEquals(401, write.statusCode());
        assertEquals("woocommerce_rest_cannot_create", SandboxClient.json(write).get("code").asText());

        JsonNode viaWpJson = SandboxClient.json(SandboxClient.send("GET", s.apiUrl() + "/products/" + id, null, basic));
        assertEquals(id, viaWpJson.get("id").asLong(), "the same key works on the /wp-json/wc/ URL");
    }
}
