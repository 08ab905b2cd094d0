package com.counterlink.woo.sandbox.tax;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.Response;
import com.counterlink.woo.sandbox.http.RestException;
import com.counterlink.woo.sandbox.rest.Pagination;
import com.counterlink.woo.sandbox.rest.Permission;
import com.counterlink.woo.sandbox.rest.RestContext;
import com.counterlink.woo.sandbox.rest.RestRouter;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.store.WpFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.Comparator;
import java.util.List;

/** /wc/v3/taxes (tax rates). */
public final class TaxController {
    private static final String P = "/wc/v3/taxes";

    private TaxController() {}

    public static void register(RestRouter r) {
        r.add("GET", P, Permission.LIST, TaxController::list);
        r.add("POST", P, Permission.CREATE, ctx -> ctx.store().locked(() -> {
            TaxRate t = new TaxRate();
            apply(t, ctx.request().json());
            t.id = ctx.store().nextTaxRateId();
            ctx.store().taxRates.put(t.id, t);
            return Response.json(201, TaxJson.render(ctx.store(), t));
        }));
        r.add("GET", P + "/(\\d+)", Permission.VIEW, ctx -> ctx.store().locked(() ->
                Response.json(200, TaxJson.render(ctx.store(), find(ctx.store(), ctx.idArg(0), 404)))));
        r.add("POST,PUT,PATCH", P + "/(\\d+)", Permission.EDIT, ctx -> ctx.store().locked(() -> {
            TaxRate t = find(ctx.store(), ctx.idArg(0), 400);
            apply(t, ctx.request().json());
            return Response.json(200, TaxJson.render(ctx.store(), t));
        }));
        r.add("DELETE", P + "/(\\d+)", Permission.DELETE, ctx -> ctx.store().locked(() -> {
            TaxRate t = find(ctx.store(), ctx.idArg(0), 404);
            if (!ctx.flag("force")) throw new RestException(501, "woocommerce_rest_trash_not_supported", "Taxes do not support trashing.");
            var before = TaxJson.render(ctx.store(), t);
            ctx.store().taxRates.remove(t.id);
            return Response.json(200, before);
        }));
    }

    private static TaxRate find(Store store, long id, int status) {
        TaxRate t = store.taxRates.get(id);
        if (t == null) throw new RestException(status, "woocommerce_rest_invalid_id", "Invalid resource ID.");
        return t;
    }

    private static void apply(TaxRate t, JsonNode b) {
        if (b.has("country")) t.country = Json.text(b, "country", "").toUpperCase();
        if (b.has("state")) t.state = Json.text(b, "state", "").toUpperCase();
        if (b.has("postcode")) t.postcode = Json.text(b, "postcode", "");
        if (b.has("postcodes")) t.postcode = joined(b.get("postcodes"));
        if (b.has("city")) t.city = Json.text(b, "city", "").toUpperCase();
        if (b.has("cities")) t.city = joined(b.get("cities")).toUpperCase();
        if (b.has("rate")) t.rate = WpFormat.decimal(Json.text(b, "rate", "0"));
        if (b.has("name")) t.name = Json.text(b, "name", "");
        if (b.has("priority")) t.priority = b.get("priority").asInt(1);
        if (b.has("compound")) t.compound = b.get("compound").asBoolean();
        if (b.has("shipping")) t.shipping = b.get("shipping").asBoolean();
        if (b.has("order")) t.order = b.get("order").asInt();
        if (b.has("class")) t.taxClass = Json.text(b, "class", "standard");
    }

    private static String joined(JsonNode arr) {
        StringBuilder sb = new StringBuilder();
        arr.forEach(n -> sb.append(sb.isEmpty() ? "" : ";").append(n.asText()));
        return sb.toString();
    }

    private static Response list(RestContext ctx) {
        Pagination pg = Pagination.from(ctx.request());
        Store store = ctx.store();
        String cls = ctx.request().query("class");
        return store.locked(() -> {
            List<TaxRate> all = store.taxRates.values().stream()
                    .filter(t -> cls == null || cls.equals(t.taxClass))
                    .sorted(Comparator.comparingInt((TaxRate t) -> t.order).thenComparingLong(t -> t.id)).toList();
            ArrayNode body = Json.array();
            pg.slice(all).forEach(t -> body.add(TaxJson.render(store, t)));
            Response resp = Response.json(200, body);
            pg.headers(resp, all.size(), store.apiUrl() + "/taxes", ctx.request());
            return resp;
        });
    }
}
