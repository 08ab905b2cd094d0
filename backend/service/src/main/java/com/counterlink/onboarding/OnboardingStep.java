package com.counterlink.onboarding;

/** The steps of the portal's setup wizard after the company exists, in order. */
public enum OnboardingStep {
    /** No bridge has connected yet. */
    BRIDGE,
    /** No WooCommerce store is active yet. */
    STORES,
    /** A store's catalog or order settings were never saved. */
    SETTINGS,
    /** A store has no finished first-sync preview. */
    PREVIEW,
    /** A store has not synced for real yet. */
    START,
    /** Every active store has synced. */
    DONE
}
