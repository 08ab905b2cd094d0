package com.counterlink.retention;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings that would delete what is still needed stop the service at startup, with the setting's name. */
class RetentionSettingsTest {

    private static final Duration SKEW = Duration.ofMinutes(5);

    @Test
    void theDefaultsPass() {
        assertDoesNotThrow(() -> new RetentionSettings().check(SKEW));
    }

    @Test
    void hintsKeptLessThanADayAreRefused() {
        RetentionSettings settings = new RetentionSettings();
        settings.setWebhookHints(Duration.ofHours(12));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> settings.check(SKEW));
        assertTrue(refused.getMessage().contains("counterlink.retention.webhook-hints must be at least PT24H"),
                refused.getMessage());
    }

    @Test
    void noncesMustOutliveTheReplayWindowOfASignedBridgeRequest() {
        RetentionSettings settings = new RetentionSettings();
        settings.setBridgeNonces(Duration.ofMinutes(9));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> settings.check(SKEW));
        assertTrue(refused.getMessage().contains("counterlink.retention.bridge-nonces must be at least PT10M"),
                refused.getMessage());
    }

    @Test
    void aBatchSizeOutOfRangeIsRefused() {
        RetentionSettings settings = new RetentionSettings();
        settings.setBatchSize(0);
        assertThrows(IllegalArgumentException.class, () -> settings.check(SKEW));
        settings.setBatchSize(RetentionSettings.MAX_BATCH_SIZE + 1);
        assertThrows(IllegalArgumentException.class, () -> settings.check(SKEW));
    }
}
