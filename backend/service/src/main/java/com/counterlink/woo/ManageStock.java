package com.counterlink.woo;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * WooCommerce's {@code manage_stock} as it really answers it: true, false (also whenever the
 * store-wide option is off), or "parent" for a variation that inherits its parent's stock.
 */
public enum ManageStock {
    YES, NO, PARENT;

    public static ManageStock of(JsonNode product) {
        JsonNode value = product.path("manage_stock");
        if (value.isTextual()) {
            return "parent".equals(value.asText()) ? PARENT : "yes".equals(value.asText()) ? YES : NO;
        }
        return value.asBoolean(false) ? YES : NO;
    }
}
