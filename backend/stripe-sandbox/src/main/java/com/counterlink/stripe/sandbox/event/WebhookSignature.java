package com.counterlink.stripe.sandbox.event;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * {@code Stripe-Signature: t=<unix>,v1=<hex>}: v1 is the lowercase hex HMAC-SHA256 of {@code t + "." + body}, keyed
 * with the endpoint secret ({@code whsec_...}) as UTF-8 bytes, exactly what {@code Webhook.constructEvent} checks.
 */
public final class WebhookSignature {
    private WebhookSignature() {}

    public static String header(long timestamp, byte[] body, String secret) {
        return "t=" + timestamp + ",v1=" + v1(timestamp, body, secret);
    }

    public static String v1(long timestamp, byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
