package com.counterlink.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The secret in an invitation link: {@code inv1.<tenantId>.<invitationId>.<secret>}. The tenant in
 * the token lets the backend scope its lookup without reading across tenants; only a hash of the
 * secret is stored.
 */
record InvitationToken(UUID tenantId, UUID invitationId, String secret) {

    private static final String PREFIX = "inv1";
    private static final SecureRandom RANDOM = new SecureRandom();

    static InvitationToken issue(UUID tenantId, UUID invitationId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new InvitationToken(tenantId, invitationId, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    static Optional<InvitationToken> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.strip().split("\\.");
        if (parts.length != 4 || !parts[0].equals(PREFIX) || parts[3].length() < 20) {
            return Optional.empty();
        }
        try {
            return Optional.of(new InvitationToken(UUID.fromString(parts[1]), UUID.fromString(parts[2]), parts[3]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String value() {
        return PREFIX + "." + tenantId + "." + invitationId + "." + secret;
    }

    byte[] secretHash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean matches(byte[] storedHash) {
        return MessageDigest.isEqual(secretHash(), storedHash);
    }
}
