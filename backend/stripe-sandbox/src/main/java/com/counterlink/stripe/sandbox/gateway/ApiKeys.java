package com.counterlink.stripe.sandbox.gateway;

import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.api.ErrorType;
import com.counterlink.stripe.sandbox.http.Request;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Authentication as stripe-mock and Stripe's test mode do it: any {@code sk_test_*} or {@code rk_test_*} key, sent as
 * {@code Authorization: Bearer <key>} or as the Basic user name; anything else is 401.
 */
final class ApiKeys {
    private ApiKeys() {}

    static String authenticate(Request req) {
        String header = req.header("Authorization");
        if (header == null || header.isBlank()) {
            throw unauthorized("You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth "
                    + "(e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can "
                    + "help at https://support.stripe.com/.");
        }
        String key;
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = header.substring(7).trim();
        } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                key = colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                throw unauthorized("Invalid API Key provided: the Basic credentials are not valid base64.");
            }
        } else {
            throw unauthorized("Invalid authorization header. Use Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
        }
        if (!(key.startsWith("sk_test_") || key.startsWith("rk_test_")) || key.length() <= 8) {
            throw unauthorized("Invalid API Key provided: " + redact(key));
        }
        return key;
    }

    /** Stripe shows the first characters and the last four: {@code sk_live_****1234}. */
    static String redact(String key) {
        if (key.length() <= 12) return "****";
        int prefix = key.indexOf('_', key.indexOf('_') + 1) + 1;
        if (prefix <= 0 || prefix > 8) prefix = 3;
        return key.substring(0, prefix) + "*".repeat(key.length() - prefix - 4) + key.substring(key.length() - 4);
    }

    private static ApiError unauthorized(String message) {
        return new ApiError(401, ErrorType.INVALID_REQUEST_ERROR, null, null, message);
    }
}
