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
 * ignores Basic and query-string keys there.
 */
public sealed interface WooAuth {

    /** Answers the final URI (OAuth adds its parameters) and any Authorization header value (or null). */
    Signed sign(String method, URI uri, Map<String, String> query);

    record Signed(URI uri, String authorization) {
    }

    static WooAuth forStore(URI storeUrl, WooCredentials credentials, Clock clock) {
        return "https".equalsIgnoreCase(storeUrl.getScheme())
                ? new Basic(credentials)
                : new OAuth1(credentials, clock);
    }

    record Basic(WooCredentials credentials) implements WooAuth {
        @Override
        public Signed sign(String method, URI base, Map<String, String> query) {
            String token = Base64.getEncoder().encodeToString(
                    (credentials.consumerKey() + ":" + credentials.consumerSecret()).getBytes(StandardCharsets.UTF_8));
            return new Signed(withQuery(base, query), "Basic " + token);
        }
    }

    record OAuth1(WooCredentials credentials, Clock clock) implements WooAuth {
        private static final SecureRandom RANDOM = new SecureRandom();

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
            String baseString = method.toUpperCase() + "&" + encode(base.toString()) + "&" + String.join("%26", pairs);
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
