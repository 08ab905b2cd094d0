package com.counterlink.stripe.sandbox.core;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/** Amounts in the minor unit, formatted for descriptions and pages ("$15.00"). */
public final class Money {
    private static final Set<String> ZERO_DECIMAL = Set.of("bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf",
            "ugx", "vnd", "vuv", "xaf", "xof", "xpf");

    private Money() {}

    public static String format(long minor, String currency) {
        String cur = currency.toLowerCase(Locale.ROOT);
        int scale = ZERO_DECIMAL.contains(cur) ? 0 : 2;
        String number = BigDecimal.valueOf(Math.abs(minor), scale).toPlainString();
        String symbol = switch (cur) {
            case "usd", "cad", "aud", "nzd" -> "$";
            case "eur" -> "€";
            case "gbp" -> "£";
            case "jpy" -> "¥";
            default -> cur.toUpperCase(Locale.ROOT) + " ";
        };
        return (minor < 0 ? "-" : "") + symbol + number;
    }
}
