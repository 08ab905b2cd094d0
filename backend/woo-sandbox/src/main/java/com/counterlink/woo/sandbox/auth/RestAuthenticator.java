package com.counterlink.woo.sandbox.auth;

import com.counterlink.woo.sandbox.http.Request;
import com.counterlink.woo.sandbox.http.RestException;
import com.counterlink.woo.sandbox.store.Store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * WC_REST_Authentication: over HTTPS query-string keys, then Basic; otherwise (and as fallback) one-legged OAuth 1.0a.
 * Returns the authenticated key, empty when no credentials were recognised (the route then answers "cannot view"),
 * or throws a 401 authentication error.
 */
public final class RestAuthenticator {
    private static final long WINDOW_SECONDS = 15 * 60;
    private static final List<String> OAUTH_PARAMS = List.of("oauth_consumer_key", "oauth_timestamp", "oauth_nonce", "oauth_signature", "oauth_signature_method");

    private RestAuthenticator() {}

    /**
     * WC_REST_Authentication::is_request_to_rest_api(): WooCommerce only authenticates requests whose REQUEST_URI
     * contains {@code wp-json/wc/} (or {@code wp-json/wc-}). A {@code ?rest_route=/wc/v3/...} request reaches the same
     * route without a user, whatever credentials it carries.
     */
    public static boolean handles(Request req) {
        String requestUri = req.path() + (req.rawQuery().isEmpty() ? "" : "?" + req.rawQuery());
        return requestUri.contains("wp-json/wc/") || requestUri.contains("wp-json/wc-");
    }

    public static Optional<ApiKey> authenticate(Store store, Request req, boolean ssl, String requestPathInSite) {
        if (ssl) {
            Optional<ApiKey> basic = basic(store, req);
            if (basic.isPresent()) return basic;
        }
        return oauth(store, req, ssl, requestPathInSite);
    }

    /** check_permissions(): a read key may only GET/HEAD; a write key may not read. */
    public static void checkPermission(ApiKey key, String method) {
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (read && !key.permission().allowsRead()) {
            throw new RestException(401, "woocommerce_rest_authentication_error", "The API key provided does not have read permissions.");
        }
        if (!read && !key.permission().allowsWrite()) {
            throw new RestException(401, "woocommerce_rest_authentication_error", "The API key provided does not have write permissions.");
        }
    }

    private static Optional<ApiKey> basic(Store store, Request req) {
        String ck = req.query("consumer_key");
        String cs = req.query("consumer_secret");
        if (ck == null || cs == null) {
            String auth = req.header("Authorization");
            if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) return Optional.empty();
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) return Optional.empty();
            ck = decoded.substring(0, colon);
            cs = decoded.substring(colon + 1);
        }
        // An unknown key is not an error here: WooCommerce falls through and the route reports "cannot view".
        Optional<ApiKey> key = store.findKey(ck);
        if (key.isEmpty()) return Optional.empty();
        if (!MessageDigest.isEqual(key.get().consumerSecret().getBytes(StandardCharsets.UTF_8), cs.getBytes(StandardCharsets.UTF_8))) {
            throw new RestException(401, "woocommerce_rest_authentication_error", "Consumer secret is invalid.");
        }
        key.get().touch(store.clock().now());
        return key;
    }

    private static Optional<ApiKey> oauth(Store store, Request req, boolean ssl, String pathInSite) {
        Map<String, String> params = new LinkedHashMap<>();
        req.queryParams().forEach((k, v) -> params.put(k, v.get(v.size() - 1)));
        req.formParams().forEach((k, v) -> params.put(k, v.get(v.size() - 1)));
        String header = req.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "OAuth ", 0, 6)) {
            for (String part : header.substring(6).split(",")) {
                int eq = part.indexOf('=');
                if (eq < 0) continue;
                String k = part.substring(0, eq).trim();
                String v = part.substring(eq + 1).trim().replaceAll("^\"|\"$", "");
                if (k.startsWith("oauth_")) params.put(k, java.net.URLDecoder.decode(v.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        if (OAUTH_PARAMS.stream().noneMatch(params::containsKey)) return Optional.empty();
        List<String> missing = OAUTH_PARAMS.stream().filter(p -> params.get(p) == null || params.get(p).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new RestException(401, "woocommerce_rest_authentication_missing_parameter",
                    (missing.size() == 1 ? "Missing OAuth parameter " : "Missing OAuth parameters ") + String.join(", ", missing));
        }
        ApiKey key = store.findKey(params.get("oauth_consumer_key"))
                .orElseThrow(() -> new RestException(401, "woocommerce_rest_authentication_error", "Consumer key is invalid."));
        String method = params.get("oauth_signature_method");
        if (!"HMAC-SHA1".equals(method) && !"HMAC-SHA256".equals(method)) {
            throw new RestException(401, "woocommerce_rest_authentication_error", "Invalid signature - signature method is invalid.");
        }
        String given = params.remove("oauth_signature").replace(' ', '+');
        String site = store.siteUrl();
        if (ssl) site = site.replaceFirst("^http:", "https:"); else site = site.replaceFirst("^https:", "http:");
        String expected = OAuth1Signature.sign(req.method(), site + pathInSite, params, key.consumerSecret(), method);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new RestException(401, "woocommerce_rest_authentication_error", "Invalid signature - provided signature does not match.");
        }
        long now = store.clock().now().getEpochSecond();
        long ts;
        try {
            ts = Long.parseLong(params.get("oauth_timestamp"));
        } catch (NumberFormatException e) {
            ts = 0;
        }
        if (ts < now - WINDOW_SECONDS || ts > now + WINDOW_SECONDS) {
            throw new RestException(401, "woocommerce_rest_authentication_error", "Invalid timestamp.");
        }
        if (!key.useNonce(params.get("oauth_nonce"), ts, now, WINDOW_SECONDS)) {
            throw new RestException(401, "woocommerce_rest_authentication_error", "Invalid nonce - nonce has already been used.");
        }
        key.touch(store.clock().now());
        return Optional.of(key);
    }
}
