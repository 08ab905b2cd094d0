package com.counterlink.woo;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Authentication as WC_REST_Authentication accepts it: over HTTPS the key by HTTP Basic; over
 * plain HTTP only one-legged OAuth 1.0a (HMAC-SHA256, key = secret + "&"), because WooCommerce
 * ignores Basic and query-string keys there. OAuth signatures name the URL as WooCommerce rebuilds
 * it from its own home_url, which may differ from the address we call (see {@link SiteAddress}).
 */
public sealed interface WooAuth {

    /** Answers the final URI (OAuth adds its parameters) and any Authorization header value (or null). */
    Signed sign(String method, URI uri, Map<String, String> query);

    record Signed(URI uri, String authorization) {
    }

    static WooAuth forStore(URI storeUrl, WooCredentials credentials, Clock clock) {
        return forStore(storeUrl, null, credentials, clock);
    }

    /** @param homeUrl the store's own address (WordPress's home_url) when known, else null */
    static WooAuth forStore(URI storeUrl, URI homeUrl, WooCredentials credentials, Clock clock) {
        return "https".equalsIgnoreCase(storeUrl.getScheme())
                ? new Basic(credentials)
                : new OAuth1(credentials, clock, homeUrl);
    }

    /** No credentials: for WordPress's public routes (the REST index). */
    record Anonymous() implements WooAuth {
        @Override
        public Signed sign(String method, URI base, Map<String, String> query) {
            return new Signed(withQuery(base, query), null);
        }
    }

    record Basic(WooCredentials credentials) implements WooAuth {
        @Override
        public Signed sign(String method, URI base, Map<String, String> query) {
            String token = Base64.getEncoder().encodeToString(
                    (credentials.consumerKey() + ":" + credentials.consumerSecret()).getBytes(StandardCharsets.UTF_8));
            return new Signed(withQuery(base, query), "Basic " + token);
        }
    }

    /** @param homeUrl the store's own address when known (null: sign the URL we call) */
    record OAuth1(WooCredentials credentials, Clock clock, URI homeUrl) implements WooAuth {
        private static final SecureRandom RANDOM = new SecureRandom();

        public OAuth1(WooCredentials credentials, Clock clock) {
            this(credentials, clock, null);
        }

        /**
         * The URL WooCommerce puts in its base string: get_home_url(path) in the scheme the request
         * came in, where path is the request path less the home's own path.
         */
        URI signedUrl(URI target) {
            if (homeUrl == null) {
                return target;
            }
            String homePath = homeUrl.getRawPath() == null ? "" : homeUrl.getRawPath().replaceAll("/+$", "");
            String path = target.getRawPath() == null ? "" : target.getRawPath();
            String rest = path.startsWith(homePath + "/") ? path.substring(homePath.length()) : path;
            if (!rest.startsWith("/")) {
                rest = "/" + rest;
            }
            return URI.create(target.getScheme() + "://" + homeUrl.getRawAuthority() + homePath + rest);
        }

        @Override
        public Signed sign(String method, URI base, Map<String, String> query) {
            byte[] nonce = new byte[16];
            RANDOM.nextBytes(nonce);
            Map<String, String> params = new TreeMap<>(query);
            params.put("oauth_consumer_key", credentials.consumerKey());
            params.put("oauth_timestamp", Long.toString(clock.instant().getEpochSecond()));
            params.put("oauth_nonce", HexFormat.of().formatHex(nonce));
            params.put("oauth_signature_method", "HMAC-SHA256");
            List<String> pairs = new ArrayList<>();
            params.forEach((k, v) -> pairs.add(encode(encode(k) + "=" + encode(v))));
            String baseString = method.toUpperCase() + "&" + encode(signedUrl(base).toString()) + "&" + String.join("%26", pairs);
            params.put("oauth_signature", hmacSha256(credentials.consumerSecret() + "&", baseString));
            return new Signed(withQuery(base, params), null);
        }

        private static String hmacSha256(String key, String data) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static URI withQuery(URI base, Map<String, String> query) {
        if (query.isEmpty()) {
            return base;
        }
        StringBuilder sb = new StringBuilder(base.toString()).append('?');
        query.forEach((k, v) -> sb.append(encode(k)).append('=').append(encode(v)).append('&'));
        sb.setLength(sb.length() - 1);
        return URI.create(sb.toString());
    }

    /** RFC 3986 percent-encoding, as PHP's rawurlencode. */
    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }
}
