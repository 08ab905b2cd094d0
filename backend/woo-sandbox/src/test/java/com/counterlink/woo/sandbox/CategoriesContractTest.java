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
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /products/categories as WooCommerce answers it (WC_REST_Product_Categories_Controller on the WP terms
 * API; no recorded fixture covers it yet): Uncategorized (15) exists, names are unique under a parent,
 * parents must exist, deleting needs force, products show {id, name, slug} of the categories they are in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CategoriesContractTest {
    private WooSandbox sandbox;
    private Store store;
    private ApiKey key;

    @BeforeAll
    void start() {
        sandbox = WooSandbox.start(WooSandboxConfig.builder().build());
        store = sandbox.createStore("categories");
        key = store.issueKey(KeyPermission.READ_WRITE);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> send(String method, String route, String body) throws Exception {
        return SandboxClient.send(method, store.apiUrl() + route, body, SandboxClient.basic(key.consumerKey(), key.consumerSecret(), true));
    }

    @Test
    void categoriesFormATreeWithUniqueNamesUnderEachParentAndProductsShowTheirs() throws Exception {
        JsonNode initial = SandboxClient.json(send("GET", "/products/categories", null));
        assertEquals(1, initial.size());
        assertEquals(15, initial.get(0).get("id").asLong());
        assertEquals("uncategorized", initial.get(0).get("slug").asText());

        HttpResponse<String> created = send("POST", "/products/categories", "{\"name\":\"Soldes – Café & Crème ☕\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode sale = SandboxClient.json(created);
        assertEquals("Soldes – Café & Crème ☕", sale.get("name").asText());
        assertEquals("soldes-cafe-creme", sale.get("slug").asText());
        assertEquals(0, sale.get("parent").asLong());
        assertEquals(0, sale.get("count").asInt());
        assertTrue(sale.get("id").asLong() > 15);

        JsonNode child = SandboxClient.json(send("POST", "/products/categories",
                "{\"name\":\"Mugs\",\"parent\":" + sale.get("id").asLong() + "}"));
        assertEquals(sale.get("id").asLong(), child.get("parent").asLong());
        assertTrue(child.get("_links").has("up"));
        assertEquals(201, send("POST", "/products/categories", "{\"name\":\"Mugs\"}").statusCode(),
                "the same name under another parent is another category");

        HttpResponse<String> twin = send("POST", "/products/categories", "{\"name\":\"mugs\",\"parent\":" + sale.get("id").asLong() + "}");
        assertEquals(400, twin.statusCode());
        JsonNode error = SandboxClient.json(twin);
        assertEquals("term_exists", error.get("code").asText());
        assertEquals(child.get("id").asLong(), error.get("data").get("resource_id").asLong(), "the existing category to use instead");

        HttpResponse<String> orphan = send("POST", "/products/categories", "{\"name\":\"Orphan\",\"parent\":99999}");
        assertEquals(404, orphan.statusCode());
        assertEquals("woocommerce_rest_term_invalid", SandboxClient.json(orphan).get("code").asText());
        HttpResponse<String> nameless = send("POST", "/products/categories", "{\"parent\":0}");
        assertEquals(400, nameless.statusCode());
        assertEquals("rest_missing_callback_param", SandboxClient.json(nameless).get("code").asText());

        JsonNode children = SandboxClient.json(send("GET", "/products/categories?parent=" + sale.get("id").asLong(), null));
        assertEquals(List.of("Mugs"), names(children));

        HttpResponse<String> product = send("POST", "/products", "{\"name\":\"Mug\",\"sku\":\"MUG-1\",\"categories\":[{\"id\":"
                + child.get("id").asLong() + "},{\"id\":424242}]}");
        assertEquals(201, product.statusCode(), product.body());
        JsonNode categories = SandboxClient.json(product).get("categories");
        assertEquals(1, categories.size(), "an id the store does not have is left out: " + categories);
        assertEquals("Mugs", categories.get(0).get("name").asText());
        assertEquals(child.get("slug").asText(), categories.get(0).get("slug").asText());
        assertEquals(1, SandboxClient.json(send("GET", "/products/categories/" + child.get("id").asLong(), null)).get("count").asInt());

        HttpResponse<String> batch = send("POST", "/products/categories/batch", "{\"create\":[{\"name\":\"Tea\"},{\"name\":\"Tea\"}]}");
        assertEquals(200, batch.statusCode());
        JsonNode results = SandboxClient.json(batch).get("create");
        assertTrue(results.get(0).has("id") && !results.get(0).has("error"));
        assertEquals("term_exists", results.get(1).get("error").get("code").asText(), "one refused item, the rest goes through");

        assertEquals(501, send("DELETE", "/products/categories/" + child.get("id").asLong(), null).statusCode());
        assertEquals(200, send("DELETE", "/products/categories/" + child.get("id").asLong() + "?force=true", null).statusCode());
        JsonNode mug = SandboxClient.json(send("GET", "/products/" + SandboxClient.json(product).get("id").asLong(), null));
        assertEquals(15, mug.get("categories").get(0).get("id").asLong(), "a product left without a category is Uncategorized");
        assertEquals(404, send("GET", "/products/categories/" + child.get("id").asLong(), null).statusCode());
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.get("name").asText()));
        return names;
    }
}
