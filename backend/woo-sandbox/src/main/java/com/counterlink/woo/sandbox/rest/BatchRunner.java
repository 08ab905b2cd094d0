package com.counterlink.woo.sandbox.rest;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.Response;
import com.counterlink.woo.sandbox.http.RestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * WC_REST_Controller::batch_items: at most 100 items in total; items run one by one without a transaction, and
 * each failure is reported inside the 200 response as {id, error}.
 */
public final class BatchRunner {
    public static final int LIMIT = 100;

    /** The per-item operations of one resource. */
    public interface Ops {
        ObjectNode create(JsonNode item);

        ObjectNode update(long id, JsonNode item);

        ObjectNode delete(long id);
    }

    private BatchRunner() {}

    public static Response run(RestContext ctx, Ops ops) {
        JsonNode body = ctx.request().json();
        int total = body.path("create").size() + body.path("update").size() + body.path("delete").size();
        if (total > LIMIT) {
            throw new RestException(413, "woocommerce_rest_request_entity_too_large",
                    "Unable to accept more than " + LIMIT + " items for this request.");
        }
        ObjectNode out = Json.object();
        if (body.has("create")) {
            ArrayNode arr = out.putArray("create");
            for (JsonNode item : body.get("create")) arr.add(attempt(ctx, 0, () -> ops.create(item)));
        }
        if (body.has("update")) {
            ArrayNode arr = out.putArray("update");
            for (JsonNode item : body.get("update")) {
                long id = item.path("id").asLong(0);
                arr.add(attempt(ctx, id, () -> ops.update(id, item)));
            }
        }
        if (body.has("delete")) {
            ArrayNode arr = out.putArray("delete");
            for (JsonNode item : body.get("delete")) {
                long id = item.isObject() ? item.path("id").asLong(0) : item.asLong(0);
                arr.add(attempt(ctx, id, () -> ops.delete(id)));
            }
        }
        return Response.json(200, out);
    }

    private static ObjectNode attempt(RestContext ctx, long id, java.util.function.Supplier<ObjectNode> op) {
        try {
            return ctx.store().locked(op);
        } catch (RestException e) {
            ObjectNode err = Json.object();
            err.put("id", id);
            err.set("error", e.toBody());
            return err;
        }
    }
}
