package com.counterlink.platform.crypto;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Secrets at rest: AES-256-GCM under a master key from configuration. A sealed value is
 * {@code [key-id length][key id][12-byte nonce][ciphertext+tag]}, so keys can be rotated: new
 * values use the current key, old ones still open with the retired key named by their prefix.
 * The associated data binds a value to its row and column, so ciphertexts cannot be swapped.
 * Created at startup ({@code @Context}) so a missing key stops the service at once.
 */
@Context
public class SecretBox {

    private static final Logger LOG = LoggerFactory.getLogger(SecretBox.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys = new HashMap<>();

    public SecretBox(@Value("${counterlink.secrets.master-key:}") String masterKey,
                     @Value("${counterlink.secrets.key-id:k1}") String keyId,
                     @Value("${counterlink.secrets.retired-keys:}") String retiredKeys,
                     Environment environment) {
        if (masterKey == null || masterKey.isBlank()) {
            Set<String> envs = environment.getActiveNames();
            if (!envs.contains("dev") && !envs.contains(Environment.TEST)) {
                throw new IllegalStateException("counterlink.secrets.master-key is not set: refusing to start "
                        + "(set COUNTERLINK_SECRETS_MASTER_KEY to 32 random bytes, base64)");
            }
            byte[] ephemeral = new byte[32];
            random.nextBytes(ephemeral);
            masterKey = Base64.getEncoder().encodeToString(ephemeral);
            LOG.warn("No counterlink.secrets.master-key: using an ephemeral key; stored secrets will not survive a restart");
        }
        this.currentKeyId = keyId;
        keys.put(keyId, key(masterKey));
        // retired keys: "id1:base64,id2:base64"
        if (retiredKeys != null && !retiredKeys.isBlank()) {
            for (String entry : retiredKeys.split(",")) {
                int colon = entry.indexOf(':');
                keys.putIfAbsent(entry.substring(0, colon).strip(), key(entry.substring(colon + 1).strip()));
            }
        }
    }

    public static SecretBox withKey(String keyId, String base64Key) {
        return new SecretBox(keyId, key(base64Key));
    }

    private SecretBox(String keyId, SecretKeySpec key) {
        this.currentKeyId = keyId;
        keys.put(keyId, key);
    }

    private static SecretKeySpec key(String base64) {
        byte[] raw = Base64.getDecoder().decode(base64.strip());
        if (raw.length != 32) {
            throw new IllegalStateException("a secrets master key must be 32 bytes (base64), got " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    public byte[] seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] id = currentKeyId.getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), nonce, context,
                plaintext.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(1 + id.length + NONCE_BYTES + sealed.length)
                .put((byte) id.length).put(id).put(nonce).put(sealed).array();
    }

    public String open(byte[] sealedValue, String context) {
        ByteBuffer in = ByteBuffer.wrap(sealedValue);
        byte[] id = new byte[in.get()];
        in.get(id);
        SecretKeySpec key = keys.get(new String(id, StandardCharsets.US_ASCII));
        if (key == null) {
            throw new IllegalStateException("no key " + new String(id, StandardCharsets.US_ASCII) + " to open a secret");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        in.get(nonce);
        byte[] rest = new byte[in.remaining()];
        in.get(rest);
        return new String(crypt(Cipher.DECRYPT_MODE, key, nonce, context, rest), StandardCharsets.UTF_8);
    }

    /** A MAC under a key derived from the current master key for one purpose (e.g. signed state tokens). */
    public byte[] mac(String purpose, byte[] data) {
        try {
            javax.crypto.Mac derive = javax.crypto.Mac.getInstance("HmacSHA256");
            derive.init(keys.get(currentKeyId));
            byte[] subKey = derive.doFinal(("counterlink:" + purpose).getBytes(StandardCharsets.UTF_8));
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(subKey, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the value was sealed with a key other than the current one (to re-seal on rotation). */
    public boolean needsRotation(byte[] sealedValue) {
        byte[] id = new byte[sealedValue[0]];
        System.arraycopy(sealedValue, 1, id, 0, id.length);
        return !currentKeyId.equals(new String(id, StandardCharsets.US_ASCII));
    }

    private static byte[] crypt(int mode, SecretKeySpec key, byte[] nonce, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened"), e);
        }
    }
}
