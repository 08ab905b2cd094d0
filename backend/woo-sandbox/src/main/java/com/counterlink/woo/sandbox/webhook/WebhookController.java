package com.counterlink.woo.sandbox.webhook;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.Response;
import com.counterlink.woo.sandbox.http.RestException;
import com.counterlink.woo.sandbox.product.ProductJson;
import com.counterlink.woo.sandbox.rest.ListQuery;
import com.counterlink.woo.sandbox.rest.Pagination;
import com.counterlink.woo.sandbox.rest.Permission;
import com.counterlink.woo.sandbox.rest.RestContext;
import com.counterlink.woo.sandbox.rest.RestRouter;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.store.WpFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** /wc/v3/webhooks. Creating one sends the ping synchronously, outside the store lock. */
public final class WebhookController {
    private static final String P = "/wc/v3/webhooks";
    private static final Set<String> STATUSES = Set.of("active", "paused", "disabled");
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookController() {}

    public static void register(RestRouter r) {
        r.add("GET", P, Permission.LIST, WebhookController::list);
        r.add("POST", P, Permission.CREATE, WebhookController::create);
        r.add("GET", P + "/(\\d+)", Permission.VIEW, ctx -> ctx.store().locked(() ->
                Response.json(200, render(ctx.store(), find(ctx.store(), ctx.idArg(0), 404)))));
        r.add("POST,PUT,PATCH", P + "/(\\d+)", Permission.EDIT, ctx -> ctx.store().locked(() -> {
            Webhook w = find(ctx.store(), ctx.idArg(0), 400);
            apply(w, ctx.request().json());
            w.dateModified = ctx.store().clock().now();
            return Response.json(200, render(ctx.store(), w));
        }));
        r.add("DELETE", P + "/(\\d+)", Permission.DELETE, ctx -> ctx.store().locked(() -> {
            Webhook w = find(ctx.store(), ctx.idArg(0), 404);
            if (!ctx.flag("force")) throw new RestException(501, "woocommerce_rest_trash_not_supported", "Webhooks do not support trashing.");
            ObjectNode before = render(ctx.store(), w);
            ctx.store().webhooks.remove(w.id);
            return Response.json(200, before);
        }));
    }

    private static Webhook find(Store store, long id, int status) {
        Webhook w = store.webhooks.get(id);
        if (w == null) throw new RestException(status, "woocommerce_rest_webhook_invalid_id", "Invalid ID.");
        return w;
    }

    private static Response create(RestContext ctx) {
        Store store = ctx.store();
        JsonNode b = ctx.request().json();
        Webhook w = store.locked(() -> {
            String topic = Json.text(b, "topic", "");
            if (!Topic.isValid(topic)) throw new RestException(400, "woocommerce_rest_webhook_invalid_topic", "Webhook topic is required and must be valid.");
            if (!validUrl(Json.text(b, "delivery_url", ""))) {
                throw new RestException(400, "woocommerce_rest_webhook_invalid_delivery_url", "Webhook delivery URL must be a valid URL starting with http:// or https://.");
            }
            Webhook n = new Webhook();
            n.dateCreated = store.clock().now();
            n.name = "Webhook created on " + DateTimeFormatter.ofPattern("MMM dd, yyyy @ hh:mm a", Locale.US)
                    .format(n.dateCreated.atOffset(ZoneOffset.UTC));
            n.secret = randomSecret();
            apply(n, b);
            n.id = store.nextWebhookId();
            store.webhooks.put(n.id, n);
            return n;
        });
        store.webhookDispatcher().ping(w);
        return Response.json(201, store.locked(() -> render(store, w)));
    }

    private static void apply(Webhook w, JsonNode b) {
        if (b.has("name")) w.name = Json.text(b, "name", w.name);
        if (b.has("topic")) {
            String topic = Json.text(b, "topic", "");
            if (!Topic.isValid(topic)) throw new RestException(400, "woocommerce_rest_webhook_invalid_topic", "Webhook topic is required and must be valid.");
            w.topic = topic;
        }
        if (b.has("delivery_url")) w.deliveryUrl = Json.text(b, "delivery_url", "");
        if (b.has("secret")) w.secret = Json.text(b, "secret", w.secret);
        if (b.has("status")) {
            String s = Json.text(b, "status", "active");
            if (!STATUSES.contains(s)) throw RestException.invalidParam("status", "rest_not_in_enum", "status is not one of active, paused, and disabled.");
            // Re-activating is the only way back from "disabled". WooCommerce keeps failure_count (only a successful
            // delivery resets it), so the next failure disables the webhook again.
            w.status = s;
        }
    }

    private static boolean validUrl(String url) {
        try {
            URI u = URI.create(url);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String randomSecret() {
        String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()-_ []{}<>~`+=,.;:/?|";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50; i++) sb.append(chars.charAt(RANDOM.nextInt(chars.length())));
        return sb.toString();
    }

    public static ObjectNode render(Store store, Webhook w) {
        ObjectNode o = Json.object();
        o.put("id", w.id);
        o.put("name", w.name);
        o.put("status", w.status);
        o.put("topic", w.topic);
        o.put("resource", w.resource());
        o.put("event", w.event());
        ArrayNode hooks = o.putArray("hooks");
        Topic.hooks(w.topic).forEach(hooks::add);
        o.put("delivery_url", w.deliveryUrl);
        o.put("date_created", WpFormat.date(w.dateCreated));
        o.put("date_created_gmt", WpFormat.date(w.dateCreated));
        o.put("date_modified", WpFormat.date(w.dateModified));
        o.put("date_modified_gmt", WpFormat.date(w.dateModified));
        ObjectNode links = o.putObject("_links");
        links.set("self", ProductJson.selfLink(store.apiUrl() + "/webhooks/" + w.id));
        links.set("collection", ProductJson.link(store.apiUrl() + "/webhooks"));
        return o;
    }

    private static Response list(RestContext ctx) {
        Pagination pg = Pagination.from(ctx.request());
        Store store = ctx.store();
        String status = ctx.request().query("status");
        return store.locked(() -> {
            List<Webhook> all = store.webhooks.values().stream().filter(w -> status == null || "all".equals(status) || status.equals(w.status)).toList();
            ListQuery<Webhook> q = new ListQuery<>(ctx.request(), w -> w.id, w -> w.dateCreated,
                    w -> w.dateModified == null ? w.dateCreated : w.dateModified);
            List<Webhook> sorted = q.sort(q.filter(all), List.of("date", "modified", "id", "include", "title", "slug"), k -> null);
            ArrayNode body = Json.array();
            pg.slice(sorted).forEach(w -> body.add(render(store, w)));
            Response resp = Response.json(200, body);
            pg.headers(resp, sorted.size(), store.apiUrl() + "/webhooks", ctx.request());
            return resp;
        });
    }
}
