package com.counterlink.sync.catalog;

import java.text.Normalizer;
import java.util.Locale;

/**
 * WooCommerce compares SKUs under the site's MySQL collation (utf8mb4_unicode_ci or _520_ci), ignoring case and
 * accents: {@code CAFE-01} and {@code CAFÉ-01}, {@code tee-1} and {@code TEE-1} are one SKU there although they
 * are two items in Counterpoint. Only one of such twins can have a product; the other is reported, never linked
 * to its twin's product.
 */
final class SkuTwins {

    static final String CODE = "SKU_TWIN";

    private SkuTwins() {
    }

    /** The SKU as WooCommerce compares it: without accents, in lower case. */
    static String key(String sku) {
        return Normalizer.normalize(sku, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    static boolean twins(String a, String b) {
        return !a.equals(b) && key(a).equals(key(b));
    }

    static String reason(String itemNo, String twin, String where) {
        return itemNo + " and " + twin + " are two items in Counterpoint, but WooCommerce treats " + itemNo + " and " + twin
                + " as the same SKU; " + where + ", so " + itemNo + " is not synced (the other items are)";
    }

    static String hint(String itemNo, String twin) {
        return "Rename one of the two items in Counterpoint; WooCommerce treats " + itemNo + " and " + twin + " as the same SKU";
    }
}
