package com.counterlink.sync;

/** Why a run started. */
public enum RunTrigger {
    SCHEDULE, CHANGE, MANUAL, FULL_RESYNC, RECONCILE, PREVIEW;

    public boolean full() {
        return this == FULL_RESYNC || this == RECONCILE;
    }
}
