package com.counterlink.woo.sandbox.order;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.Request;
import com.counterlink.woo.sandbox.http.Response;
import com.counterlink.woo.sandbox.http.RestException;
import com.counterlink.woo.sandbox.rest.BatchRunner;
import com.counterlink.woo.sandbox.rest.ListQuery;
import com.counterlink.woo.sandbox.rest.Pagination;
import com.counterlink.woo.sandbox.rest.Permission;
import com.counterlink.woo.sandbox.rest.RestContext;
import com.counterlink.woo.sandbox.rest.RestRouter;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.webhook.Topic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** /wc/v3/orders, its batch, notes and refunds routes. */
public final class OrderController {
    private static final String P = "/wc/v3/orders";
    private static final List<String> STATUS_ENUM = List.of("any", "trash", "auto-draft", "pending", "processing", "on-hold",
            "completed", "cancelled", "refunded", "failed", "checkout-draft");
    private static final List<String> ORDERBY = List.of("date", "modified", "id", "include", "title", "slug");

    private OrderController() {}

    public static void register(RestRouter r) {
        r.add("GET", P, Permission.LIST, OrderController::list);
        r.add("POST", P, Permission.CREATE, ctx -> ctx.store().locked(() ->
                Response.json(201, OrderJson.render(ctx.store(), new OrderService(ctx.store()).create(ctx.request().json(), OrderService.Channel.REST_API)))));
        r.add("POST,PUT,PATCH", P + "/batch", Permission.BATCH, OrderController::batch);
        r.add("GET", P + "/(\\d+)", Permission.VIEW, ctx -> ctx.store().locked(() ->
                Response.json(200, OrderJson.render(ctx.store(), find(ctx.store(), ctx.idArg(0), 404)))));
        r.add("POST,PUT,PATCH", P + "/(\\d+)", Permission.EDIT, ctx -> ctx.store().locked(() -> {
            Order o = find(ctx.store(), ctx.idArg(0), 400);
            return Response.json(200, OrderJson.render(ctx.store(), new OrderService(ctx.store()).update(o, ctx.request().json())));
        }));
        r.add("DELETE", P + "/(\\d+)", Permission.DELETE, ctx -> ctx.store().locked(() ->
                Response.json(200, delete(ctx.store(), ctx.idArg(0), ctx.flag("force")))));
        RefundController.register(r);
        r.add("GET", P + "/(\\d+)/notes", Permission.LIST, ctx -> ctx.store().locked(() -> {
            Order o = find(ctx.store(), ctx.idArg(0), 404);
            ArrayNode arr = Json.array();
            o.notes.stream().sorted(Comparator.comparingLong(Order.OrderNote::id).reversed())
                    .forEach(n -> arr.add(OrderJson.note(ctx.store(), o, n)));
            return Response.json(200, arr);
        }));
        r.add("POST", P + "/(\\d+)/notes", Permission.CREATE, ctx -> ctx.store().locked(() -> {
            Order o = find(ctx.store(), ctx.idArg(0), 404);
            JsonNode b = ctx.request().json();
            String text = Json.text(b, "note", "");
            if (text.isEmpty()) throw RestException.invalidParam("note", "rest_property_required", "note is a required property of note.");
            Order.OrderNote n = new OrderService(ctx.store()).addNote(o, text, b.path("customer_note").asBoolean(false),
                    b.path("added_by_user").asBoolean(false) ? "admin" : "WooCommerce");
            return Response.json(201, OrderJson.note(ctx.store(), o, n));
        }));
    }

    static Order find(Store store, long id, int status) {
        Order o = store.orders.get(id);
        if (o == null) throw new RestException(status, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.");
        return o;
    }

    private static ObjectNode delete(Store store, long id, boolean force) {
        Order o = find(store, id, 404);
        ObjectNode before = OrderJson.render(store, o);
        if (force) {
            store.orders.remove(id);
        } else {
            if ("trash".equals(o.status)) throw new RestException(410, "woocommerce_rest_already_trashed", "The order has already been deleted.");
            o.status = "trash";
            before = OrderJson.render(store, o);
        }
        store.webhookDispatcher().enqueueDeleted(Topic.resourceEvent("order", "deleted"), id);
        return before;
    }

    private static Response list(RestContext ctx) {
        Request req = ctx.request();
        Store store = ctx.store();
        List<String> statuses = new ArrayList<>();
        for (String v : req.queryAll("status")) for (String s : v.split(",")) if (!s.isBlank()) statuses.add(s.trim());
        for (int i = 0; i < statuses.size(); i++) {
            if (!STATUS_ENUM.contains(statuses.get(i))) {
                throw RestException.invalidParam("status", "rest_not_in_enum", "status[" + i + "] is not one of "
                        + String.join(", ", STATUS_ENUM.subList(0, STATUS_ENUM.size() - 1)) + ", and " + STATUS_ENUM.getLast() + ".");
            }
        }
        Pagination pg = Pagination.from(req);
        Set<String> wanted = statuses.isEmpty() || statuses.contains("any") ? Set.of() : Set.copyOf(statuses);
        String customer = req.query("customer");
        String product = req.query("product");
        return store.locked(() -> {
            List<Order> candidates = new ArrayList<>();
            for (Order o : store.orders.values()) {
                if (wanted.isEmpty() ? Set.of("trash", "auto-draft", "checkout-draft").contains(o.status) : !wanted.contains(o.status)) continue;
                if (customer != null && !customer.equals(String.valueOf(o.customerId))) continue;
                if (product != null && o.lineItems.stream().noneMatch(li -> product.equals(String.valueOf(li.productId))
                        || product.equals(String.valueOf(li.variationId)))) continue;
                candidates.add(o);
            }
            ListQuery<Order> q = new ListQuery<>(req, o -> o.id, o -> o.dateCreated, o -> o.dateModified);
            List<Order> sorted = q.sort(q.filter(candidates), ORDERBY, k -> null);
            ArrayNode body = Json.array();
            for (Order o : pg.slice(sorted)) body.add(OrderJson.render(store, o));
            Response resp = Response.json(200, body);
            pg.headers(resp, sorted.size(), store.apiUrl() + "/orders", req);
            return resp;
        });
    }

    private static Response batch(RestContext ctx) {
        Store store = ctx.store();
        OrderService svc = new OrderService(store);
        return BatchRunner.run(ctx, new BatchRunner.Ops() {
            public ObjectNode create(JsonNode item) { return OrderJson.render(store, svc.create(item, OrderService.Channel.REST_API)); }

            public ObjectNode update(long id, JsonNode item) { return OrderJson.render(store, svc.update(find(store, id, 400), item)); }

            public ObjectNode delete(long id) { return OrderController.delete(store, id, true); }
        });
    }
}
