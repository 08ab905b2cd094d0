package com.counterlink.woo.sandbox.product;

import java.text.Normalizer;
import java.util.Locale;

/** sanitize_title as far as product names need it: tags and entities (a name's {@code &amp;}) go, dots become dashes. */
public final class Slugs {
    private Slugs() {}

    public static String sanitize(String title) {
        String s = (title == null ? "" : title).replaceAll("<[^>]*>", "");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("&#?[A-Za-z0-9]+;", "").replace('.', '-');
        s = s.replaceAll("[^a-z0-9_\\s-]", "").trim().replaceAll("[\\s-]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }
}
