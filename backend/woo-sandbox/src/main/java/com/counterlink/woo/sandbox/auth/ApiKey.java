package com.counterlink.woo.sandbox.auth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A WooCommerce REST API key (woocommerce_api_keys row). */
public final class ApiKey {
    private final long keyId;
    private final long userId;
    private final String description;
    private final KeyPermission permission;
    private final String consumerKey;
    private final String consumerSecret;
    /** oauth nonces by timestamp, as WooCommerce keeps them per key. */
    private final Map<String, Long> usedNonces = new LinkedHashMap<>();
    private volatile Instant lastAccess;

    public ApiKey(long keyId, long userId, String description, KeyPermission permission, String consumerKey, String consumerSecret) {
        this.keyId = keyId;
        this.userId = userId;
        this.description = description;
        this.permission = permission;
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
    }

    public long keyId() { return keyId; }

    public long userId() { return userId; }

    public String description() { return description; }

    public KeyPermission permission() { return permission; }

    public String consumerKey() { return consumerKey; }

    public String consumerSecret() { return consumerSecret; }

    public Instant lastAccess() { return lastAccess; }

    void touch(Instant now) { lastAccess = now; }

    /** @return false if the nonce was already used; expired nonces are dropped as WooCommerce does. */
    synchronized boolean useNonce(String nonce, long timestamp, long nowEpoch, long windowSeconds) {
        usedNonces.values().removeIf(ts -> ts < nowEpoch - windowSeconds);
        if (usedNonces.containsKey(nonce)) return false;
        usedNonces.put(nonce, timestamp);
        return true;
    }
}
