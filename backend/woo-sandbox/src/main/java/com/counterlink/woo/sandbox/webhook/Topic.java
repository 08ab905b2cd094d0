package com.counterlink.woo.sandbox.webhook;

import java.util.List;
import java.util.Map;

/** Webhook topics and the WordPress hooks WooCommerce lists for them. */
public final class Topic {
    private static final Map<String, List<String>> HOOKS = Map.ofEntries(
            Map.entry("coupon.created", List.of("woocommerce_process_shop_coupon_meta", "woocommerce_new_coupon")),
            Map.entry("coupon.updated", List.of("woocommerce_process_shop_coupon_meta", "woocommerce_update_coupon")),
            Map.entry("coupon.deleted", List.of("wp_trash_post")),
            Map.entry("coupon.restored", List.of("untrashed_post")),
            Map.entry("customer.created", List.of("user_register", "woocommerce_created_customer", "woocommerce_new_customer")),
            Map.entry("customer.updated", List.of("profile_update", "woocommerce_update_customer")),
            Map.entry("customer.deleted", List.of("delete_user")),
            Map.entry("order.created", List.of("woocommerce_new_order")),
            Map.entry("order.updated", List.of("woocommerce_update_order", "woocommerce_order_refunded")),
            Map.entry("order.deleted", List.of("wp_trash_post", "woocommerce_trash_order")),
            Map.entry("order.restored", List.of("untrashed_post", "woocommerce_untrash_order")),
            Map.entry("product.created", List.of("woocommerce_process_product_meta", "woocommerce_new_product", "woocommerce_new_product_variation")),
            Map.entry("product.updated", List.of("woocommerce_process_product_meta", "woocommerce_update_product", "woocommerce_update_product_variation")),
            Map.entry("product.deleted", List.of("wp_trash_post")),
            Map.entry("product.restored", List.of("untrashed_post")));

    private Topic() {}

    public static String resourceEvent(String resource, String event) { return resource + "." + event; }

    public static boolean isValid(String topic) {
        return HOOKS.containsKey(topic) || topic != null && topic.startsWith("action.") && topic.length() > 7;
    }

    public static List<String> hooks(String topic) {
        if (topic.startsWith("action.")) return List.of(topic.substring(7));
        return HOOKS.getOrDefault(topic, List.of());
    }
}
