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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WordPress's schema validation of product writes and filters, as a real WooCommerce 10.0.2 store applies it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealProductValidationTest {
    private WooSandbox sandbox;
    private Store store;
    private Map<String, String> auth;

    @BeforeAll
    void start() {
        sandbox = WooSandbox.start(WooSandboxConfig.builder().webhookDelay(Duration.ofMillis(-1)).build());
        store = sandbox.createStore("types");
        ApiKey k = store.issueKey(KeyPermission.READ_WRITE);
        auth = SandboxClient.basic(k.consumerKey(), k.consumerSecret(), true);
    }

    @AfterAll
    void stop() { sandbox.close(); }

    private HttpResponse<String> send(String method, String route, String body) throws Exception {
        return SandboxClient.send(method, store.apiUrl() + route, body, auth);
    }

    private static JsonNode invalidParam(HttpResponse<String> r, String... params) throws Exception {
        assertEquals(400, r.statusCode(), r.body());
        JsonNode body = SandboxClient.json(r);
        assertEquals("rest_invalid_param", body.get("code").asText());
        assertEquals("Invalid parameter(s): " + String.join(", ", params), body.get("message").asText());
        assertEquals(400, body.path("data").path("status").asInt());
        return body.get("data");
    }

    @Test
    void aPriceSentAsAJsonNumberIsRefusedLikeWordPressDoes() throws Exception {
        long before = store.productsJson().size();
        JsonNode data = invalidParam(send("POST", "/products", "{\"name\":\"Mug\",\"regular_price\":19.99}"), "regular_price");
        assertEquals("regular_price is not of type string.", data.path("params").path("regular_price").asText());
        JsonNode detail = data.path("details").path("regular_price");
        assertEquals("rest_invalid_type", detail.path("code").asText());
        assertEquals("regular_price is not of type string.", detail.path("message").asText());
        assertEquals("regular_price", detail.path("data").path("param").asText());
        assertEquals(before, store.productsJson().size(), "nothing is saved");

        long id = SandboxClient.json(send("POST", "/products", "{\"name\":\"Mug\",\"regular_price\":\"19.99\"}")).get("id").asLong();
        JsonNode both = invalidParam(send("PUT", "/products/" + id, "{\"sale_price\":9,\"stock_quantity\":2.5,\"name\":\"Renamed\"}"),
                "sale_price", "stock_quantity");
        assertEquals("stock_quantity is not of type integer.", both.path("params").path("stock_quantity").asText());
        assertEquals("Mug", SandboxClient.json(send("GET", "/products/" + id, null)).get("name").asText(), "a refused update changes nothing");
    }

    @Test
    void aFractionalStockQuantityIsRefusedNotTruncated() throws Exception {
        long id = SandboxClient.json(send("POST", "/products", "{\"name\":\"Cup\",\"regular_price\":\"5.00\",\"manage_stock\":true,\"stock_quantity\":4}"))
                .get("id").asLong();
        invalidParam(send("PUT", "/products/" + id, "{\"stock_quantity\":2.5}"), "stock_quantity");
        assertEquals(4, SandboxClient.json(send("GET", "/products/" + id, null)).get("stock_quantity").asInt());
        assertEquals(3, SandboxClient.json(send("PUT", "/products/" + id, "{\"stock_quantity\":\"3\"}")).get("stock_quantity").asInt(),
                "an integer in a string is an integer to WordPress");
    }

    @Test
    void nestedAndVariationFieldsAreCheckedToo() throws Exception {
        JsonNode data = invalidParam(send("POST", "/products", "{\"name\":\"Box\",\"dimensions\":{\"length\":10}}"), "dimensions");
        assertEquals("dimensions[length] is not of type string.", data.path("params").path("dimensions").asText());
        JsonNode options = invalidParam(send("POST", "/products",
                "{\"name\":\"Tee\",\"type\":\"variable\",\"attributes\":[{\"name\":\"Size\",\"options\":[\"S\",42]}]}"), "attributes");
        assertEquals("attributes[0][options][1] is not of type string.", options.path("params").path("attributes").asText());
        invalidParam(send("POST", "/products", "{\"name\":\"Tee\",\"manage_stock\":\"yes\"}"), "manage_stock");

        long parent = SandboxClient.json(send("POST", "/products",
                "{\"name\":\"Tee\",\"type\":\"variable\",\"attributes\":[{\"name\":\"Size\",\"variation\":true,\"options\":[\"S\"]}]}")).get("id").asLong();
        JsonNode v = invalidParam(send("POST", "/products/" + parent + "/variations", "{\"regular_price\":12,\"attributes\":[{\"name\":\"Size\",\"option\":\"S\"}]}"),
                "regular_price");
        assertEquals("regular_price is not of type string.", v.path("params").path("regular_price").asText());
        assertEquals(201, send("POST", "/products/" + parent + "/variations", "{\"regular_price\":\"12\",\"manage_stock\":\"parent\"}").statusCode(),
                "a variation's manage_stock may be \"parent\"");
    }

    @Test
    void batchItemsSkipSchemaValidationAsWooCommerceCallsCreateItemDirectly() throws Exception {
        HttpResponse<String> r = send("POST", "/products/batch",
                "{\"create\":[{\"name\":\"Batch A\",\"regular_price\":7.5,\"manage_stock\":true,\"stock_quantity\":2.5},"
                        + "{\"name\":\"Batch B\",\"regular_price\":\"8.00\",\"sku\":\"BATCH-B\"},{\"name\":\"Batch C\",\"sku\":\"BATCH-B\"}]}");
        assertEquals(200, r.statusCode());
        JsonNode created = SandboxClient.json(r).get("create");
        assertEquals("7.5", created.get(0).get("regular_price").asText(), "wc_format_decimal() of the number");
        assertEquals(2, created.get(0).get("stock_quantity").asInt(), "wc_stock_amount() truncates");
        assertEquals("8.00", created.get(1).get("regular_price").asText());
        assertEquals("product_invalid_sku", created.get(2).path("error").path("code").asText(), "one bad item fails alone");
    }

    @Test
    void anUnknownStatusFilterOnTheProductListIsRefused() throws Exception {
        JsonNode data = invalidParam(send("GET", "/products?status=published", null), "status");
        assertEquals("status is not one of any, future, trash, draft, pending, private, and publish.",
                data.path("params").path("status").asText());
        assertEquals("rest_not_in_enum", data.path("details").path("status").path("code").asText());
        assertTrue(data.path("details").path("status").path("data").isNull());
        assertEquals(200, send("GET", "/products?status=draft", null).statusCode());
        invalidParam(send("GET", "/products?type=bundle", null), "type");
    }

    @Test
    void listParametersFailWithWordPressesMessages() throws Exception {
        JsonNode perPage = invalidParam(send("GET", "/products?per_page=ten", null), "per_page");
        assertEquals("per_page is not of type integer.", perPage.path("params").path("per_page").asText());
        assertEquals("per_page", perPage.path("details").path("per_page").path("data").path("param").asText());
        assertEquals(200, send("GET", "/products?per_page=10.0", null).statusCode());
        JsonNode order = invalidParam(send("GET", "/products?order=up", null), "order");
        assertEquals("order is not one of asc and desc.", order.path("params").path("order").asText(), "wp_sprintf_l joins two with \"and\"");
    }
}
