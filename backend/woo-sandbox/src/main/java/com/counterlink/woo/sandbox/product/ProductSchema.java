package com.counterlink.woo.sandbox.product;

import com.counterlink.woo.sandbox.rest.ParamSchema;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.counterlink.woo.sandbox.rest.ParamSchema.arrayOf;
import static com.counterlink.woo.sandbox.rest.ParamSchema.bool;
import static com.counterlink.woo.sandbox.rest.ParamSchema.dateTime;
import static com.counterlink.woo.sandbox.rest.ParamSchema.integer;
import static com.counterlink.woo.sandbox.rest.ParamSchema.mixed;
import static com.counterlink.woo.sandbox.rest.ParamSchema.object;
import static com.counterlink.woo.sandbox.rest.ParamSchema.oneOf;
import static com.counterlink.woo.sandbox.rest.ParamSchema.string;

/**
 * The writable fields of WooCommerce's product and variation schemas (wc/v3), in schema order, as WordPress checks
 * them on a single create or update. Batch items skip this check: WC_REST_Controller::batch_items() calls
 * create_item()/update_item() directly.
 */
final class ProductSchema {
    static final Map<String, ParamSchema> PRODUCT = new LinkedHashMap<>();
    static final Map<String, ParamSchema> VARIATION = new LinkedHashMap<>();
    /** GET /products filters. */
    static final Map<String, ParamSchema> PRODUCT_FILTERS = new LinkedHashMap<>();

    private static final ParamSchema DIMENSIONS = object("length", string(), "width", string(), "height", string());
    private static final ParamSchema DOWNLOADS = arrayOf(object("id", string(), "name", string(), "file", string()));
    private static final ParamSchema TERMS = arrayOf(object("id", integer(), "name", string(), "slug", string()));
    private static final ParamSchema IMAGE = object("id", integer(), "date_created", dateTime(), "date_created_gmt", dateTime(),
            "src", string(), "name", string(), "alt", string());
    private static final ParamSchema META = arrayOf(object("id", integer(), "key", string(), "value", mixed()));
    private static final ParamSchema TAX_STATUS = oneOf("taxable", "shipping", "none");
    private static final ParamSchema STOCK_STATUS = oneOf("instock", "outofstock", "onbackorder");
    private static final ParamSchema BACKORDERS = oneOf("no", "notify", "yes");

    static {
        PRODUCT.put("name", string());
        PRODUCT.put("slug", string());
        PRODUCT.put("date_created", dateTime());
        PRODUCT.put("date_created_gmt", dateTime());
        PRODUCT.put("type", oneOf("simple", "grouped", "external", "variable"));
        PRODUCT.put("status", oneOf("draft", "pending", "private", "publish", "future"));
        PRODUCT.put("featured", bool());
        PRODUCT.put("catalog_visibility", oneOf("visible", "catalog", "search", "hidden"));
        PRODUCT.put("description", string());
        PRODUCT.put("short_description", string());
        PRODUCT.put("sku", string());
        PRODUCT.put("global_unique_id", string());
        PRODUCT.put("regular_price", string());
        PRODUCT.put("sale_price", string());
        PRODUCT.put("date_on_sale_from", dateTime());
        PRODUCT.put("date_on_sale_from_gmt", dateTime());
        PRODUCT.put("date_on_sale_to", dateTime());
        PRODUCT.put("date_on_sale_to_gmt", dateTime());
        PRODUCT.put("virtual", bool());
        PRODUCT.put("downloadable", bool());
        PRODUCT.put("downloads", DOWNLOADS);
        PRODUCT.put("download_limit", integer());
        PRODUCT.put("download_expiry", integer());
        PRODUCT.put("external_url", string());
        PRODUCT.put("button_text", string());
        PRODUCT.put("tax_status", TAX_STATUS);
        PRODUCT.put("tax_class", string());
        PRODUCT.put("manage_stock", bool());
        PRODUCT.put("stock_quantity", integer());
        PRODUCT.put("stock_status", STOCK_STATUS);
        PRODUCT.put("backorders", BACKORDERS);
        PRODUCT.put("low_stock_amount", ParamSchema.of("integer", "null"));
        PRODUCT.put("sold_individually", bool());
        PRODUCT.put("weight", string());
        PRODUCT.put("dimensions", DIMENSIONS);
        PRODUCT.put("shipping_class", string());
        PRODUCT.put("reviews_allowed", bool());
        PRODUCT.put("upsell_ids", arrayOf(integer()));
        PRODUCT.put("cross_sell_ids", arrayOf(integer()));
        PRODUCT.put("parent_id", integer());
        PRODUCT.put("purchase_note", string());
        PRODUCT.put("categories", TERMS);
        PRODUCT.put("tags", TERMS);
        PRODUCT.put("images", arrayOf(IMAGE));
        PRODUCT.put("attributes", arrayOf(object("id", integer(), "name", string(), "position", integer(), "visible", bool(),
                "variation", bool(), "options", arrayOf(string()))));
        PRODUCT.put("default_attributes", arrayOf(object("id", integer(), "name", string(), "option", string())));
        PRODUCT.put("menu_order", integer());
        PRODUCT.put("meta_data", META);
        PRODUCT.put("post_password", string());

        VARIATION.put("description", string());
        VARIATION.put("sku", string());
        VARIATION.put("global_unique_id", string());
        VARIATION.put("regular_price", string());
        VARIATION.put("sale_price", string());
        VARIATION.put("date_on_sale_from", dateTime());
        VARIATION.put("date_on_sale_from_gmt", dateTime());
        VARIATION.put("date_on_sale_to", dateTime());
        VARIATION.put("date_on_sale_to_gmt", dateTime());
        VARIATION.put("status", oneOf("draft", "pending", "private", "publish"));
        VARIATION.put("virtual", bool());
        VARIATION.put("downloadable", bool());
        VARIATION.put("downloads", DOWNLOADS);
        VARIATION.put("download_limit", integer());
        VARIATION.put("download_expiry", integer());
        VARIATION.put("tax_status", TAX_STATUS);
        VARIATION.put("tax_class", string());
        VARIATION.put("manage_stock", mixed());
        VARIATION.put("stock_quantity", integer());
        VARIATION.put("stock_status", STOCK_STATUS);
        VARIATION.put("backorders", BACKORDERS);
        VARIATION.put("low_stock_amount", ParamSchema.of("integer", "null"));
        VARIATION.put("weight", string());
        VARIATION.put("dimensions", DIMENSIONS);
        VARIATION.put("shipping_class", string());
        VARIATION.put("image", IMAGE);
        VARIATION.put("attributes", arrayOf(object("id", integer(), "name", string(), "option", string())));
        VARIATION.put("menu_order", integer());
        VARIATION.put("meta_data", META);

        PRODUCT_FILTERS.put("status", oneOf("any", "future", "trash", "draft", "pending", "private", "publish"));
        PRODUCT_FILTERS.put("type", oneOf("simple", "grouped", "external", "variable"));
        PRODUCT_FILTERS.put("stock_status", STOCK_STATUS);
    }

    private ProductSchema() {}
}
