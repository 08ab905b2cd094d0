package com.counterlink.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PollIntervalTest {

    private final PollInterval policy = new PollInterval(Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(60));

    @Test
    void anIdleStoreIsLookedAtOneAndAHalfTimesLessOftenPerIdleLookUntilTheIdleCap() {
        List<Long> waits = new ArrayList<>();
        Duration wait = policy.afterActivity();
        for (int look = 0; look < 6; look++) {
            waits.add(wait.toMillis());
            wait = policy.afterIdle(wait);
        }
        assertEquals(List.of(3_000L, 4_500L, 6_750L, 10_000L, 10_000L, 10_000L), waits);
    }

    @Test
    void newOrdersBringTheStoreBackToTheBaseIntervalAtOnce() {
        Duration idle = policy.afterIdle(policy.afterIdle(policy.afterIdle(policy.afterActivity())));
        assertEquals(Duration.ofSeconds(10), idle);
        assertEquals(Duration.ofSeconds(3), policy.afterActivity());
    }

    @Test
    void aStoreThatDoesNotAnswerBacksOffFurtherThanAnIdleOneAndComesBackWhenItAnswers() {
        Duration wait = Duration.ofSeconds(10);
        List<Long> waits = new ArrayList<>();
        for (int failure = 0; failure < 4; failure++) {
            wait = policy.afterFailure(wait);
            waits.add(wait.toSeconds());
        }
        assertEquals(List.of(20L, 40L, 60L, 60L), waits);
        assertEquals(Duration.ofSeconds(10), policy.afterIdle(wait), "an answer without news comes back to the idle cap");
        assertEquals(Duration.ofSeconds(3), policy.afterActivity());
    }

    @Test
    void settingsThatCannotWorkAreRefusedWithTheirName() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new PollInterval(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(60)));
        assertTrue(zero.getMessage().contains("interval must be positive"), zero.getMessage());
        IllegalArgumentException idle = assertThrows(IllegalArgumentException.class,
                () -> new PollInterval(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(60)));
        assertTrue(idle.getMessage().contains("idle-max-interval"), idle.getMessage());
        IllegalArgumentException failing = assertThrows(IllegalArgumentException.class,
                () -> new PollInterval(Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(5)));
        assertTrue(failing.getMessage().contains("failing-max-interval"), failing.getMessage());
    }
}
