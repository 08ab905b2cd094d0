package com.counterlink.onboarding;

/** The company's bridge as the wizard sees it. */
public enum BridgeState {
    /** No enrolled bridge. */
    NONE,
    /** Enrolled, but never heard from. */
    NEVER_CONNECTED,
    /** Connected before, silent now. */
    OFFLINE,
    /** Online, but Counterpoint's database does not answer it: settings read from Counterpoint wait. */
    COUNTERPOINT_UNREACHABLE,
    ONLINE
}
