package com.counterlink.woo.sandbox;

import com.counterlink.woo.sandbox.auth.ApiKey;
import com.counterlink.woo.sandbox.auth.KeyPermission;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Product names and descriptions pass through wp_filter_post_kses() on a real WooCommerce 10.0.2 store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealProductSanitisingTest {
    private WooSandbox sandbox;
    private Store store;
    private Map<String, String> auth;

    @BeforeAll
    void start() {
        sandbox = WooSandbox.start(WooSandboxConfig.builder().webhookDelay(Duration.ofMillis(-1)).build());
        store = sandbox.createStore("kses");
        ApiKey k = store.issueKey(KeyPermission.READ_WRITE);
        auth = SandboxClient.basic(k.consumerKey(), k.consumerSecret(), true);
    }

    @AfterAll
    void stop() { sandbox.close(); }

    private JsonNode create(String name, String description) throws Exception {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", name).put("description", description).put("regular_price", "5.00");
        var r = SandboxClient.send("POST", store.apiUrl() + "/products", SandboxClient.JSON.writeValueAsString(body), auth);
        assertEquals(201, r.statusCode(), r.body());
        return SandboxClient.json(r);
    }

    private JsonNode get(long id) throws Exception {
        return SandboxClient.json(SandboxClient.send("GET", store.apiUrl() + "/products/" + id, null, auth));
    }

    @Test
    void anAmpersandInANameIsStoredAndReturnedAsAnEntity() throws Exception {
        JsonNode created = create("Salt & Pepper Mill", "Grinds salt & pepper.");
        assertEquals("Salt &amp; Pepper Mill", created.get("name").asText());
        assertEquals("salt-pepper-mill", created.get("slug").asText());
        JsonNode read = get(created.get("id").asLong());
        assertEquals("Salt &amp; Pepper Mill", read.get("name").asText(), "GET returns the stored, filtered name");
        assertEquals("<p>Grinds salt &amp; pepper.</p>\n", read.get("description").asText());
        assertEquals("Fish &amp; Chips &copy; &#038; more", create("Fish &amp; Chips &copy; &#38; more", "").get("name").asText(),
                "entities that are already there stay (numeric ones padded to three digits)");
    }

    @Test
    void scriptsFramesAndEventHandlersAreRemoved() throws Exception {
        JsonNode created = create("<script>alert(1)</script>Mug <b onmouseover=\"steal()\">Bold</b>",
                "<p onclick=\"steal()\" class=\"lead\">Hi</p><iframe src=\"https://evil.example\"></iframe>"
                        + "<a href=\"javascript:steal()\" title=\"t\">link</a><img src=\"https://cdn.example/a.png\" onerror=\"x()\">");
        assertEquals("alert(1)Mug <b>Bold</b>", created.get("name").asText(), "disallowed tags lose their tags, not their text");
        assertEquals("<p class=\"lead\">Hi</p><a href=\"steal()\" title=\"t\">link</a><img src=\"https://cdn.example/a.png\">",
                created.get("description").asText());

        long id = created.get("id").asLong();
        var updated = SandboxClient.send("PUT", store.apiUrl() + "/products/" + id,
                "{\"short_description\":\"<div onload=\\\"x()\\\">Short</div><style>p{}</style>\"}", auth);
        assertEquals("<div>Short</div>p{}", SandboxClient.json(updated).get("short_description").asText());
    }

    @Test
    void allowedHtmlWithEntitiesAccentsAndEmojiIsKeptByteForByte() throws Exception {
        String html = "<h2>Größentabelle — サイズ表</h2><ul><li><strong>Größe 1</strong> · 寸法 &amp; “fit” ✓ 🧵</li>"
                + "<li><a href=\"https://example.com/size\" target=\"_blank\" rel=\"noopener\">Guide</a> &nbsp;<em>x</em></li></ul>";
        long id = create("Sizes", html).get("id").asLong();
        assertEquals(html, store.locked(() -> store.products.get(id).description));
    }

    @Test
    void aDescriptionThatHasParagraphsIsNotWrappedAgain() throws Exception {
        long id = create("Paragraphs", "<p>First</p>\n<p>Second</p>").get("id").asLong();
        assertEquals("<p>First</p>\n<p>Second</p>\n", get(id).get("description").asText());
        long plain = create("Plain", "Line one\nline two\n\nNext paragraph").get("id").asLong();
        assertEquals("<p>Line one<br />\nline two</p>\n<p>Next paragraph</p>\n", get(plain).get("description").asText());
        long list = create("List", "<ul><li>One</li><li>Two</li></ul>").get("id").asLong();
        assertEquals("<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n", get(list).get("description").asText());
    }
}
