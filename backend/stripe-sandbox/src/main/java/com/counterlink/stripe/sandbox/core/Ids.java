package com.counterlink.stripe.sandbox.core;

import java.security.SecureRandom;

/** Object ids shaped like Stripe's: a prefix and random base-62 characters ({@code cus_QXg1o8vcGmoR32}). */
public final class Ids {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String next(String prefix) { return prefix + random(prefix.equals("cus_") || prefix.equals("si_") ? 14 : 24); }

    public static String random(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return b.toString();
    }

    public static String hex(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) b.append("0123456789ABCDEF".charAt(RANDOM.nextInt(16)));
        return b.toString();
    }
}
