package com.counterlink.woo.sandbox.order;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.Response;
import com.counterlink.woo.sandbox.http.RestException;
import com.counterlink.woo.sandbox.rest.Pagination;
import com.counterlink.woo.sandbox.rest.Permission;
import com.counterlink.woo.sandbox.rest.RestContext;
import com.counterlink.woo.sandbox.rest.RestRouter;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.Comparator;
import java.util.List;

/** /wc/v3/orders/{id}/refunds: list (newest first), one refund, and create. */
final class RefundController {
    private static final String P = "/wc/v3/orders/(\\d+)/refunds";

    private RefundController() {}

    static void register(RestRouter r) {
        r.add("GET", P, Permission.LIST, RefundController::list);
        r.add("POST", P, Permission.CREATE, ctx -> ctx.store().locked(() -> {
            Order o = ctx.store().orders.get(ctx.idArg(0));
            if (o == null) throw new BareStatusError(404, "woocommerce_rest_invalid_order_id", "Invalid order ID.");
            Refund refund = new OrderService(ctx.store()).refund(o, ctx.request().json());
            return Response.json(201, RefundJson.render(ctx.store(), refund));
        }));
        r.add("GET", P + "/(\\d+)", Permission.VIEW, ctx -> ctx.store().locked(() ->
                Response.json(200, RefundJson.render(ctx.store(), find(ctx.store(), ctx.idArg(0), ctx.idArg(1))))));
    }

    private static Response list(RestContext ctx) {
        Pagination pg = Pagination.from(ctx.request());
        Store store = ctx.store();
        return store.locked(() -> {
            Order o = store.orders.get(ctx.idArg(0));
            List<Refund> newestFirst = o == null ? List.of() : o.refunds.stream()
                    .sorted(Comparator.comparing((Refund x) -> x.dateCreated).thenComparingLong(x -> x.id).reversed()).toList();
            ArrayNode body = Json.array();
            pg.slice(newestFirst).forEach(x -> body.add(RefundJson.render(store, x)));
            Response resp = Response.json(200, body);
            pg.headers(resp, newestFirst.size(), store.apiUrl() + "/orders/" + ctx.idArg(0) + "/refunds", ctx.request());
            return resp;
        });
    }

    /** A refund id that is no post gives "Invalid ID."; one that is not this order's refund, "Invalid order refund ID.". */
    private static Refund find(Store store, long orderId, long refundId) {
        Refund anywhere = store.orders.values().stream().flatMap(o -> o.refunds.stream()).filter(x -> x.id == refundId).findFirst().orElse(null);
        if (anywhere == null && !store.orders.containsKey(refundId)) {
            throw new RestException(404, "woocommerce_rest_shop_order_refund_invalid_id", "Invalid ID.");
        }
        if (!store.orders.containsKey(orderId)) throw new BareStatusError(404, "woocommerce_rest_invalid_order_id", "Invalid order ID.");
        if (anywhere == null || anywhere.orderId != orderId) {
            throw new BareStatusError(404, "woocommerce_rest_invalid_order_refund_id", "Invalid order refund ID.");
        }
        return anywhere;
    }
}
