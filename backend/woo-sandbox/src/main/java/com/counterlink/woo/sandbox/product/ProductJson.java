package com.counterlink.woo.sandbox.product;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.store.WpFormat;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders products the way the wc/v3 controllers do. "Edit" context is what create/update responses use
 * (raw description, extra permalink_template/generated_slug); "view" is what GET returns.
 * Call with the store lock held.
 */
public final class ProductJson {
    private ProductJson() {}

    public static ObjectNode asProduct(Store store, Product p, boolean edit) {
        Product parent = p.isVariation() ? store.products.get(p.parentId) : null;
        List<Product> children = p.isVariable() ? children(store, p) : List.of();
        String base = store.apiUrl();
        ObjectNode o = Json.object();
        o.put("id", p.id);
        o.put("name", parent != null ? parent.name + " - " + summary(p) : p.name);
        o.put("slug", p.slug);
        o.put("permalink", permalink(store, p, parent));
        dates(o, p);
        o.put("type", p.type);
        o.put("status", p.status);
        o.put("featured", p.featured);
        o.put("catalog_visibility", p.catalogVisibility);
        o.put("description", edit ? p.description : WpFormat.autop(p.description));
        o.put("short_description", edit ? p.shortDescription : WpFormat.autop(p.shortDescription));
        o.put("sku", p.sku);
        if (p.isVariable()) {
            o.put("price", minPrice(children));
            o.put("regular_price", "");
            o.put("sale_price", "");
        } else {
            o.put("price", p.activePrice());
            o.put("regular_price", p.regularPrice);
            o.put("sale_price", p.salePrice);
        }
        saleDates(o, p);
        o.put("on_sale", p.isVariable() ? children.stream().anyMatch(Product::onSale) : p.onSale());
        o.put("purchasable", purchasable(p, children));
        if (p.isVariation()) o.put("total_sales", String.valueOf(p.totalSales)); else o.put("total_sales", p.totalSales);
        o.put("virtual", p.virtual);
        o.put("downloadable", p.downloadable);
        o.set("downloads", Json.array());
        o.put("download_limit", -1);
        o.put("download_expiry", -1);
        o.put("external_url", "");
        o.put("button_text", "");
        o.put("tax_status", p.taxStatus);
        o.put("tax_class", effectiveTaxClass(p, parent));
        stock(store, o, p, parent);
        o.put("sold_individually", p.soldIndividually);
        o.put("weight", p.weight);
        o.set("dimensions", dimensions(p));
        o.put("shipping_required", !p.virtual);
        o.put("shipping_taxable", !p.virtual && !"none".equals(p.taxStatus));
        o.put("shipping_class", "");
        o.put("shipping_class_id", 0);
        o.put("reviews_allowed", !p.isVariation() && p.reviewsAllowed);
        o.put("average_rating", edit ? "0" : "0.00");
        o.put("rating_count", 0);
        o.set("upsell_ids", Json.array());
        o.set("cross_sell_ids", Json.array());
        o.put("parent_id", p.parentId);
        o.put("purchase_note", p.purchaseNote);
        o.set("categories", p.isVariation() ? Json.array() : p.categories.deepCopy());
        o.set("brands", Json.array());
        o.set("tags", p.tags.deepCopy());
        o.set("images", p.images.deepCopy());
        o.set("attributes", p.isVariation() ? variationAttributes(p) : attributes(p));
        ArrayNode defaults = Json.array();
        for (VariationAttribute d : p.defaultAttributes) {
            defaults.addObject().put("id", 0).put("name", d.name()).put("option", d.option());
        }
        o.set("default_attributes", defaults);
        ArrayNode variations = Json.array();
        children.forEach(c -> variations.add(c.id));
        o.set("variations", variations);
        o.set("grouped_products", Json.array());
        o.put("menu_order", p.menuOrder);
        o.put("price_html", priceHtml(store, p, children));
        o.set("related_ids", related(store, p));
        o.set("meta_data", p.metaData.deepCopy());
        boolean ownStock = p.manageStock && store.stockManagementEnabled();
        o.put("stock_status", p.isVariable() && !ownStock ? parentStockStatus(p, children) : p.stockStatus);
        o.put("has_options", p.isVariable() || !p.attributes.isEmpty() && p.attributes.stream().anyMatch(ProductAttribute::variation));
        o.put("post_password", p.postPassword);
        o.put("global_unique_id", p.globalUniqueId);
        if (edit && !p.isVariation()) {
            o.put("permalink_template", store.siteUrl() + "/product/%pagename%/");
            o.put("generated_slug", p.slug);
        }
        ObjectNode links = o.putObject("_links");
        links.set("self", selfLink(base + "/products/" + p.id));
        links.set("collection", link(base + "/products"));
        if (p.parentId > 0) links.set("up", link(base + "/products/" + p.parentId));
        return o;
    }

    /** A variation as /products/{id}/variations returns it (a different, shorter schema). */
    public static ObjectNode asVariation(Store store, Product v, boolean edit) {
        Product parent = store.products.get(v.parentId);
        String base = store.apiUrl();
        ObjectNode o = Json.object();
        o.put("id", v.id);
        o.put("type", "variation");
        dates(o, v);
        o.put("description", edit ? v.description : WpFormat.autop(v.description));
        o.put("permalink", permalink(store, v, parent));
        o.put("sku", v.sku);
        o.put("global_unique_id", v.globalUniqueId);
        o.put("price", v.activePrice());
        o.put("regular_price", v.regularPrice);
        o.put("sale_price", v.salePrice);
        saleDates(o, v);
        o.put("on_sale", v.onSale());
        o.put("status", v.status);
        o.put("purchasable", !v.activePrice().isEmpty());
        o.put("virtual", v.virtual);
        o.put("downloadable", v.downloadable);
        o.set("downloads", Json.array());
        o.put("download_limit", -1);
        o.put("download_expiry", -1);
        o.put("tax_status", v.taxStatus);
        // The create/update response (edit) shows the stored "parent", as recorded (fixture 03); reads show the parent's class.
        o.put("tax_class", edit ? v.taxClass : effectiveTaxClass(v, parent));
        ObjectNode stock = Json.object();
        stock(store, stock, v, parent);
        o.set("manage_stock", stock.get("manage_stock"));
        o.set("stock_quantity", stock.get("stock_quantity"));
        o.put("stock_status", v.stockStatus);
        o.set("backorders", stock.get("backorders"));
        o.set("backorders_allowed", stock.get("backorders_allowed"));
        o.set("backordered", stock.get("backordered"));
        o.set("low_stock_amount", stock.get("low_stock_amount"));
        o.put("weight", v.weight);
        o.set("dimensions", dimensions(v));
        o.put("shipping_class", "");
        o.put("shipping_class_id", 0);
        if (v.images.isEmpty()) o.putNull("image"); else o.set("image", v.images.get(0).deepCopy());
        o.set("attributes", variationAttributes(v));
        o.put("menu_order", v.menuOrder);
        o.set("meta_data", v.metaData.deepCopy());
        o.put("name", summary(v));
        o.put("parent_id", v.parentId);
        ObjectNode links = o.putObject("_links");
        links.set("self", selfLink(base + "/products/" + v.parentId + "/variations/" + v.id));
        links.set("collection", link(base + "/products/" + v.parentId + "/variations"));
        links.set("up", link(base + "/products/" + v.parentId));
        return o;
    }

    public static List<Product> children(Store store, Product parent) {
        List<Product> out = new ArrayList<>();
        for (Long id : parent.variationIds) {
            Product c = store.products.get(id);
            if (c != null && !"trash".equals(c.status)) out.add(c);
        }
        return out;
    }

    /** Attribute values joined as WooCommerce builds variation titles ("S", "S, Red"). */
    public static String summary(Product v) {
        return String.join(", ", v.variationAttributes.stream().map(VariationAttribute::option).toList());
    }

    public static String attributeSlug(String name) { return Slugs.sanitize(name).toLowerCase(Locale.ROOT); }

    private static String permalink(Store store, Product p, Product parent) {
        if (parent == null) return store.siteUrl() + "/product/" + p.slug + "/";
        StringBuilder q = new StringBuilder();
        for (VariationAttribute a : p.variationAttributes) {
            q.append(q.isEmpty() ? "?" : "&").append("attribute_").append(attributeSlug(a.name())).append('=').append(a.option());
        }
        return store.siteUrl() + "/product/" + parent.slug + "/" + q;
    }

    private static void dates(ObjectNode o, Product p) {
        o.put("date_created", WpFormat.date(p.dateCreated));
        o.put("date_created_gmt", WpFormat.date(p.dateCreated));
        o.put("date_modified", WpFormat.date(p.dateModified));
        o.put("date_modified_gmt", WpFormat.date(p.dateModified));
    }

    /** The sandbox's site time is UTC, so local and GMT sale dates are the same. */
    private static void saleDates(ObjectNode o, Product p) {
        o.put("date_on_sale_from", p.saleFromGmt);
        o.put("date_on_sale_from_gmt", p.saleFromGmt);
        o.put("date_on_sale_to", p.saleToGmt);
        o.put("date_on_sale_to_gmt", p.saleToGmt);
    }

    private static ObjectNode dimensions(Product p) {
        ObjectNode d = Json.object();
        d.put("length", p.length).put("width", p.width).put("height", p.height);
        return d;
    }

    private static String effectiveTaxClass(Product p, Product parent) {
        if (p.isVariation() && "parent".equals(p.taxClass)) return parent == null ? "" : parent.taxClass;
        return p.taxClass;
    }

    /** WooCommerce reports manage_stock "parent" for a variation that inherits stock from its parent. */
    static void stock(Store store, ObjectNode o, Product p, Product parent) {
        boolean global = store.stockManagementEnabled();
        if (!global) {
            o.put("manage_stock", false);
        } else if (p.isVariation() && !p.manageStock && parent != null && parent.manageStock) {
            o.put("manage_stock", "parent");
        } else {
            o.put("manage_stock", p.manageStock);
        }
        Product stockOwner = global && p.isVariation() && !p.manageStock && parent != null && parent.manageStock ? parent : p;
        if (stockOwner.manageStock) o.put("stock_quantity", stockOwner.stockQuantity); else o.putNull("stock_quantity");
        o.put("backorders", p.backorders);
        o.put("backorders_allowed", p.backordersAllowed());
        o.put("backordered", "onbackorder".equals(p.stockStatus) && stockOwner.manageStock);
        if (p.lowStockAmount == null) o.putNull("low_stock_amount"); else o.put("low_stock_amount", p.lowStockAmount);
    }

    private static ArrayNode attributes(Product p) {
        ArrayNode arr = Json.array();
        for (ProductAttribute a : p.attributes) {
            ObjectNode n = arr.addObject();
            n.put("id", 0).put("name", a.name()).put("slug", a.name()).put("position", a.position())
                    .put("visible", a.visible()).put("variation", a.variation());
            ArrayNode opts = n.putArray("options");
            a.options().forEach(opts::add);
        }
        return arr;
    }

    private static ArrayNode variationAttributes(Product v) {
        ArrayNode arr = Json.array();
        for (VariationAttribute a : v.variationAttributes) {
            arr.addObject().put("id", 0).put("name", a.name()).put("slug", attributeSlug(a.name())).put("option", a.option());
        }
        return arr;
    }

    private static boolean purchasable(Product p, List<Product> children) {
        if (p.isVariable()) return children.stream().anyMatch(c -> !c.activePrice().isEmpty());
        return !p.activePrice().isEmpty();
    }

    private static String minPrice(List<Product> children) {
        return children.stream().map(Product::activePrice).filter(s -> !s.isEmpty())
                .min(Comparator.comparing(BigDecimal::new)).orElse("");
    }

    private static String maxPrice(List<Product> children) {
        return children.stream().map(Product::activePrice).filter(s -> !s.isEmpty())
                .max(Comparator.comparing(BigDecimal::new)).orElse("");
    }

    private static String priceHtml(Store store, Product p, List<Product> children) {
        String currency = store.currency();
        if (p.isVariable()) {
            String min = minPrice(children);
            String max = maxPrice(children);
            if (min.isEmpty()) return "";
            if (new BigDecimal(min).compareTo(new BigDecimal(max)) == 0) return PriceHtml.single(currency, min);
            return PriceHtml.range(currency, min, max);
        }
        if (p.activePrice().isEmpty()) return "";
        if (p.onSale()) return PriceHtml.sale(currency, p.regularPrice, p.salePrice);
        return PriceHtml.single(currency, p.activePrice());
    }

    private static final int RELATED_CANDIDATES = 1_000;

    static String parentStockStatus(Product parent, List<Product> children) {
        if (children.stream().anyMatch(c -> "instock".equals(c.stockStatus))) return "instock";
        if (children.stream().anyMatch(c -> "onbackorder".equals(c.stockStatus))) return "onbackorder";
        return "outofstock";
    }

    /**
     * WooCommerce picks related products at random from shared categories; we list them deterministically,
     * looking at the newest {@value #RELATED_CANDIDATES} products only so a large catalog does not make
     * every response scan the store (any published product in a shared category is a valid answer).
     */
    private static ArrayNode related(Store store, Product p) {
        ArrayNode arr = Json.array();
        if (p.isVariation()) return arr;
        store.products.sequencedValues().reversed().stream().limit(RELATED_CANDIDATES)
                .filter(o -> o.id != p.id && !o.isVariation() && "publish".equals(o.status))
                .filter(o -> sharesCategory(o, p))
                .limit(5).forEach(o -> arr.add(o.id));
        return arr;
    }

    private static boolean sharesCategory(Product a, Product b) {
        for (var ca : a.categories) for (var cb : b.categories) if (Objects.equals(ca.path("id").asLong(), cb.path("id").asLong())) return true;
        return false;
    }

    public static ArrayNode selfLink(String href) {
        ArrayNode arr = Json.array();
        ObjectNode l = arr.addObject();
        l.put("href", href);
        ArrayNode allow = l.putObject("targetHints").putArray("allow");
        for (String m : new String[]{"GET", "POST", "PUT", "PATCH", "DELETE"}) allow.add(m);
        return arr;
    }

    public static ArrayNode link(String href) {
        ArrayNode arr = Json.array();
        arr.addObject().put("href", href);
        return arr;
    }
}
