package com.counterlink.woo.sandbox.management;

import com.counterlink.woo.sandbox.WooSandbox;
import com.counterlink.woo.sandbox.auth.ApiKey;
import com.counterlink.woo.sandbox.auth.KeyPermission;
import com.counterlink.woo.sandbox.checkout.CheckoutHandler;
import com.counterlink.woo.sandbox.fault.FaultConfig;
import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.Request;
import com.counterlink.woo.sandbox.http.Response;
import com.counterlink.woo.sandbox.http.RestException;
import com.counterlink.woo.sandbox.settings.SettingCatalog;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.store.StoreOptions;
import com.counterlink.woo.sandbox.store.WpFormat;
import com.counterlink.woo.sandbox.webhook.Webhook;
import com.counterlink.woo.sandbox.webhook.WebhookController;
import com.counterlink.woo.sandbox.webhook.WebhookDelivery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/** /__sandbox/...: unauthenticated JSON API to create stores, issue keys, change settings, inject faults and inspect state. */
public final class ManagementApi {
    private final WooSandbox sandbox;

    public ManagementApi(WooSandbox sandbox) { this.sandbox = sandbox; }

    public Response handle(Request req, String path) {
        String[] parts = path.replaceAll("^/+|/+$", "").split("/");
        String m = req.method();
        if (parts.length == 1 && parts[0].equals("health")) return ok(Json.object().put("status", "ok"));
        if (parts.length < 1 || !parts[0].equals("stores")) throw notFound();
        if (parts.length == 1) {
            if (m.equals("GET")) {
                ArrayNode arr = Json.array();
                sandbox.stores().forEach(s -> arr.add(summary(s)));
                return ok(arr);
            }
            if (m.equals("POST")) return createStore(req.json());
            throw notFound();
        }
        Store store = sandbox.store(parts[1]).orElseThrow(() -> new RestException(404, "sandbox_unknown_store", "No sandbox store named " + parts[1] + "."));
        String sub = parts.length > 2 ? String.join("/", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : "";
        return switch (m + " " + sub) {
            case "GET " -> ok(summary(store));
            case "DELETE " -> {
                sandbox.deleteStore(store.name());
                yield ok(Json.object().put("deleted", true));
            }
            case "GET keys" -> {
                ArrayNode arr = Json.array();
                store.keys().forEach(k -> arr.add(keyJson(store, k, false)));
                yield ok(arr);
            }
            case "POST keys" -> Response.json(201, keyJson(store, issueKey(store, req.json()), true));
            case "PUT settings", "PATCH settings", "POST settings" -> {
                applySettings(store, req.json());
                yield ok(summary(store));
            }
            case "GET faults" -> ok(Json.MAPPER.valueToTree(store.faults().config()));
            case "PUT faults", "POST faults" -> {
                store.faults().configure(faults(req.json()));
                JsonNode next = req.json().get("fail_next");
                if (next != null) next.forEach(s -> store.faults().failNext(s.asInt()));
                yield ok(Json.MAPPER.valueToTree(store.faults().config()));
            }
            case "DELETE faults" -> {
                store.faults().clear();
                yield ok(Json.MAPPER.valueToTree(store.faults().config()));
            }
            case "PUT clock", "POST clock" -> {
                JsonNode b = req.json();
                if (b.path("system").asBoolean(false)) store.clock().useSystemTime();
                if (b.hasNonNull("now")) store.clock().fixAt(WpFormat.parseDate(b.get("now").asText()));
                if (b.has("advance_seconds")) store.clock().advance(Duration.ofSeconds(b.get("advance_seconds").asLong()));
                yield ok(Json.object().put("now", WpFormat.date(store.clock().now())));
            }
            case "GET products" -> ok(Json.MAPPER.valueToTree(store.productsJson()));
            case "GET orders" -> ok(Json.MAPPER.valueToTree(store.ordersJson()));
            case "GET webhooks" -> {
                ArrayNode arr = Json.array();
                for (Webhook w : store.webhooksList()) {
                    ObjectNode n = store.locked(() -> WebhookController.render(store, w));
                    n.put("failure_count", w.failureCount);
                    n.put("secret", w.secret);
                    arr.add(n);
                }
                yield ok(arr);
            }
            case "GET webhooks/deliveries" -> {
                ArrayNode arr = Json.array();
                for (WebhookDelivery d : store.webhookDeliveries()) arr.add(Json.MAPPER.valueToTree(deliveryMap(d)));
                yield ok(arr);
            }
            case "POST webhooks/flush" -> ok(Json.object().put("delivered", store.webhookDispatcher().flush()));
            case "POST checkout" -> CheckoutHandler.checkout(store, req.json());
            default -> throw notFound();
        };
    }

    private static Map<String, Object> deliveryMap(WebhookDelivery d) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("delivery_id", d.deliveryId());
        m.put("webhook_id", d.webhookId());
        m.put("topic", d.topic());
        m.put("resource_id", d.resourceId());
        m.put("ping", d.ping());
        m.put("at", WpFormat.date(d.at()));
        m.put("url", d.url());
        m.put("request_headers", d.requestHeaders());
        m.put("request_body", d.requestBody());
        m.put("response_code", d.responseCode());
        m.put("response_body", d.responseBody());
        m.put("error", d.error());
        m.put("duration_ms", d.durationMillis());
        m.put("success", d.success());
        return m;
    }

    private Response createStore(JsonNode b) {
        String name = Json.text(b, "name", null);
        if (name == null) throw new RestException(400, "sandbox_missing_name", "name is required.");
        Store store = sandbox.createStore(name, StoreOptions.defaults());
        applySettings(store, b);
        ApiKey key = issueKey(store, b);
        ObjectNode out = summary(store);
        out.setAll(keyJson(store, key, true));
        return Response.json(201, out);
    }

    private static ApiKey issueKey(Store store, JsonNode b) {
        KeyPermission perm = KeyPermission.parse(Json.text(b, "permissions", "read_write"));
        String description = Json.text(b, "description", "Sandbox key");
        if (b.hasNonNull("consumer_key") && b.hasNonNull("consumer_secret")) {
            return store.importKey(perm, description, b.get("consumer_key").asText(), b.get("consumer_secret").asText());
        }
        return store.issueKey(perm, description);
    }

    private static void applySettings(Store store, JsonNode b) {
        StoreOptions o = store.options();
        if (b.has("treat_as_https")) o = o.withTreatAsHttps(b.get("treat_as_https").isNull() ? null : b.get("treat_as_https").asBoolean());
        if (b.has("site_url")) o = o.withSiteUrl(b.get("site_url").isNull() ? null : b.get("site_url").asText().replaceAll("/+$", ""));
        if (b.has("allow_insecure_callbacks")) o = o.withAllowInsecureCallbacks(b.get("allow_insecure_callbacks").asBoolean());
        if (b.has("auto_approve")) o = o.withAutoApprove(b.get("auto_approve").asBoolean());
        store.setOptions(o);
        if (b.has("currency")) store.setOption(SettingCatalog.CURRENCY, b.get("currency").asText());
        if (b.has("manage_stock")) store.setOption(SettingCatalog.MANAGE_STOCK, yesNo(b.get("manage_stock")));
        if (b.has("calc_taxes")) store.setOption(SettingCatalog.CALC_TAXES, yesNo(b.get("calc_taxes")));
        if (b.has("max_webhook_failures")) store.webhookDispatcher().setMaxFailures(b.get("max_webhook_failures").asInt());
        if (b.has("options")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = b.get("options").fields(); it.hasNext(); ) {
                var e = it.next();
                store.setOption(e.getKey(), e.getValue().asText());
            }
        }
    }

    private static String yesNo(JsonNode n) {
        return n.isBoolean() ? (n.asBoolean() ? "yes" : "no") : n.asText();
    }

    private static FaultConfig faults(JsonNode b) {
        FaultConfig d = FaultConfig.none();
        return new FaultConfig(b.path("latency_ms").asLong(d.latencyMillis()), b.path("rate_429").asDouble(d.rate429()),
                b.path("retry_after_seconds").asInt(d.retryAfterSeconds()), b.path("rate_5xx").asDouble(d.rate5xx()),
                b.path("status_5xx").asInt(d.status5xx()), b.path("timeout_rate").asDouble(d.timeoutRate()),
                b.path("timeout_ms").asLong(d.timeoutMillis()), b.path("seed").asLong(d.seed()));
    }

    private static ObjectNode summary(Store s) {
        ObjectNode o = Json.object();
        o.put("name", s.name());
        o.put("base_url", s.baseUrl());
        o.put("site_url", s.siteUrl());
        o.put("api_url", s.apiUrl());
        o.put("treat_as_https", s.options().treatAsHttps());
        o.put("allow_insecure_callbacks", s.options().allowInsecureCallbacks());
        o.put("auto_approve", s.options().autoApprove());
        o.put("now", WpFormat.date(s.clock().now()));
        ObjectNode settings = o.putObject("settings");
        for (String id : SettingCatalog.defaults().keySet()) settings.put(id, s.option(id));
        ObjectNode counts = o.putObject("counts");
        s.locked(() -> {
            counts.put("products", s.products.size());
            counts.put("orders", s.orders.size());
            counts.put("coupons", s.coupons.size());
            counts.put("tax_rates", s.taxRates.size());
            counts.put("webhooks", s.webhooks.size());
        });
        counts.put("pending_webhook_deliveries", s.webhookDispatcher().pendingCount());
        return o;
    }

    private static ObjectNode keyJson(Store store, ApiKey k, boolean withSecret) {
        ObjectNode o = Json.object();
        o.put("key_id", k.keyId());
        o.put("description", k.description());
        o.put("key_permissions", k.permission().wireName());
        o.put("consumer_key", withSecret ? k.consumerKey() : null);
        o.put("truncated_key", k.consumerKey().substring(Math.max(0, k.consumerKey().length() - 7)));
        if (withSecret) o.put("consumer_secret", k.consumerSecret());
        Instant last = k.lastAccess();
        o.put("last_access", last == null ? null : WpFormat.date(last));
        return o;
    }

    private static Response ok(JsonNode body) { return Response.json(200, body); }

    private static RestException notFound() {
        return new RestException(404, "sandbox_not_found", "Unknown management route.");
    }
}
