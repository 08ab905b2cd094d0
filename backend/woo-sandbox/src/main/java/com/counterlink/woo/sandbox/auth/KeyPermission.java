package com.counterlink.woo.sandbox.auth;

import java.util.Locale;

/** WooCommerce API key permissions; read = GET/HEAD, write = everything else. */
public enum KeyPermission {
    READ, WRITE, READ_WRITE;

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    public static KeyPermission parse(String s) {
        return switch (s == null ? "" : s) {
            case "read" -> READ;
            case "write" -> WRITE;
            case "read_write" -> READ_WRITE;
            default -> throw new IllegalArgumentException("Invalid scope " + s);
        };
    }

    public boolean allowsRead() { return this != WRITE; }

    public boolean allowsWrite() { return this != READ; }
}
