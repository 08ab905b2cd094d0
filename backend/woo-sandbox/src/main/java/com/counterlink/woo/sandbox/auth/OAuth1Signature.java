package com.counterlink.woo.sandbox.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One-legged OAuth 1.0a signatures as WooCommerce checks them: base string = METHOD&enc(url)&enc(sorted params),
 * key = consumer_secret + "&". Public so clients and tests can sign requests the same way.
 */
public final class OAuth1Signature {
    private OAuth1Signature() {}

    /** @param params every query/body/header oauth parameter except oauth_signature, values decoded */
    public static String sign(String method, String baseUrl, Map<String, String> params, String consumerSecret, String signatureMethod) {
        String algorithm = switch (signatureMethod) {
            case "HMAC-SHA1" -> "HmacSHA1";
            case "HMAC-SHA256" -> "HmacSHA256";
            default -> throw new IllegalArgumentException("Unsupported signature method " + signatureMethod);
        };
        String base = baseString(method, baseUrl, params);
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec((consumerSecret + "&").getBytes(StandardCharsets.UTF_8), algorithm));
            return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String baseString(String method, String baseUrl, Map<String, String> params) {
        List<String> keys = new ArrayList<>(params.keySet());
        keys.sort(String::compareTo);
        List<String> pairs = new ArrayList<>();
        for (String k : keys) pairs.add(encode(encode(k) + "=" + encode(params.get(k))));
        return method.toUpperCase() + "&" + encode(baseUrl) + "&" + String.join("%26", pairs);
    }

    /** RFC 3986 percent-encoding (PHP rawurlencode). */
    public static String encode(String s) {
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
