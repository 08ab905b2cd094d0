package com.counterlink.woo.sandbox;

import com.counterlink.woo.sandbox.auth.ApiKey;
import com.counterlink.woo.sandbox.auth.KeyPermission;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.store.StoreOptions;
import com.counterlink.woo.sandbox.store.WpFormat;
import com.counterlink.woo.sandbox.webhook.WebhookSignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Replays every recorded WooCommerce 10.0.2 exchange, in order, against one sandbox store and compares status,
 * headers and bodies. Recordings build on each other, so recorded ids are mapped to the sandbox's ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixtureReplayContractTest {
    private static final String RECORDED_SITE = "http://127.0.0.1:8088";
    private static final String RECORDED_LISTENER = "http://127.0.0.1:8099";
    private static final Pattern MAX_DATE = Pattern.compile("\"date_(?:created|modified|completed|paid)_gmt\":\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)\"");

    private WooSandbox sandbox;
    private Store store;
    private ApiKey rw;
    private ApiKey ro;
    private RecordingListener listener;
    private final FixtureComparator cmp = new FixtureComparator();
    private String webhookSecret;
    private Instant clock = Instant.EPOCH;

    @BeforeAll
    void start() throws Exception {
        sandbox = WooSandbox.start(WooSandboxConfig.builder().webhookDelay(java.time.Duration.ofMillis(50)).build());
        store = sandbox.createStore("contract", StoreOptions.defaults());
        rw = store.issueKey(KeyPermission.READ_WRITE, "fixture key 1");
        ro = store.issueKey(KeyPermission.READ, "fixture key 2 (read)");
        listener = new RecordingListener();
        cmp.hosts.put(RECORDED_SITE, store.siteUrl());
        cmp.hosts.put(RECORDED_LISTENER, listener.url());
    }

    @AfterAll
    void stop() {
        listener.close();
        sandbox.close();
    }

    @TestFactory
    Stream<DynamicTest> replayEveryFixture() throws Exception {
        Path dir = FixtureLocator.fixturesDir();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("\\d+-.*\\.json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no fixtures in " + dir);
        for (Path f : files) cmp.learnDates(SandboxClient.JSON.readTree(f.toFile()).path("response").path("body"));
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> replay(f)));
    }

    private void replay(Path file) throws Exception {
        JsonNode fx = SandboxClient.JSON.readTree(file.toFile());
        int n = Integer.parseInt(file.getFileName().toString().substring(0, 2));
        advanceClock(fx.path("response").path("body"));
        switch (n) {
            case 32 -> checkPing(fx);
            case 33, 40 -> checkDelivery(fx);
            case 41 -> checkAppAuthorization(fx);
            case 42 -> checkAuthorizeHtml(fx);
            default -> replayRest(n, fx);
        }
        cmp.notes.forEach(note -> System.out.println(file.getFileName() + ": " + note));
        cmp.notes.clear();
    }

    /** Moves the store clock to the recording's time so date filters (modified_after) behave as recorded. */
    private void advanceClock(JsonNode recordedBody) {
        Matcher m = MAX_DATE.matcher(recordedBody.toString());
        Instant max = null;
        while (m.find()) {
            Instant t = WpFormat.parseDate(m.group(1));
            if (max == null || t.isAfter(max)) max = t;
        }
        if (max != null && max.isAfter(clock)) {
            clock = max;
            store.clock().fixAt(max);
        }
    }

    private void replayRest(int n, JsonNode fx) throws Exception {
        JsonNode req = fx.get("request");
        String method = req.get("method").asText();
        String path = cmp.rewrite(RECORDED_SITE + req.get("path").asText());
        Map<String, String> query = new LinkedHashMap<>();
        req.path("query").fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("oauth_")) query.put(e.getKey(), e.getValue().asText());
        });
        Map<String, String> headers = switch (n) {
            case 14 -> SandboxClient.basic("ck_0000000000000000000000000000000000000000", "cs_unknown", true);
            case 16 -> Map.of("X-Forwarded-Proto", "https");
            case 17 -> SandboxClient.basic(rw.consumerKey(), "cs_wrong_secret", true);
            case 18 -> SandboxClient.basic(ro.consumerKey(), ro.consumerSecret(), true);
            case 34, 36 -> Map.of();
            case 35 -> SandboxClient.basic(rw.consumerKey(), rw.consumerSecret(), false);
            default -> SandboxClient.basic(rw.consumerKey(), rw.consumerSecret(), true);
        };
        if (n == 34 || n == 36) {
            String secret = n == 34 ? rw.consumerSecret() : "cs_not_the_secret";
            SandboxClient.signOAuth(method, path, query, rw.consumerKey(), secret, req.path("query").path("oauth_signature_method").asText(),
                    store.clock().now().getEpochSecond(), "nonce" + System.nanoTime());
        }
        String url = path + (query.isEmpty() ? "" : "?" + SandboxClient.query(query));
        JsonNode body = req.get("body");
        String bodyText = body == null || body.isNull() ? null : SandboxClient.JSON.writeValueAsString(mapRequestBody(body));
        if (n == 30) webhookSecret = body.get("secret").asText();
        HttpResponse<String> resp = SandboxClient.send(method, url, bodyText, headers);

        JsonNode expected = fx.get("response");
        List<String> diffs = new ArrayList<>();
        if (resp.statusCode() != expected.get("status").asInt()) diffs.add("status " + resp.statusCode() + " != " + expected.get("status").asInt());
        compareHeaders(expected.get("headers"), resp, diffs);
        JsonNode actual = SandboxClient.JSON.readTree(resp.body());
        cmp.learnIds(expected.get("body"), actual);
        diffs.addAll(cmp.compareTop(expected.get("body"), actual));
        if (!diffs.isEmpty()) fail("Sandbox differs from recording:\n  " + String.join("\n  ", diffs) + "\nbody: " + abbreviate(resp.body()));
    }

    private JsonNode mapRequestBody(JsonNode body) {
        JsonNode copy = body.deepCopy();
        mapIds(copy);
        return copy;
    }

    private void mapIds(JsonNode node) {
        if (node.isArray()) node.forEach(this::mapIds);
        if (!node.isObject()) return;
        ObjectNode o = (ObjectNode) node;
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (Set.of("id", "product_id", "variation_id").contains(e.getKey()) && e.getValue().isNumber()) {
                o.put(e.getKey(), cmp.map(e.getValue().asLong()));
            } else if (e.getValue().isTextual() && e.getValue().asText().startsWith("http://127.0.0.1:")) {
                o.put(e.getKey(), cmp.rewrite(e.getValue().asText()));
            } else {
                mapIds(e.getValue());
            }
        }
    }

    private void compareHeaders(JsonNode expected, HttpResponse<String> resp, List<String> diffs) {
        for (String h : List.of("X-WP-Total", "X-WP-TotalPages")) {
            String actual = resp.headers().firstValue(h).orElse(null);
            String exp = expected.has(h) ? expected.get(h).asText() : null;
            if (!java.util.Objects.equals(exp, actual)) diffs.add("header " + h + ": " + actual + " != " + exp);
        }
        String ct = resp.headers().firstValue("Content-Type").orElse(null);
        if (!expected.path("Content-Type").asText().equals(ct)) diffs.add("Content-Type " + ct + " != " + expected.path("Content-Type").asText());
        List<String> links = resp.headers().allValues("Link");
        String exp = expected.path("Link").asText(null);
        if (exp == null) return;
        if (links.size() != 1) {
            diffs.add("expected one Link header line, got " + links);
            return;
        }
        Map<String, Map<String, String>> e = parseLink(exp, true);
        Map<String, Map<String, String>> a = parseLink(links.get(0), false);
        if (!e.equals(a)) diffs.add("Link " + a + " != " + e);
    }

    /** rel -> {url without query, then each query param}; oauth_* values are volatile (nonce, signature). */
    private Map<String, Map<String, String>> parseLink(String header, boolean recorded) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        Matcher m = Pattern.compile("<([^>]*)>; rel=\"([^\"]+)\"").matcher(header);
        while (m.find()) {
            String url = recorded ? cmp.rewrite(m.group(1)) : m.group(1);
            Map<String, String> parts = new TreeMap<>();
            int q = url.indexOf('?');
            parts.put("", q < 0 ? url : url.substring(0, q));
            if (q >= 0) {
                for (String p : url.substring(q + 1).split("&")) {
                    String[] kv = p.split("=", 2);
                    String k = java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                    parts.put(k, k.startsWith("oauth_") ? "*" : java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
                }
            }
            out.put(m.group(2), parts);
        }
        return out;
    }

    private void checkPing(JsonNode fx) throws Exception {
        RecordingListener.Received ping = listener.next(2000);
        assertNotNull(ping, "no ping received after POST /webhooks");
        JsonNode rec = fx.get("request");
        assertEquals("POST", ping.method());
        assertEquals("/webhook", ping.path());
        assertEquals(rec.get("raw_body").asText().replace("webhook_id=1", "webhook_id=" + cmp.map(1)), ping.bodyText());
        assertEquals(rec.path("headers").path("Content-Type").asText(), ping.header("Content-Type"));
        assertEquals(rec.path("headers").path("User-Agent").asText(), ping.header("User-Agent"));
        assertTrue(ping.headers().keySet().stream().noneMatch(k -> k.toLowerCase().startsWith("x-wc-webhook")), "ping must not carry X-WC-Webhook headers");
    }

    private void checkDelivery(JsonNode fx) throws Exception {
        RecordingListener.Received d = listener.next(5000);
        assertNotNull(d, "no webhook delivery arrived");
        JsonNode rec = fx.get("request");
        JsonNode rh = rec.get("headers");
        for (String h : List.of("User-Agent", "Content-Type", "X-WC-Webhook-Topic", "X-WC-Webhook-Resource", "X-WC-Webhook-Event")) {
            assertEquals(rh.get(h).asText(), d.header(h), h);
        }
        assertEquals(store.siteUrl() + "/", d.header("X-WC-Webhook-Source"));
        assertEquals(String.valueOf(cmp.map(rh.get("X-WC-Webhook-ID").asLong())), d.header("X-WC-Webhook-ID"));
        assertTrue(d.header("X-WC-Webhook-Delivery-ID").matches("[0-9a-f]{32}"), "delivery id");
        assertEquals(WebhookSignature.sign(d.body(), webhookSecret), d.header("X-WC-Webhook-Signature"), "signature over raw body");
        assertEquals(rec.get("raw_body").asText().contains("\\/"), d.bodyText().contains("\\/"), "PHP-style escaped slashes");
        List<String> diffs = cmp.compareTop(rec.get("body"), SandboxClient.JSON.readTree(d.body()));
        if (!diffs.isEmpty()) fail("Webhook payload differs:\n  " + String.join("\n  ", diffs));
    }

    private void checkAppAuthorization(JsonNode fx) throws Exception {
        store.setOptions(store.options().withAllowInsecureCallbacks(true));
        try {
            listener.clear();
            String returnUrl = listener.url() + "/return";
            Map<String, String> q = new LinkedHashMap<>();
            q.put("app_name", "RealWoo Connector");
            q.put("scope", "read_write");
            q.put("user_id", "ext-user-42");
            q.put("return_url", returnUrl);
            q.put("callback_url", listener.url() + "/callback");
            HttpResponse<String> page = SandboxClient.send("GET", store.baseUrl() + "/wc-auth/v1/authorize?" + SandboxClient.query(q), null, Map.of());
            assertEquals(200, page.statusCode());
            Matcher approve = Pattern.compile("<a href=\"([^\"]+)\" class=\"button button-primary wc-auth-approve\">Approve</a>").matcher(page.body());
            assertTrue(approve.find(), "grant page has an Approve link");
            HttpResponse<String> granted = SandboxClient.send("GET", approve.group(1).replace("&#038;", "&"), null, Map.of());
            assertEquals(302, granted.statusCode());
            assertEquals(returnUrl + "?success=1&user_id=ext-user-42", granted.headers().firstValue("Location").orElseThrow());
            RecordingListener.Received cb = listener.next(2000);
            assertNotNull(cb, "callback received the keys");
            JsonNode rec = fx.get("request");
            assertEquals(rec.path("headers").path("Content-Type").asText(), cb.header("Content-Type"));
            assertEquals(rec.path("headers").path("User-Agent").asText().replace(RECORDED_SITE, store.siteUrl()), cb.header("User-Agent"));
            JsonNode got = SandboxClient.JSON.readTree(cb.body());
            List<String> diffs = cmp.compareTop(rec.get("body"), got);
            if (!diffs.isEmpty()) fail("callback body differs:\n  " + String.join("\n  ", diffs));
            assertTrue(got.get("key_id").isInt());
            assertTrue(got.get("consumer_key").asText().matches("ck_[0-9a-f]{40}"));
            assertTrue(got.get("consumer_secret").asText().matches("cs_[0-9a-f]{40}"));
            HttpResponse<String> use = SandboxClient.send("GET", store.apiUrl() + "/products",
                    null, SandboxClient.basic(got.get("consumer_key").asText(), got.get("consumer_secret").asText(), true));
            assertEquals(200, use.statusCode(), "the granted key works with Basic auth");
        } finally {
            store.setOptions(store.options().withAllowInsecureCallbacks(false));
        }
    }

    private void checkAuthorizeHtml(JsonNode fx) throws Exception {
        JsonNode req = fx.get("request");
        Map<String, String> q = new LinkedHashMap<>();
        req.get("query").fields().forEachRemaining(e -> q.put(e.getKey(), cmp.rewrite(e.getValue().asText())));
        HttpResponse<String> resp = SandboxClient.send("GET", store.baseUrl() + req.get("path").asText() + "?" + SandboxClient.query(q), null, Map.of());
        JsonNode expected = fx.get("response");
        assertEquals(expected.get("status").asInt(), resp.statusCode());
        assertEquals(expected.path("headers").path("Content-Type").asText(), resp.headers().firstValue("Content-Type").orElse(null));
        Pattern msg = Pattern.compile("<div class=\"wp-die-message\">(.*?)</div>");
        Matcher e = msg.matcher(expected.get("body").asText());
        Matcher a = msg.matcher(resp.body());
        assertTrue(e.find() && a.find(), "wp_die message present");
        assertEquals(e.group(1), a.group(1));
    }

    private static String abbreviate(String s) { return s.length() > 1500 ? s.substring(0, 1500) + "..." : s; }

    static URI uri(String s) { return URI.create(s); }
}
