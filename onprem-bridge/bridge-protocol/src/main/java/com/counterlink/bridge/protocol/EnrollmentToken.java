package com.counterlink.bridge.protocol;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * {@code clb1.<tenantId>.<secret>}: the token names its tenant, so enrollment needs no lookup across
 * tenants; only a hash of the secret is stored.
 */
public record EnrollmentToken(UUID tenantId, String secret) {

    private static final String PREFIX = "clb1";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static EnrollmentToken generate(UUID tenantId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new EnrollmentToken(tenantId, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** @throws IllegalArgumentException for anything not shaped like a token */
    public static EnrollmentToken parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\.");
        if (parts.length != 3 || !parts[0].equals(PREFIX) || parts[2].length() < 32) {
            throw new IllegalArgumentException("not an enrollment token");
        }
        try {
            return new EnrollmentToken(UUID.fromString(parts[1]), parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an enrollment token");
        }
    }

    public String secretHash() {
        return RequestSignature.sha256Hex(secret.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return PREFIX + "." + tenantId + "." + secret;
    }
}
