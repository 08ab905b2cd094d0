package com.counterlink.woo.sandbox.product;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How MySQL/MariaDB compare SKUs under WordPress's utf8mb4_unicode_520_ci collation (wc_product_meta_lookup.sku =
 * %s): case and accents do not count, so {@code GF-00014} equals {@code gf-00014} and {@code CAFÉ} equals {@code CAFE}.
 * The key is what the SKU index is keyed by, so look-ups stay O(1).
 */
public final class SkuCollation {
    private SkuCollation() {}

    public static String key(String sku) {
        if (sku.chars().allMatch(c -> c < 0x80)) return sku.toLowerCase(Locale.ROOT);
        String bare = Normalizer.normalize(sku, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        // Upper then lower case folds ß to ss, as the collation's primary weights do.
        return bare.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
