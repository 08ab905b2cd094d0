package com.counterlink.woo.sandbox.coupon;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.Response;
import com.counterlink.woo.sandbox.http.RestException;
import com.counterlink.woo.sandbox.rest.ListQuery;
import com.counterlink.woo.sandbox.rest.Pagination;
import com.counterlink.woo.sandbox.rest.Permission;
import com.counterlink.woo.sandbox.rest.RestContext;
import com.counterlink.woo.sandbox.rest.RestRouter;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.store.WpFormat;
import com.counterlink.woo.sandbox.webhook.Topic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** /wc/v3/coupons. */
public final class CouponController {
    private static final String P = "/wc/v3/coupons";
    private static final Set<String> TYPES = Set.of("percent", "fixed_cart", "fixed_product");

    private CouponController() {}

    public static void register(RestRouter r) {
        r.add("GET", P, Permission.LIST, CouponController::list);
        r.add("POST", P, Permission.CREATE, ctx -> ctx.store().locked(() -> Response.json(201, CouponJson.render(ctx.store(), create(ctx)))));
        r.add("GET", P + "/(\\d+)", Permission.VIEW, ctx -> ctx.store().locked(() ->
                Response.json(200, CouponJson.render(ctx.store(), find(ctx.store(), ctx.idArg(0), 404)))));
        r.add("POST,PUT,PATCH", P + "/(\\d+)", Permission.EDIT, ctx -> ctx.store().locked(() -> {
            Coupon c = find(ctx.store(), ctx.idArg(0), 400);
            apply(ctx.store(), c, ctx.request().json());
            c.dateModified = ctx.store().clock().now();
            ctx.store().webhookDispatcher().enqueue(Topic.resourceEvent("coupon", "updated"), c.id);
            return Response.json(200, CouponJson.render(ctx.store(), c));
        }));
        r.add("DELETE", P + "/(\\d+)", Permission.DELETE, ctx -> ctx.store().locked(() -> {
            Coupon c = find(ctx.store(), ctx.idArg(0), 404);
            var before = CouponJson.render(ctx.store(), c);
            if (ctx.flag("force")) ctx.store().coupons.remove(c.id); else c.status = "trash";
            ctx.store().webhookDispatcher().enqueueDeleted(Topic.resourceEvent("coupon", "deleted"), c.id);
            return Response.json(200, ctx.flag("force") ? before : CouponJson.render(ctx.store(), c));
        }));
    }

    private static Coupon find(Store store, long id, int status) {
        Coupon c = store.coupons.get(id);
        if (c == null) throw new RestException(status, "woocommerce_rest_shop_coupon_invalid_id", "Invalid ID.");
        return c;
    }

    private static Coupon create(RestContext ctx) {
        Store store = ctx.store();
        JsonNode b = ctx.request().json();
        String code = Json.text(b, "code", "").trim().toLowerCase(Locale.ROOT);
        if (code.isEmpty()) throw RestException.invalidParam("code", "rest_property_required", "code is a required property of coupon.");
        if (store.coupons.values().stream().anyMatch(c -> c.code.equals(code) && !"trash".equals(c.status))) {
            throw new RestException(400, "woocommerce_rest_coupon_code_already_exists", "The coupon code already exists");
        }
        Coupon c = new Coupon();
        c.code = code;
        apply(store, c, b);
        c.id = store.nextPostId();
        c.dateCreated = store.clock().now();
        c.dateModified = c.dateCreated;
        store.coupons.put(c.id, c);
        store.webhookDispatcher().enqueue(Topic.resourceEvent("coupon", "created"), c.id);
        return c;
    }

    private static void apply(Store store, Coupon c, JsonNode b) {
        if (b.has("discount_type")) {
            String t = Json.text(b, "discount_type", "fixed_cart");
            if (!TYPES.contains(t)) {
                throw RestException.invalidParam("discount_type", "rest_not_in_enum", "discount_type is not one of percent, fixed_cart, and fixed_product.");
            }
            c.discountType = t;
        }
        if (b.has("amount")) c.amount = WpFormat.decimal(Json.text(b, "amount", "0"));
        if (b.has("description")) c.description = Json.text(b, "description", "");
        if (b.has("date_expires")) c.dateExpires = WpFormat.parseDate(Json.text(b, "date_expires", null));
        if (b.has("individual_use")) c.individualUse = b.get("individual_use").asBoolean();
        if (b.has("usage_limit")) c.usageLimit = b.get("usage_limit").isNull() ? null : b.get("usage_limit").asInt();
        if (b.has("usage_limit_per_user")) c.usageLimitPerUser = b.get("usage_limit_per_user").isNull() ? null : b.get("usage_limit_per_user").asInt();
        if (b.has("limit_usage_to_x_items")) c.limitUsageToXItems = b.get("limit_usage_to_x_items").isNull() ? null : b.get("limit_usage_to_x_items").asInt();
        if (b.has("free_shipping")) c.freeShipping = b.get("free_shipping").asBoolean();
        if (b.has("exclude_sale_items")) c.excludeSaleItems = b.get("exclude_sale_items").asBoolean();
        if (b.has("minimum_amount")) c.minimumAmount = WpFormat.money(WpFormat.decimal(Json.text(b, "minimum_amount", "0")));
        if (b.has("maximum_amount")) c.maximumAmount = WpFormat.money(WpFormat.decimal(Json.text(b, "maximum_amount", "0")));
        if (b.has("product_ids")) c.productIds = (ArrayNode) b.get("product_ids").deepCopy();
        if (b.has("excluded_product_ids")) c.excludedProductIds = (ArrayNode) b.get("excluded_product_ids").deepCopy();
        if (b.has("email_restrictions")) c.emailRestrictions = (ArrayNode) b.get("email_restrictions").deepCopy();
        if (b.has("meta_data")) new com.counterlink.woo.sandbox.product.ProductService(store).mergeMeta(c.metaData, b.get("meta_data"));
    }

    private static Response list(RestContext ctx) {
        Pagination pg = Pagination.from(ctx.request());
        Store store = ctx.store();
        String code = ctx.request().query("code");
        return store.locked(() -> {
            List<Coupon> candidates = new ArrayList<>();
            for (Coupon c : store.coupons.values()) {
                if ("trash".equals(c.status)) continue;
                if (code != null && !c.code.equals(code.toLowerCase(Locale.ROOT))) continue;
                candidates.add(c);
            }
            ListQuery<Coupon> q = new ListQuery<>(ctx.request(), c -> c.id, c -> c.dateCreated, c -> c.dateModified);
            List<Coupon> sorted = q.sort(q.filter(candidates), List.of("date", "modified", "id", "include", "title", "slug"), k -> null);
            ArrayNode body = Json.array();
            pg.slice(sorted).forEach(c -> body.add(CouponJson.render(store, c)));
            Response resp = Response.json(200, body);
            pg.headers(resp, sorted.size(), store.apiUrl() + "/coupons", ctx.request());
            return resp;
        });
    }
}
