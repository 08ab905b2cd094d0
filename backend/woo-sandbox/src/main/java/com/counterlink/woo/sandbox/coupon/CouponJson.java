package com.counterlink.woo.sandbox.coupon;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.product.ProductJson;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.store.WpFormat;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders coupons as /wc/v3/coupons does. */
public final class CouponJson {
    private CouponJson() {}

    public static ObjectNode render(Store store, Coupon c) {
        ObjectNode o = Json.object();
        o.put("id", c.id);
        o.put("code", c.code);
        o.put("amount", WpFormat.money(c.amount));
        o.put("status", c.status);
        o.put("date_created", WpFormat.date(c.dateCreated));
        o.put("date_created_gmt", WpFormat.date(c.dateCreated));
        o.put("date_modified", WpFormat.date(c.dateModified));
        o.put("date_modified_gmt", WpFormat.date(c.dateModified));
        o.put("discount_type", c.discountType);
        o.put("description", c.description);
        o.put("date_expires", WpFormat.date(c.dateExpires));
        o.put("date_expires_gmt", WpFormat.date(c.dateExpires));
        o.put("usage_count", c.usageCount);
        o.put("individual_use", c.individualUse);
        o.set("product_ids", c.productIds.deepCopy());
        o.set("excluded_product_ids", c.excludedProductIds.deepCopy());
        putInt(o, "usage_limit", c.usageLimit);
        putInt(o, "usage_limit_per_user", c.usageLimitPerUser);
        putInt(o, "limit_usage_to_x_items", c.limitUsageToXItems);
        o.put("free_shipping", c.freeShipping);
        o.set("product_categories", Json.array());
        o.set("excluded_product_categories", Json.array());
        o.put("exclude_sale_items", c.excludeSaleItems);
        o.put("minimum_amount", c.minimumAmount);
        o.put("maximum_amount", c.maximumAmount);
        o.set("email_restrictions", c.emailRestrictions.deepCopy());
        o.set("used_by", c.usedBy.deepCopy());
        o.set("meta_data", c.metaData.deepCopy());
        ObjectNode links = o.putObject("_links");
        links.set("self", ProductJson.selfLink(store.apiUrl() + "/coupons/" + c.id));
        links.set("collection", ProductJson.link(store.apiUrl() + "/coupons"));
        return o;
    }

    private static void putInt(ObjectNode o, String field, Integer v) {
        if (v == null) o.putNull(field); else o.put(field, v);
    }
}
