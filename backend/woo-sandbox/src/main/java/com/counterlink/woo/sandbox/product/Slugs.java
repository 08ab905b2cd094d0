package com.counterlink.woo.sandbox.product;

import java.text.Normalizer;
import java.util.Locale;

/** sanitize_title as far as product names need it. */
public final class Slugs {
    private Slugs() {}

    public static String sanitize(String title) {
        String s = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_\\s-]", "").trim().replaceAll("[\\s-]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }
}
