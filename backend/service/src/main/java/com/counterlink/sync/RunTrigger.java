package com.counterlink.sync;

/** Why a run started. */
public enum RunTrigger {
    SCHEDULE, CHANGE, MANUAL, FULL_RESYNC, RECONCILE, PREVIEW;

    public boolean full() {
        return this == FULL_RESYNC || this == RECONCILE;
    }

    /**
     * A change, a full resync, a preview or the nightly reconcile finding the job busy runs when the
     * busy run ends: the busy run may have read Counterpoint before the change, and the others are
     * runs a plain run does not replace. A scheduled run is covered by the busy run; a person's "sync
     * now" or retry follows it too when it comes through {@code SyncJobRunner.runAskedFor}.
     */
    public boolean followsUpABusyRun() {
        return this == CHANGE || full() || this == PREVIEW;
    }

    /** Of two pending requests, the one kept: a full run covers a preview, a preview a change. */
    int weight() {
        return switch (this) {
            case FULL_RESYNC, RECONCILE -> 2;
            case PREVIEW -> 1;
            default -> 0;
        };
    }
}
