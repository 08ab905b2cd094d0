package com.counterlink.woo.sandbox.product;

import com.counterlink.woo.sandbox.store.WpFormat;

import java.math.BigDecimal;

/** The price_html markup WooCommerce 10 renders for the default (left) currency position. */
public final class PriceHtml {
    private PriceHtml() {}

    static String amount(String symbol, String price, boolean ariaHidden) {
        String hidden = ariaHidden ? " aria-hidden=\"true\"" : "";
        return "<span class=\"woocommerce-Price-amount amount\"" + hidden + "><bdi><span class=\"woocommerce-Price-currencySymbol\">"
                + symbol + "</span>" + price + "</bdi></span>";
    }

    public static String single(String currency, String price) {
        return amount(WpFormat.currencySymbol(currency), fmt(price), false);
    }

    public static String sale(String currency, String regular, String sale) {
        String sym = WpFormat.currencySymbol(currency);
        return "<del aria-hidden=\"true\">" + amount(sym, fmt(regular), false) + "</del> <span class=\"screen-reader-text\">Original price was: "
                + sym + fmt(regular) + ".</span><ins aria-hidden=\"true\">" + amount(sym, fmt(sale), false)
                + "</ins><span class=\"screen-reader-text\">Current price is: " + sym + fmt(sale) + ".</span>";
    }

    public static String range(String currency, String min, String max) {
        String sym = WpFormat.currencySymbol(currency);
        return amount(sym, fmt(min), true) + " <span aria-hidden=\"true\">&ndash;</span> " + amount(sym, fmt(max), true)
                + "<span class=\"screen-reader-text\">Price range: " + sym + fmt(min) + " through " + sym + fmt(max) + "</span>";
    }

    private static String fmt(String price) { return WpFormat.money(new BigDecimal(price)); }
}
