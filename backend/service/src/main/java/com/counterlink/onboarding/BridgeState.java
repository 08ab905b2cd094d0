package com.counterlink.onboarding;

/** The company's bridge as the wizard sees it. */
public enum BridgeState {
    /** No enrolled bridge. */
    NONE,
    /** Enrolled, but never heard from. */
    NEVER_CONNECTED,
    /** Connected before, silent now. */
    OFFLINE,
    ONLINE
}
