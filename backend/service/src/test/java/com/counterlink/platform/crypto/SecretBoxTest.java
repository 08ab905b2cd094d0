package com.counterlink.platform.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void aSealedSecretOpensOnlyWithItsContextAndNeverContainsThePlaintext() {
        SecretBox box = SecretBox.withKey("k1", KEY);
        byte[] sealed = box.seal("cs_supersecret", "site:1:consumer_secret");
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("cs_supersecret"));
        assertEquals("cs_supersecret", box.open(sealed, "site:1:consumer_secret"));
        assertThrows(IllegalStateException.class, () -> box.open(sealed, "site:2:consumer_secret"));
        assertFalse(java.util.Arrays.equals(sealed, box.seal("cs_supersecret", "site:1:consumer_secret")), "nonce reused");
    }

    @Test
    void theKeyIdPrefixTellsWhichValuesNeedResealingAfterRotation() {
        byte[] old = SecretBox.withKey("k1", KEY).seal("x", "c");
        SecretBox rotated = SecretBox.withKey("k2", Base64.getEncoder().encodeToString(new byte[]{1, 2, 3, 4, 5, 6, 7, 8,
                1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8}));
        assertTrue(rotated.needsRotation(old));
        assertThrows(IllegalStateException.class, () -> rotated.open(old, "c"));
        assertThrows(IllegalStateException.class, () -> SecretBox.withKey("k1", Base64.getEncoder().encodeToString(new byte[16])));
    }

    @Test
    void withoutAMasterKeyTheServiceRefusesToStartOutsideDevAndTest() {
        io.micronaut.context.env.Environment production = io.micronaut.context.ApplicationContext.builder()
                .deduceEnvironment(false).environments("prod").build().getEnvironment();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new SecretBox("", "k1", "", production));
        assertTrue(refused.getMessage().contains("refusing to start"), refused.getMessage());

        io.micronaut.context.env.Environment dev = io.micronaut.context.ApplicationContext.builder()
                .deduceEnvironment(false).environments("dev").build().getEnvironment();
        SecretBox ephemeral = new SecretBox("", "k1", "", dev);
        assertEquals("x", ephemeral.open(ephemeral.seal("x", "c"), "c"));
    }
}
