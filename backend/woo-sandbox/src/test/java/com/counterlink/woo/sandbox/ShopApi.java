package com.counterlink.woo.sandbox;

import com.counterlink.woo.sandbox.auth.ApiKey;
import com.counterlink.woo.sandbox.auth.KeyPermission;
import com.counterlink.woo.sandbox.settings.SettingCatalog;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One sandbox store seen through its wc/v3 REST API, as the order tests use it. */
final class ShopApi {
    /** An answer: the HTTP status and the JSON body. */
    record Reply(int status, JsonNode body) {
        JsonNode expect(int wanted) {
            assertEquals(wanted, status, () -> "HTTP " + status + ": " + body);
            return body;
        }
    }

    final WooSandbox sandbox;
    final Store store;
    private final ApiKey key;

    private ShopApi(WooSandbox sandbox, Store store) {
        this.sandbox = sandbox;
        this.store = store;
        this.key = store.issueKey(KeyPermission.READ_WRITE);
    }

    static ShopApi open(WooSandbox sandbox, String name) {
        return new ShopApi(sandbox, sandbox.createStore(name));
    }

    /** Taxes on, with one 8.25 % standard rate that also applies to shipping (as the recording store had). */
    ShopApi withSalesTax() throws Exception {
        store.setOption(SettingCatalog.CALC_TAXES, "yes");
        post("/taxes", """
                {"country":"US","rate":"8.2500","name":"Sales Tax","shipping":true}""").expect(201);
        return this;
    }

    Reply get(String route) throws Exception { return send("GET", route, null); }

    Reply post(String route, String body) throws Exception { return send("POST", route, body); }

    Reply put(String route, String body) throws Exception { return send("PUT", route, body); }

    Reply send(String method, String route, String body) throws Exception {
        Map<String, String> auth = SandboxClient.basic(key.consumerKey(), key.consumerSecret(), true);
        HttpResponse<String> r = SandboxClient.send(method, store.apiUrl() + route, body, auth);
        return new Reply(r.statusCode(), SandboxClient.JSON.readTree(r.body()));
    }

    /** A shopper's checkout through the management API. */
    Reply checkout(String body) throws Exception {
        HttpResponse<String> r = SandboxClient.send("POST", sandbox.baseUrl() + "/__sandbox/stores/" + store.name() + "/checkout", body, Map.of());
        return new Reply(r.statusCode(), SandboxClient.JSON.readTree(r.body()));
    }

    /** A simple product with a price, optionally with managed stock (null: not managed). */
    long product(String sku, String price, Integer stock) throws Exception {
        String stockJson = stock == null ? "" : ",\"manage_stock\":true,\"stock_quantity\":" + stock;
        return post("/products", "{\"name\":\"Item " + sku + "\",\"sku\":\"" + sku + "\",\"regular_price\":\"" + price + "\"" + stockJson + "}")
                .expect(201).get("id").asLong();
    }

    JsonNode product(long id) throws Exception { return get("/products/" + id).expect(200); }

    JsonNode order(long id) throws Exception { return get("/orders/" + id).expect(200); }

    JsonNode coupon(long id) throws Exception { return get("/coupons/" + id).expect(200); }

    /** The value of an order item's meta entry, or null. */
    static String meta(JsonNode item, String key) {
        for (JsonNode m : item.get("meta_data")) if (key.equals(m.get("key").asText())) return m.get("value").asText();
        return null;
    }
}
