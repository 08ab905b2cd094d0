package com.counterlink.stores;

import com.counterlink.platform.crypto.SecretBox;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The opaque {@code user_id} we hand to WooCommerce's app authorization and get back in its
 * callback: tenant id, site id and a random part, MAC'd so a forged token is refused before any
 * database work, and single use because the site keeps only a hash of the random part until the
 * callback consumes it.
 */
public record LinkState(UUID tenantId, UUID siteId, byte[] secret) {

    private static final String PURPOSE = "woo-link-state";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    public static LinkState fresh(UUID tenantId, UUID siteId) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        return new LinkState(tenantId, siteId, secret);
    }

    public String token(SecretBox box) {
        byte[] payload = payload();
        byte[] mac = box.mac(PURPOSE, payload);
        return B64.encodeToString(payload) + "." + B64.encodeToString(java.util.Arrays.copyOf(mac, 16));
    }

    /** Empty for anything not minted by us. */
    public static Optional<LinkState> parse(String token, SecretBox box) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
            byte[] mac = Base64.getUrlDecoder().decode(parts[1]);
            if (payload.length != 16 + 16 + 24
                    || !MessageDigest.isEqual(java.util.Arrays.copyOf(box.mac(PURPOSE, payload), 16), mac)) {
                return Optional.empty();
            }
            ByteBuffer in = ByteBuffer.wrap(payload);
            UUID tenant = new UUID(in.getLong(), in.getLong());
            UUID site = new UUID(in.getLong(), in.getLong());
            byte[] secret = new byte[24];
            in.get(secret);
            return Optional.of(new LinkState(tenant, site, secret));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What the site row keeps until the callback. */
    public byte[] secretHash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] payload() {
        return ByteBuffer.allocate(16 + 16 + 24)
                .putLong(tenantId.getMostSignificantBits()).putLong(tenantId.getLeastSignificantBits())
                .putLong(siteId.getMostSignificantBits()).putLong(siteId.getLeastSignificantBits())
                .put(secret).array();
    }
}
