package com.counterlink.woo.sandbox.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Formatting rules WooCommerce applies on output: dates, money strings, currency symbols, wpautop. */
public final class WpFormat {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final Map<String, String> SYMBOLS = Map.of(
            "USD", "&#36;", "CAD", "&#36;", "AUD", "&#36;", "EUR", "&euro;", "GBP", "&pound;", "NZD", "&#36;");

    private WpFormat() {}

    /** The sandbox site runs in UTC, so local and GMT renderings coincide (as in the recordings). */
    public static String date(Instant instant) {
        return instant == null ? null : DATE.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** Parses the ISO-8601 forms WordPress accepts in date filters (with or without offset). */
    public static Instant parseDate(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    public static String money(BigDecimal v) { return v.setScale(2, RoundingMode.HALF_UP).toPlainString(); }

    /** wc_format_decimal without padding: "6.40" becomes "6.4", "10.00" becomes "10". */
    public static String trimmedDecimal(BigDecimal v) {
        BigDecimal s = v.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        if (s.scale() < 0) s = s.setScale(0);
        return s.toPlainString();
    }

    public static BigDecimal decimal(String s) {
        if (s == null || s.isBlank()) return BigDecimal.ZERO;
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    public static String currencySymbol(String currency) {
        return SYMBOLS.getOrDefault(currency, currency);
    }

    /** Plain symbol as WooCommerce puts it into JSON (html_entity_decode of the symbol). */
    public static String currencySymbolText(String currency) {
        return currencySymbol(currency).replace("&#36;", "$").replace("&euro;", "€").replace("&pound;", "£");
    }

    /** wpautop(): WordPress wraps stored text in paragraphs when rendering for "view". */
    public static String autop(String text) { return Autop.autop(text); }
}
