package com.counterlink.woo.sandbox.product;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.Request;
import com.counterlink.woo.sandbox.http.Response;
import com.counterlink.woo.sandbox.http.RestException;
import com.counterlink.woo.sandbox.rest.BatchRunner;
import com.counterlink.woo.sandbox.rest.ListQuery;
import com.counterlink.woo.sandbox.rest.Pagination;
import com.counterlink.woo.sandbox.rest.ParamValidator;
import com.counterlink.woo.sandbox.rest.Permission;
import com.counterlink.woo.sandbox.rest.RestContext;
import com.counterlink.woo.sandbox.rest.RestRouter;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** /wc/v3/products and /wc/v3/products/{id}/variations. */
public final class ProductController {
    private static final String P = "/wc/v3/products";
    private static final List<String> ORDERBY = List.of("date", "modified", "id", "include", "title", "slug", "price", "popularity", "rating", "menu_order");

    private ProductController() {}

    public static void register(RestRouter r) {
        r.add("GET", P, Permission.LIST, ProductController::list);
        r.add("POST", P, Permission.CREATE, ctx -> ctx.store().locked(() ->
                Response.json(201, ProductJson.asProduct(ctx.store(), new ProductService(ctx.store()).create(validProduct(ctx)), true))));
        r.add("POST,PUT,PATCH", P + "/batch", Permission.BATCH, ProductController::batch);
        r.add("GET", P + "/(\\d+)", Permission.VIEW, ctx -> ctx.store().locked(() -> {
            Product p = ctx.store().products.get(ctx.idArg(0));
            if (p == null) throw invalidId(404);
            return Response.json(200, ProductJson.asProduct(ctx.store(), p, false));
        }));
        r.add("POST,PUT,PATCH", P + "/(\\d+)", Permission.EDIT, ctx -> ctx.store().locked(() -> {
            JsonNode body = validProduct(ctx);
            Product p = ctx.store().products.get(ctx.idArg(0));
            if (p == null || p.isVariation()) throw invalidId(400);
            return Response.json(200, ProductJson.asProduct(ctx.store(), new ProductService(ctx.store()).update(p, body), true));
        }));
        r.add("DELETE", P + "/(\\d+)", Permission.DELETE, ctx -> ctx.store().locked(() ->
                Response.json(200, delete(ctx.store(), ctx.idArg(0), ctx.flag("force")))));
        r.add("GET", P + "/(\\d+)/variations", Permission.LIST, ProductController::listVariations);
        r.add("POST", P + "/(\\d+)/variations", Permission.CREATE, ctx -> ctx.store().locked(() ->
                Response.json(201, ProductJson.asVariation(ctx.store(), createVariation(ctx.store(), ctx.idArg(0), validVariation(ctx)), true))));
        r.add("POST,PUT,PATCH", P + "/(\\d+)/variations/batch", Permission.BATCH, ProductController::batchVariations);
        r.add("GET", P + "/(\\d+)/variations/(\\d+)", Permission.VIEW, ctx -> ctx.store().locked(() ->
                Response.json(200, ProductJson.asVariation(ctx.store(), variation(ctx.store(), ctx.idArg(0), ctx.idArg(1), 404), false))));
        r.add("POST,PUT,PATCH", P + "/(\\d+)/variations/(\\d+)", Permission.EDIT, ctx -> ctx.store().locked(() -> {
            JsonNode body = validVariation(ctx);
            Product v = variation(ctx.store(), ctx.idArg(0), ctx.idArg(1), 400);
            return Response.json(200, ProductJson.asVariation(ctx.store(), new ProductService(ctx.store()).update(v, body), true));
        }));
        r.add("DELETE", P + "/(\\d+)/variations/(\\d+)", Permission.DELETE, ctx -> ctx.store().locked(() ->
                Response.json(200, deleteVariation(ctx.store(), ctx.idArg(0), ctx.idArg(1), ctx.flag("force")))));
    }

    /** WordPress checks a single create or update against the schema before the controller sees it. */
    private static JsonNode validProduct(RestContext ctx) {
        ParamValidator.validateBody(ctx.request().json(), ProductSchema.PRODUCT);
        return ctx.request().json();
    }

    private static JsonNode validVariation(RestContext ctx) {
        ParamValidator.validateBody(ctx.request().json(), ProductSchema.VARIATION);
        return ctx.request().json();
    }

    private static RestException invalidId(int status) {
        return new RestException(status, "woocommerce_rest_product_invalid_id", "Invalid ID.");
    }

    private static Response list(RestContext ctx) {
        Request req = ctx.request();
        Pagination pg = Pagination.from(req);
        ParamValidator.validateQuery(req, ProductSchema.PRODUCT_FILTERS);
        Store store = ctx.store();
        return store.locked(() -> {
            Set<String> skus = ListQuery.csv(req.queryAll("sku"));
            String status = req.query("status") == null ? "any" : req.query("status");
            String type = req.query("type");
            String search = req.query("search");
            String stockStatus = req.query("stock_status");
            String parent = req.query("parent");
            Set<String> skuKeys = new java.util.HashSet<>();
            skus.forEach(sku -> skuKeys.add(SkuCollation.key(sku)));
            List<Product> candidates = new ArrayList<>();
            for (Product p : store.products.values()) {
                // A sku filter searches variations too (post_type product + product_variation).
                if (p.isVariation() && skus.isEmpty()) continue;
                if (!skus.isEmpty() && (p.sku == null || !skuKeys.contains(SkuCollation.key(p.sku)))) continue;
                if ("any".equals(status) ? Set.of("trash", "auto-draft").contains(p.status) : !status.equals(p.status)) continue;
                if (type != null && !type.equals(p.type)) continue;
                if (search != null && !p.name.toLowerCase().contains(search.toLowerCase())) continue;
                if (stockStatus != null && !stockStatus.equals(p.stockStatus)) continue;
                if (parent != null && !ListQuery.csv(List.of(parent)).contains(String.valueOf(p.parentId))) continue;
                candidates.add(p);
            }
            ListQuery<Product> q = new ListQuery<>(req, p -> p.id, p -> p.dateCreated, p -> p.dateModified);
            List<Product> sorted = q.sort(q.filter(candidates), ORDERBY, ProductController::extraOrder);
            ArrayNode body = Json.array();
            for (Product p : pg.slice(sorted)) body.add(ProductJson.asProduct(store, p, false));
            Response resp = Response.json(200, body);
            pg.headers(resp, sorted.size(), store.apiUrl().replace("/wc/v3", "") + "/wc/v3/products", req);
            return resp;
        });
    }

    private static Comparator<Product> extraOrder(String orderby) {
        return switch (orderby) {
            case "title" -> Comparator.comparing(p -> p.name);
            case "slug" -> Comparator.comparing(p -> p.slug);
            case "menu_order" -> Comparator.comparingInt(p -> p.menuOrder);
            case "price" -> Comparator.comparing(p -> p.activePrice().isEmpty() ? BigDecimal.ZERO : new BigDecimal(p.activePrice()));
            case "popularity" -> Comparator.comparingInt(p -> p.totalSales);
            default -> null;
        };
    }

    private static ObjectNode delete(Store store, long id, boolean force) {
        Product p = store.products.get(id);
        if (p == null || p.isVariation()) throw new RestException(404, "woocommerce_rest_product_invalid_id", "Invalid ID.");
        ObjectNode before = ProductJson.asProduct(store, p, true);
        ProductService svc = new ProductService(store);
        if (force) {
            svc.delete(p);
            return before;
        }
        if ("trash".equals(p.status)) {
            throw new RestException(410, "woocommerce_rest_already_trashed", "The product has already been deleted.");
        }
        svc.trash(p);
        return ProductJson.asProduct(store, p, true);
    }

    private static Response batch(RestContext ctx) {
        Store store = ctx.store();
        ProductService svc = new ProductService(store);
        return BatchRunner.run(ctx, new BatchRunner.Ops() {
            public ObjectNode create(JsonNode item) { return ProductJson.asProduct(store, svc.create(item), true); }

            public ObjectNode update(long id, JsonNode item) {
                Product p = store.products.get(id);
                if (p == null || p.isVariation()) throw invalidId(400);
                return ProductJson.asProduct(store, svc.update(p, item), true);
            }

            public ObjectNode delete(long id) { return ProductController.delete(store, id, true); }
        });
    }

    private static Product parent(Store store, long parentId) {
        Product parent = store.products.get(parentId);
        if (parent == null || parent.isVariation()) {
            throw new RestException(404, "woocommerce_rest_product_invalid_id", "Invalid ID.");
        }
        return parent;
    }

    private static Product createVariation(Store store, long parentId, JsonNode body) {
        return new ProductService(store).createVariation(parent(store, parentId), body);
    }

    private static Product variation(Store store, long parentId, long id, int status) {
        Product v = store.products.get(id);
        if (v == null || !v.isVariation() || v.parentId != parentId) {
            throw new RestException(status, "woocommerce_rest_product_variation_invalid_id", "Invalid ID.");
        }
        return v;
    }

    private static ObjectNode deleteVariation(Store store, long parentId, long id, boolean force) {
        Product v = variation(store, parentId, id, 404);
        if (!force) {
            throw new RestException(501, "woocommerce_rest_trash_not_supported", "Resource does not support trashing.");
        }
        ObjectNode before = ProductJson.asVariation(store, v, true);
        new ProductService(store).delete(v);
        return before;
    }

    private static Response listVariations(RestContext ctx) {
        Request req = ctx.request();
        Pagination pg = Pagination.from(req);
        Store store = ctx.store();
        return store.locked(() -> {
            Product parent = parent(store, ctx.idArg(0));
            List<Product> children = ProductJson.children(store, parent);
            ListQuery<Product> q = new ListQuery<>(req, p -> p.id, p -> p.dateCreated, p -> p.dateModified);
            String orderby = req.query("orderby");
            List<Product> sorted = orderby == null && req.query("order") == null
                    ? children.stream().sorted(Comparator.comparingInt((Product p) -> p.menuOrder).thenComparing(p -> p.id)).toList()
                    : q.sort(q.filter(children), ORDERBY, ProductController::extraOrder);
            ArrayNode body = Json.array();
            for (Product p : pg.slice(sorted)) body.add(ProductJson.asVariation(store, p, false));
            Response resp = Response.json(200, body);
            pg.headers(resp, sorted.size(), store.apiUrl() + "/products/" + parent.id + "/variations", req);
            return resp;
        });
    }

    private static Response batchVariations(RestContext ctx) {
        Store store = ctx.store();
        ProductService svc = new ProductService(store);
        long parentId = ctx.idArg(0);
        return BatchRunner.run(ctx, new BatchRunner.Ops() {
            public ObjectNode create(JsonNode item) {
                return ProductJson.asVariation(store, svc.createVariation(parent(store, parentId), item), true);
            }

            public ObjectNode update(long id, JsonNode item) {
                return ProductJson.asVariation(store, svc.update(variation(store, parentId, id, 400), item), true);
            }

            public ObjectNode delete(long id) { return deleteVariation(store, parentId, id, true); }
        });
    }
}
