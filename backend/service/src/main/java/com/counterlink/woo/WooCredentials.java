package com.counterlink.woo;

/** A WooCommerce REST API key; never printed. */
public record WooCredentials(String consumerKey, String consumerSecret) {

    public WooCredentials {
        if (consumerKey == null || consumerKey.isBlank() || consumerSecret == null || consumerSecret.isBlank()) {
            throw new IllegalArgumentException("consumer key and secret are required");
        }
    }

    @Override
    public String toString() {
        return "WooCredentials[" + consumerKey.substring(0, Math.min(7, consumerKey.length())) + "…]";
    }
}
