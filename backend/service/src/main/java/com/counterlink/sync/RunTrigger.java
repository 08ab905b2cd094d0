package com.counterlink.sync;

/** Why a run started. */
public enum RunTrigger {
    SCHEDULE, CHANGE, MANUAL, FULL_RESYNC, RECONCILE, PREVIEW;

    public boolean full() {
        return this == FULL_RESYNC || this == RECONCILE;
    }

    /** Asked for by a person or a change: if the job is busy, it runs when the busy run ends, not never. */
    public boolean followsUpABusyRun() {
        return this != SCHEDULE;
    }

    /** Of two pending requests, the one kept: full beats a person's, a person's beats a change. */
    int weight() {
        return switch (this) {
            case FULL_RESYNC, RECONCILE -> 3;
            case PREVIEW -> 2;
            case MANUAL -> 1;
            default -> 0;
        };
    }
}
