package com.counterlink.woo.sandbox.product;

import com.counterlink.woo.sandbox.category.Category;
import com.counterlink.woo.sandbox.category.CategoryController;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.RestException;
import com.counterlink.woo.sandbox.store.Kses;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.webhook.Topic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Product and variation writes with WooCommerce's side effects (slug, SKU checks, derived stock status). Lock held by callers. */
public final class ProductService {
    private static final Set<String> TYPES = Set.of("simple", "grouped", "external", "variable");
    private static final Set<String> STATUSES = Set.of("draft", "pending", "private", "publish", "future");
    private static final Set<String> STOCK_STATUSES = Set.of("instock", "outofstock", "onbackorder");
    private static final Set<String> BACKORDERS = Set.of("no", "notify", "yes");

    private final Store store;

    public ProductService(Store store) { this.store = store; }

    public Product find(long id) {
        return store.products.get(id);
    }

    public Product create(JsonNode body) {
        Product p = new Product();
        String type = Json.text(body, "type", "simple");
        if (!TYPES.contains(type)) throw enumError("type", type, "simple, grouped, external, and variable");
        p.type = type;
        apply(p, body, true);
        if (p.categories.isEmpty()) {
            p.categories = Json.array();
            p.categories.add(CategoryController.term(store.categories.get(Category.UNCATEGORIZED_ID)));
        }
        p.id = store.nextPostId();
        setSlug(p, uniqueSlug(body.hasNonNull("slug") ? Slugs.sanitize(body.get("slug").asText()) : Slugs.sanitize(p.name), p.id));
        p.dateCreated = store.clock().now();
        p.dateModified = p.dateCreated;
        validateStock(p);
        store.products.put(p.id, p);
        indexSku(p);
        store.webhookDispatcher().enqueue(Topic.resourceEvent("product", "created"), p.id);
        return p;
    }

    public Product update(Product p, JsonNode body) {
        apply(p, body, false);
        if (body.has("slug")) setSlug(p, uniqueSlug(Slugs.sanitize(body.get("slug").asText()), p.id));
        p.dateModified = store.clock().now();
        validateStock(p);
        if (p.isVariation()) refreshParent(p.parentId);
        store.webhookDispatcher().enqueue(Topic.resourceEvent("product", "updated"), p.id);
        return p;
    }

    public Product createVariation(Product parent, JsonNode body) {
        Product v = new Product();
        v.type = "variation";
        v.parentId = parent.id;
        v.taxClass = "parent";
        v.reviewsAllowed = false;
        v.categories = Json.array();
        apply(v, body, true);
        v.id = store.nextPostId();
        v.name = parent.name + " - " + ProductJson.summary(v);
        setSlug(v, uniqueSlug(Slugs.sanitize(v.name), v.id));
        v.dateCreated = store.clock().now();
        v.dateModified = v.dateCreated;
        validateStock(v);
        store.products.put(v.id, v);
        indexSku(v);
        parent.variationIds.add(v.id);
        store.webhookDispatcher().enqueue(Topic.resourceEvent("product", "created"), v.id);
        return v;
    }

    /** Permanently removes a product (and a variable product's variations). */
    public void delete(Product p) {
        for (Long childId : List.copyOf(p.variationIds)) forget(store.products.remove(childId));
        forget(store.products.remove(p.id));
        if (p.isVariation()) {
            Product parent = store.products.get(p.parentId);
            if (parent != null) parent.variationIds.remove(p.id);
        }
        store.webhookDispatcher().enqueueDeleted(Topic.resourceEvent("product", "deleted"), p.id);
    }

    public void trash(Product p) {
        p.status = "trash";
        p.dateModified = store.clock().now();
        store.webhookDispatcher().enqueueDeleted(Topic.resourceEvent("product", "deleted"), p.id);
    }

    private void refreshParent(long parentId) {
        Product parent = store.products.get(parentId);
        if (parent != null) parent.dateModified = store.clock().now();
    }

    private void apply(Product p, JsonNode b, boolean create) {
        // wp_filter_post_kses(), as WooCommerce's products controller runs on these three.
        if (b.has("name")) p.name = Kses.filterPost(Json.text(b, "name", ""));
        if (b.has("status")) {
            String s = Json.text(b, "status", "publish");
            if (!STATUSES.contains(s)) throw enumError("status", s, "draft, pending, private, publish, and future");
            p.status = s;
        }
        if (b.has("featured")) p.featured = b.get("featured").asBoolean();
        if (b.has("catalog_visibility")) p.catalogVisibility = Json.text(b, "catalog_visibility", "visible");
        if (b.has("description")) p.description = Kses.filterPost(Json.text(b, "description", ""));
        if (b.has("short_description")) p.shortDescription = Kses.filterPost(Json.text(b, "short_description", ""));
        if (b.has("sku")) setSku(p, Json.text(b, "sku", ""));
        if (b.has("global_unique_id")) p.globalUniqueId = Json.text(b, "global_unique_id", "");
        // WooCommerce guards these with PHP's isset(), which is false for null: null changes nothing, "" clears
        if (isSet(b, "regular_price")) p.regularPrice = price(Json.text(b, "regular_price", ""));
        if (isSet(b, "sale_price")) p.salePrice = price(Json.text(b, "sale_price", ""));
        if (isSet(b, "date_on_sale_from_gmt")) p.saleFromGmt = saleDate(b.get("date_on_sale_from_gmt"));
        if (isSet(b, "date_on_sale_to_gmt")) p.saleToGmt = saleDate(b.get("date_on_sale_to_gmt"));
        if (b.has("virtual")) p.virtual = b.get("virtual").asBoolean();
        if (b.has("downloadable")) p.downloadable = b.get("downloadable").asBoolean();
        if (b.has("tax_status")) p.taxStatus = Json.text(b, "tax_status", "taxable");
        if (b.has("tax_class")) p.taxClass = Json.text(b, "tax_class", "");
        if (b.has("manage_stock")) {
            JsonNode ms = b.get("manage_stock");
            p.manageStock = ms.isBoolean() ? ms.asBoolean() : "true".equals(ms.asText()) || "1".equals(ms.asText());
        }
        if (b.has("stock_quantity")) p.stockQuantity = b.get("stock_quantity").isNull() ? null : b.get("stock_quantity").asInt();
        if (b.has("inventory_delta") && p.manageStock) {
            p.stockQuantity = (p.stockQuantity == null ? 0 : p.stockQuantity) + b.get("inventory_delta").asInt();
        }
        if (b.has("stock_status")) {
            String s = Json.text(b, "stock_status", "instock");
            if (!STOCK_STATUSES.contains(s)) throw enumError("stock_status", s, "instock, outofstock, and onbackorder");
            p.stockStatus = s;
        }
        if (b.has("backorders")) {
            String s = Json.text(b, "backorders", "no");
            if (!BACKORDERS.contains(s)) throw enumError("backorders", s, "no, notify, and yes");
            p.backorders = s;
        }
        if (b.has("low_stock_amount")) p.lowStockAmount = b.get("low_stock_amount").isNull() ? null : b.get("low_stock_amount").asInt();
        if (b.has("sold_individually")) p.soldIndividually = b.get("sold_individually").asBoolean();
        if (b.has("weight")) p.weight = Json.text(b, "weight", "");
        if (b.has("dimensions")) {
            JsonNode d = b.get("dimensions");
            if (d.has("length")) p.length = Json.text(d, "length", "");
            if (d.has("width")) p.width = Json.text(d, "width", "");
            if (d.has("height")) p.height = Json.text(d, "height", "");
        }
        if (b.has("reviews_allowed")) p.reviewsAllowed = b.get("reviews_allowed").asBoolean();
        if (b.has("purchase_note")) p.purchaseNote = Json.text(b, "purchase_note", "");
        if (b.has("menu_order")) p.menuOrder = b.get("menu_order").asInt();
        if (b.has("categories") && !p.isVariation()) p.categories = categories(b.get("categories"));
        if (b.has("tags")) p.tags = terms(b.get("tags"), "tag");
        if (b.has("images")) p.images = images(b.get("images"));
        if (b.has("image") && b.get("image").isObject()) {
            ArrayNode arr = Json.array();
            arr.add(b.get("image"));
            p.images = images(arr);
        }
        if (b.has("meta_data")) mergeMeta(p.metaData, b.get("meta_data"));
        if (b.has("attributes")) {
            if (p.isVariation()) {
                p.variationAttributes = new ArrayList<>();
                for (JsonNode a : b.get("attributes")) {
                    p.variationAttributes.add(new VariationAttribute(Json.text(a, "name", ""), Json.text(a, "option", "")));
                }
            } else {
                p.attributes = new ArrayList<>();
                for (JsonNode a : b.get("attributes")) {
                    // WooCommerce sets absint(position) or "0", never the attribute's index.
                    int position = a.hasNonNull("position") ? Math.abs(a.get("position").asInt()) : 0;
                    p.attributes.add(new ProductAttribute(Json.text(a, "name", ""), position,
                            a.path("visible").asBoolean(false), a.path("variation").asBoolean(false), textOptions(a.path("options"))));
                }
            }
        }
        if (b.has("default_attributes")) {
            p.defaultAttributes = new ArrayList<>();
            for (JsonNode a : b.get("default_attributes")) {
                p.defaultAttributes.add(new VariationAttribute(Json.text(a, "name", ""), Json.text(a, "option", "")));
            }
        }
    }

    /**
     * A custom attribute's options are stored joined with " | " and read back split on "|" (wc_get_text_attributes:
     * trimmed, empty ones dropped), so an option containing "|" becomes several.
     */
    private static List<String> textOptions(JsonNode given) {
        List<String> values = new ArrayList<>();
        if (given.isArray()) given.forEach(o -> values.add(o.asText())); else if (!given.isMissingNode()) values.add(given.asText());
        List<String> options = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split("\\|")) if (!part.trim().isEmpty()) options.add(part.trim());
        }
        return options;
    }

    private static boolean isSet(JsonNode body, String field) {
        return body.has(field) && !body.get(field).isNull();
    }

    private static String saleDate(JsonNode value) {
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private void setSku(Product p, String sku) {
        String trimmed = sku.trim();
        if (!trimmed.isEmpty()) {
            Product owner = findBySku(trimmed, p.id);
            if (owner != null) {
                ObjectNode data = Json.object();
                data.put("resource_id", owner.id);
                data.put("unique_sku", uniqueSku(trimmed));
                throw new RestException(400, "product_invalid_sku", "Invalid or duplicated SKU.", data);
            }
        }
        boolean stored = store.products.get(p.id) == p;
        if (stored) unindexSku(p);
        p.sku = trimmed;
        if (stored) indexSku(p);
    }

    private void indexSku(Product p) {
        if (p.sku != null && !p.sku.isEmpty()) {
            store.productSkus.computeIfAbsent(SkuCollation.key(p.sku), k -> new java.util.HashSet<>()).add(p.id);
        }
    }

    private void unindexSku(Product p) {
        if (p.sku == null || p.sku.isEmpty()) return;
        String key = SkuCollation.key(p.sku);
        java.util.Set<Long> ids = store.productSkus.get(key);
        if (ids != null && ids.remove(p.id) && ids.isEmpty()) store.productSkus.remove(key);
    }

    /** is_existing_sku(): another product or variation, not trashed, whose SKU collates equal. */
    private Product findBySku(String sku, long exceptId) {
        for (Long id : store.productSkus.getOrDefault(SkuCollation.key(sku), java.util.Set.of())) {
            Product o = store.products.get(id);
            if (o != null && o.id != exceptId && !"trash".equals(o.status)) return o;
        }
        return null;
    }

    private String uniqueSku(String sku) {
        for (int i = 1; ; i++) {
            String candidate = sku + "-" + i;
            if (findBySku(candidate, -1) == null) return candidate;
        }
    }

    private String uniqueSlug(String slug, long selfId) {
        String base = slug.isEmpty() ? String.valueOf(selfId) : slug;
        String candidate = base;
        for (int i = 2; slugTaken(candidate, selfId); i++) candidate = base + "-" + i;
        return candidate;
    }

    private boolean slugTaken(String slug, long selfId) {
        Long owner = store.productSlugs.get(slug);
        return owner != null && owner != selfId;
    }

    private void setSlug(Product p, String slug) {
        if (p.slug != null) store.productSlugs.remove(p.slug, p.id);
        p.slug = slug;
        store.productSlugs.put(slug, p.id);
    }

    private void forget(Product removed) {
        if (removed == null) return;
        if (removed.slug != null) store.productSlugs.remove(removed.slug, removed.id);
        unindexSku(removed);
    }

    /**
     * WC_Product::validate_props: a managed item's stock status follows its quantity. A variation that inherits its
     * parent's stock takes the status from the parent's quantity, and a variable parent managing stock hands its
     * status to those variations (sync_managed_variation_stock_status).
     */
    private void validateStock(Product p) {
        Product stockOwner = stockOwner(p);
        if (stockOwner != p) {
            p.stockQuantity = null;
            p.lowStockAmount = null;
            p.stockStatus = stockStatusFor(stockOwner);
            return;
        }
        if (!p.manageStock) {
            if (!p.isVariable()) p.stockQuantity = null;
            p.lowStockAmount = null;
            return;
        }
        if (!store.stockManagementEnabled()) return;
        p.stockStatus = stockStatusFor(p);
        if (p.isVariable()) {
            for (Product child : ProductJson.children(store, p)) if (!child.manageStock) child.stockStatus = p.stockStatus;
        }
    }

    /** The product whose quantity counts for {@code p}: its parent when it is a variation inheriting the parent's stock. */
    private Product stockOwner(Product p) {
        if (!p.isVariation() || p.manageStock || !store.stockManagementEnabled()) return p;
        Product parent = store.products.get(p.parentId);
        return parent != null && parent.manageStock ? parent : p;
    }

    private String stockStatusFor(Product managed) {
        int qty = managed.stockQuantity == null ? 0 : managed.stockQuantity;
        if (qty > store.notifyNoStockAmount()) return "instock";
        return managed.backordersAllowed() ? "onbackorder" : "outofstock";
    }

    /** Re-derives stock status after an order changed a quantity. */
    public void afterStockChange(Product p) {
        validateStock(p);
        p.dateModified = store.clock().now();
        store.webhookDispatcher().enqueue(Topic.resourceEvent("product", "updated"), p.id);
    }

    private static String price(String s) {
        if (s == null || s.isBlank()) return "";
        try {
            return new BigDecimal(s.trim()).toPlainString().equals(s.trim()) ? s.trim() : s.trim();
        } catch (NumberFormatException e) {
            return "";
        }
    }

    /** Categories are named by id (or slug); ids of categories the store does not have are left out, as WordPress does. */
    private ArrayNode categories(JsonNode given) {
        ArrayNode out = Json.array();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (JsonNode t : given) {
            Category c = t.hasNonNull("id") ? store.categories.get(t.get("id").asLong())
                    : store.categories.values().stream().filter(x -> x.slug.equals(t.path("slug").asText())).findFirst().orElse(null);
            if (c != null && seen.add(c.id)) out.add(CategoryController.term(c));
        }
        return out;
    }

    private static ArrayNode terms(JsonNode given, String kind) {
        ArrayNode out = Json.array();
        for (JsonNode t : given) {
            long id = t.path("id").asLong();
            if (id == 15 && "category".equals(kind)) {
                out.addObject().put("id", 15).put("name", "Uncategorized").put("slug", "uncategorized");
            } else {
                String name = Json.text(t, "name", kind + "-" + id);
                out.addObject().put("id", id).put("name", name).put("slug", Json.text(t, "slug", Slugs.sanitize(name)));
            }
        }
        return out;
    }

    private ArrayNode images(JsonNode given) {
        ArrayNode out = Json.array();
        for (JsonNode img : given) {
            ObjectNode o = out.addObject();
            o.put("id", img.path("id").asLong(0) > 0 ? img.path("id").asLong() : store.nextPostId());
            o.put("date_created", com.counterlink.woo.sandbox.store.WpFormat.date(store.clock().now()));
            o.put("date_created_gmt", com.counterlink.woo.sandbox.store.WpFormat.date(store.clock().now()));
            o.put("date_modified", com.counterlink.woo.sandbox.store.WpFormat.date(store.clock().now()));
            o.put("date_modified_gmt", com.counterlink.woo.sandbox.store.WpFormat.date(store.clock().now()));
            o.put("src", Json.text(img, "src", ""));
            o.put("name", Json.text(img, "name", ""));
            o.put("alt", Json.text(img, "alt", ""));
        }
        return out;
    }

    /** meta_data writes update an existing key (or id) in place, else append with a new meta id. */
    public void mergeMeta(ArrayNode target, JsonNode given) {
        for (JsonNode m : given) {
            String key = Json.text(m, "key", null);
            ObjectNode existing = null;
            for (JsonNode t : target) {
                if (m.has("id") && t.path("id").asLong() == m.get("id").asLong() || key != null && key.equals(t.path("key").asText())) {
                    existing = (ObjectNode) t;
                }
            }
            if (existing == null) {
                existing = target.addObject();
                existing.put("id", store.nextMetaId());
                existing.put("key", key);
            }
            existing.set("value", m.get("value") == null ? Json.object().nullNode() : m.get("value").deepCopy());
        }
    }

    private static RestException enumError(String param, String value, String allowed) {
        return RestException.invalidParam(param, "rest_not_in_enum", param + " is not one of " + allowed + ".");
    }
}
