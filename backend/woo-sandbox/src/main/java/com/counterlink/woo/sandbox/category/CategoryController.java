package com.counterlink.woo.sandbox.category;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.Response;
import com.counterlink.woo.sandbox.http.RestException;
import com.counterlink.woo.sandbox.product.Product;
import com.counterlink.woo.sandbox.product.Slugs;
import com.counterlink.woo.sandbox.rest.BatchRunner;
import com.counterlink.woo.sandbox.rest.Pagination;
import com.counterlink.woo.sandbox.rest.Permission;
import com.counterlink.woo.sandbox.rest.RestContext;
import com.counterlink.woo.sandbox.rest.RestRouter;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * /wc/v3/products/categories as WooCommerce's terms controller answers it: a name is unique under its
 * parent ({@code term_exists} with the existing {@code resource_id}), slugs are unique, a parent must
 * exist, deleting needs {@code force=true}, and {@code count} is the number of products in the category.
 */
public final class CategoryController {
    private static final String P = "/wc/v3/products/categories";

    private CategoryController() {}

    public static void register(RestRouter r) {
        r.add("GET", P, Permission.LIST, CategoryController::list);
        r.add("POST", P, Permission.CREATE, ctx -> ctx.store().locked(() ->
                Response.json(201, render(ctx.store(), create(ctx.store(), ctx.request().json())))));
        r.add("POST,PUT,PATCH", P + "/batch", Permission.BATCH, ctx -> BatchRunner.run(ctx, new BatchRunner.Ops() {
            @Override
            public ObjectNode create(JsonNode item) {
                return ctx.store().locked(() -> render(ctx.store(), CategoryController.create(ctx.store(), item)));
            }

            @Override
            public ObjectNode update(long id, JsonNode item) {
                return ctx.store().locked(() -> render(ctx.store(), CategoryController.update(ctx.store(), find(ctx.store(), id), item)));
            }

            @Override
            public ObjectNode delete(long id) {
                return ctx.store().locked(() -> CategoryController.delete(ctx.store(), find(ctx.store(), id)));
            }
        }));
        r.add("GET", P + "/(\\d+)", Permission.VIEW, ctx -> ctx.store().locked(() ->
                Response.json(200, render(ctx.store(), find(ctx.store(), ctx.idArg(0))))));
        r.add("POST,PUT,PATCH", P + "/(\\d+)", Permission.EDIT, ctx -> ctx.store().locked(() ->
                Response.json(200, render(ctx.store(), update(ctx.store(), find(ctx.store(), ctx.idArg(0)), ctx.request().json())))));
        r.add("DELETE", P + "/(\\d+)", Permission.DELETE, ctx -> ctx.store().locked(() -> {
            Category c = find(ctx.store(), ctx.idArg(0));
            if (!ctx.flag("force")) {
                throw new RestException(501, "woocommerce_rest_trash_not_supported", "Resource does not support trashing.");
            }
            return Response.json(200, delete(ctx.store(), c));
        }));
    }

    static Category create(Store store, JsonNode body) {
        String name = Json.text(body, "name", "").strip();
        if (name.isEmpty()) {
            ObjectNode data = Json.object();
            data.putArray("params").add("name");
            throw new RestException(400, "rest_missing_callback_param", "Missing parameter(s): name", data);
        }
        Category c = new Category();
        c.name = name;
        c.parent = parent(store, body, 0);
        requireUniqueName(store, c.name, c.parent, 0);
        apply(c, body);
        c.id = store.nextTermId();
        c.slug = uniqueSlug(store, body.hasNonNull("slug") ? Slugs.sanitize(body.get("slug").asText()) : Slugs.sanitize(name), c.id);
        store.categories.put(c.id, c);
        return c;
    }

    static Category update(Store store, Category c, JsonNode body) {
        String name = body.has("name") ? Json.text(body, "name", "").strip() : c.name;
        long parent = parent(store, body, c.parent);
        if (parent == c.id) {
            throw new RestException(400, "woocommerce_rest_term_invalid", "Parent resource does not exist.");
        }
        if (!name.isEmpty() && (!name.equals(c.name) || parent != c.parent)) {
            requireUniqueName(store, name, parent, c.id);
        }
        if (!name.isEmpty()) c.name = name;
        c.parent = parent;
        apply(c, body);
        if (body.hasNonNull("slug")) c.slug = uniqueSlug(store, Slugs.sanitize(body.get("slug").asText()), c.id);
        return c;
    }

    /** Deletes it; its children move up to its parent and its products lose it (Uncategorized when none is left). */
    static ObjectNode delete(Store store, Category c) {
        if (c.id == Category.UNCATEGORIZED_ID) {
            throw new RestException(500, "woocommerce_rest_cannot_delete", "The resource cannot be deleted.");
        }
        ObjectNode before = render(store, c);
        store.categories.values().stream().filter(o -> o.parent == c.id).forEach(o -> o.parent = c.parent);
        for (Product p : store.products.values()) {
            ArrayNode kept = Json.array();
            p.categories.forEach(t -> {
                if (t.path("id").asLong() != c.id) kept.add(t);
            });
            if (kept.size() != p.categories.size()) {
                if (kept.isEmpty() && !p.isVariation()) kept.add(term(store.categories.get(Category.UNCATEGORIZED_ID)));
                p.categories = kept;
            }
        }
        store.categories.remove(c.id);
        return before;
    }

    /** The {id, name, slug} a product shows for one of its categories. */
    public static ObjectNode term(Category c) {
        return Json.object().put("id", c.id).put("name", c.name).put("slug", c.slug);
    }

    public static ObjectNode render(Store store, Category c) {
        ObjectNode o = Json.object();
        o.put("id", c.id);
        o.put("name", c.name);
        o.put("slug", c.slug);
        o.put("parent", c.parent);
        o.put("description", c.description);
        o.put("display", c.display);
        o.putNull("image");
        o.put("menu_order", c.menuOrder);
        o.put("count", count(store, c));
        ObjectNode links = o.putObject("_links");
        links.putArray("self").addObject().put("href", store.apiUrl() + "/products/categories/" + c.id);
        links.putArray("collection").addObject().put("href", store.apiUrl() + "/products/categories");
        if (c.parent != 0) links.putArray("up").addObject().put("href", store.apiUrl() + "/products/categories/" + c.parent);
        return o;
    }

    private static Response list(RestContext ctx) {
        Pagination pg = Pagination.from(ctx.request());
        Store store = ctx.store();
        String parent = ctx.request().query("parent");
        String slug = ctx.request().query("slug");
        String search = ctx.request().query("search");
        boolean hideEmpty = ctx.flag("hide_empty");
        return store.locked(() -> {
            List<Category> all = store.categories.values().stream()
                    .filter(c -> parent == null || Objects.equals(Long.toString(c.parent), parent.strip()))
                    .filter(c -> slug == null || c.slug.equals(slug.strip()))
                    .filter(c -> search == null || c.name.toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT))
                            || c.slug.contains(search.toLowerCase(Locale.ROOT)))
                    .filter(c -> !hideEmpty || count(store, c) > 0)
                    .sorted(Comparator.comparing((Category c) -> c.name.toLowerCase(Locale.ROOT)).thenComparingLong(c -> c.id))
                    .toList();
            ArrayNode body = Json.array();
            pg.slice(all).forEach(c -> body.add(render(store, c)));
            Response resp = Response.json(200, body);
            pg.headers(resp, all.size(), store.apiUrl() + "/products/categories", ctx.request());
            return resp;
        });
    }

    private static Category find(Store store, long id) {
        Category c = store.categories.get(id);
        if (c == null) throw new RestException(404, "woocommerce_rest_term_invalid", "Resource does not exist.");
        return c;
    }

    private static long parent(Store store, JsonNode body, long current) {
        if (!body.has("parent")) return current;
        long parent = body.get("parent").asLong(0);
        if (parent != 0 && !store.categories.containsKey(parent)) {
            throw new RestException(404, "woocommerce_rest_term_invalid", "Parent resource does not exist.");
        }
        return parent;
    }

    private static void requireUniqueName(Store store, String name, long parent, long self) {
        for (Category other : store.categories.values()) {
            if (other.id != self && other.parent == parent && other.name.equalsIgnoreCase(name)) {
                throw new RestException(400, "term_exists", "A term with the name provided already exists with this parent.",
                        Json.object().put("resource_id", other.id));
            }
        }
    }

    private static void apply(Category c, JsonNode b) {
        if (b.has("description")) c.description = Json.text(b, "description", "");
        if (b.has("display")) c.display = Json.text(b, "display", "default");
        if (b.has("menu_order")) c.menuOrder = b.get("menu_order").asInt();
    }

    private static String uniqueSlug(Store store, String wanted, long self) {
        String base = wanted.isEmpty() ? Long.toString(self) : wanted;
        String slug = base;
        for (int n = 2; taken(store, slug, self); n++) slug = base + "-" + n;
        return slug;
    }

    private static boolean taken(Store store, String slug, long self) {
        return store.categories.values().stream().anyMatch(c -> c.id != self && c.slug.equals(slug));
    }

    private static long count(Store store, Category c) {
        return store.products.values().stream().filter(p -> !p.isVariation())
                .filter(p -> { for (JsonNode t : p.categories) if (t.path("id").asLong() == c.id) return true; return false; })
                .count();
    }
}
