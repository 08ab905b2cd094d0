package com.counterlink.woo.sandbox.rest;

import com.counterlink.woo.sandbox.store.Store;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code Location} header WooCommerce's create_item() sends with a 201:
 * {@code rest_url( sprintf( '/%s/%s/%d', namespace, rest_base, id ) )}.
 */
final class CreatedLocation {
    /**
     * WC_REST_CRUD_Controller::create_item does not fill in the parent id of a nested rest_base, so for variations and
     * refunds the header carries the route pattern verbatim (order notes have their own create_item, which does).
     */
    private static final Map<Pattern, String> UNFILLED_BASES = Map.of(
            Pattern.compile("/wc/v3/products/\\d+/variations"), "/wc/v3/products/(?P<product_id>[\\d]+)/variations",
            Pattern.compile("/wc/v3/orders/\\d+/refunds"), "/wc/v3/orders/(?P<order_id>[\\d]+)/refunds");

    private CreatedLocation() {}

    /** @param collectionRoute the route the POST went to, e.g. /wc/v3/products */
    static String of(Store store, String collectionRoute, long id) {
        String base = collectionRoute.endsWith("/") ? collectionRoute.substring(0, collectionRoute.length() - 1) : collectionRoute;
        for (Map.Entry<Pattern, String> unfilled : UNFILLED_BASES.entrySet()) {
            if (unfilled.getKey().matcher(base).matches()) base = unfilled.getValue();
        }
        return store.siteUrl() + "/wp-json" + base + "/" + id;
    }
}
