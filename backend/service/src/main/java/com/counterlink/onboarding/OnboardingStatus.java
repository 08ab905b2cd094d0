package com.counterlink.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/**
 * Where a company stands in its setup, derived from what is saved: {@code step} is the first
 * unfinished step and {@code siteId} the store it is about (null for the company-wide steps).
 */
@Serdeable
public record OnboardingStatus(OnboardingStep step, @Nullable UUID siteId, BridgeState bridge, List<StoreProgress> stores) {

    /** One store's progress; {@code stage} is its first unfinished step (STORES while it is not active). */
    @Serdeable
    public record StoreProgress(UUID id, String name, String status, OnboardingStep stage, SettingsState catalogSettings,
                                SettingsState orderSettings, PreviewState preview) {
    }

    public enum SettingsState { NOT_SAVED, SAVED }

    public enum PreviewState { NONE, RUNNING, FINISHED }
}
