package com.counterlink.sync.catalog;

import com.counterlink.woo.WooErrorCode;
import com.counterlink.woo.WooException;

/** WooCommerce's refusal of one item, in words a merchant can act on. */
final class WooFailures {

    private WooFailures() {
    }

    static String code(WooException e) {
        return e.wooCode() != null && e.wooCode().contains("invalid_id") ? "WOO_PRODUCT_MISSING" : e.code().name();
    }

    static String reason(WooException e) {
        return "WooCommerce refused it" + (e.wooCode() == null ? "" : " (" + e.wooCode() + ")") + ": " + e.getMessage();
    }

    static String hint(WooException e) {
        if (e.wooCode() != null && e.wooCode().contains("invalid_id")) {
            return "The product was deleted in WooCommerce; restore it from the trash, or run a full product resync to create it again";
        }
        if (e.code() == WooErrorCode.WOO_DUPLICATE_SKU) {
            return "Another WooCommerce product already uses this SKU; give one of them another SKU";
        }
        if (e.code().isTransient()) {
            return "WooCommerce was unavailable; the next run retries it";
        }
        return "Check the item in Counterpoint and the product in WooCommerce; the next run retries it";
    }
}
