package com.counterlink.woo.sandbox.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * WC_Webhook::get_new_delivery_id(): {@code wp_hash( webhook_id . strtotime('now') )}, an HMAC-MD5 keyed with the
 * site's salt. It is not unique: every delivery of one webhook within one second of the store clock carries it.
 */
final class DeliveryId {
    private final byte[] salt;

    DeliveryId(String salt) { this.salt = salt.getBytes(StandardCharsets.UTF_8); }

    String of(long webhookId, Instant now) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(salt, "HmacMD5"));
            byte[] hash = mac.doFinal((webhookId + "" + now.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
