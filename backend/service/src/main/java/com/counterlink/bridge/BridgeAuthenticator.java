package com.counterlink.bridge;

import com.counterlink.platform.db.TxSql;
import com.counterlink.bridge.protocol.BridgeHeaders;
import com.counterlink.bridge.protocol.RequestSignature;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.web.ApiException;
import com.counterlink.platform.web.ErrorCode;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.URI;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Authenticates a bridge request: tenant and bridge from the headers, the transaction scoped to
 * that tenant, the signature checked with the bridge's stored public key, then the clock skew
 * and the nonce (each used once). Only an authentic caller learns that its bridge was revoked.
 */
@Singleton
class BridgeAuthenticator {

    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_\\-]{16,64}");

    private final TenantTransactions transactions;
    private final TxSql sql;
    private final BridgeSettings settings;
    private final Map<String, PublicKey> decodedKeys = new ConcurrentHashMap<>();

    BridgeAuthenticator(TenantTransactions transactions, TxSql sql, BridgeSettings settings) {
        this.transactions = transactions;
        this.sql = sql;
        this.settings = settings;
    }

    AuthenticatedBridge authenticate(HttpRequest<?> request, byte[] body) {
        return authenticate(request, body, bridge -> bridge);
    }

    /**
     * Verifies the request and runs {@code work} for the bridge in the same transaction, so a
     * request's nonce is spent exactly when its work is applied.
     */
    <T> T authenticate(HttpRequest<?> request, byte[] body, Function<AuthenticatedBridge, T> work) {
        UUID tenantId = uuidHeader(request, BridgeHeaders.TENANT);
        UUID bridgeId = uuidHeader(request, BridgeHeaders.BRIDGE);
        long timestamp = timestamp(request);
        String nonce = header(request, BridgeHeaders.NONCE);
        if (!NONCE.matcher(nonce).matches()) {
            throw invalid("the nonce must be 16-64 letters, digits, '-' or '_'");
        }
        String signature = header(request, BridgeHeaders.SIGNATURE);
        URI uri = request.getUri();
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String canonical = RequestSignature.canonical(request.getMethodName(), pathAndQuery, timestamp, nonce, body);

        return transactions.inTenantRelaxed(tenantId, () -> {
            // One statement reads the bridge, spends the nonce and notes the visit; a check that fails
            // below throws, and the rollback un-spends the nonce.
            BridgeRecord bridge = sql.queryOne("""
                            WITH known AS (SELECT id, tenant_id, status, public_key FROM bridges WHERE id = ?),
                                 fresh AS (INSERT INTO bridge_nonces (tenant_id, bridge_id, nonce)
                                           SELECT tenant_id, id, ? FROM known ON CONFLICT DO NOTHING RETURNING nonce),
                                 seen AS (UPDATE bridges SET last_seen_at = now()
                                           WHERE id IN (SELECT id FROM known)
                                             AND (last_seen_at IS NULL OR last_seen_at < now() - interval '2 seconds')
                                          RETURNING id)
                            SELECT status, public_key, EXISTS (SELECT 1 FROM fresh) FROM known""",
                            row -> new BridgeRecord(row.getString(1), publicKey(row.getString(2)), row.getBoolean(3)), bridgeId, nonce)
                    .orElseThrow(() -> new ApiException(ErrorCode.BRIDGE_UNKNOWN,
                            "No bridge " + bridgeId + " is enrolled for this company; enroll it again with a new token"));
            if (!RequestSignature.verify(bridge.publicKey(), canonical, signature)) {
                throw invalid("the signature does not match the request");
            }
            if ("REVOKED".equals(bridge.status())) {
                throw new ApiException(ErrorCode.BRIDGE_REVOKED,
                        "This bridge was revoked in the Counterlink portal; it must not connect again");
            }
            long skew = Math.abs(Duration.between(Instant.ofEpochMilli(timestamp), Instant.now()).toSeconds());
            if (skew > settings.getMaxClockSkew().toSeconds()) {
                throw invalid("the bridge's clock is " + skew + " s away from the server's; correct the server time");
            }
            if (!bridge.freshNonce()) {
                throw invalid("this request was already received (replayed nonce)");
            }
            return work.apply(new AuthenticatedBridge(tenantId, bridgeId));
        });
    }

    private record BridgeRecord(String status, PublicKey publicKey, boolean freshNonce) {
    }

    /** Each bridge key is decoded once, not on every request. */
    private PublicKey publicKey(String encoded) {
        if (decodedKeys.size() > 10_000) {
            decodedKeys.clear();
        }
        return decodedKeys.computeIfAbsent(encoded, RequestSignature::decodePublicKey);
    }

    private static long timestamp(HttpRequest<?> request) {
        try {
            return Long.parseLong(header(request, BridgeHeaders.TIMESTAMP));
        } catch (NumberFormatException e) {
            throw invalid(BridgeHeaders.TIMESTAMP + " must be milliseconds since the epoch");
        }
    }

    private static UUID uuidHeader(HttpRequest<?> request, String name) {
        try {
            return UUID.fromString(header(request, name));
        } catch (IllegalArgumentException e) {
            throw invalid(name + " is not an id");
        }
    }

    private static String header(HttpRequest<?> request, String name) {
        String value = request.getHeaders().get(name);
        if (value == null || value.isBlank()) {
            throw invalid("the request has no " + name + " header");
        }
        return value.strip();
    }

    private static ApiException invalid(String detail) {
        return new ApiException(ErrorCode.SIGNATURE_INVALID, detail);
    }
}
