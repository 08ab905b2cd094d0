package com.counterlink.sync;

public enum RunStatus {
    RUNNING,
    SUCCEEDED,
    /** Finished, but some items failed; their reasons are in the run's items. */
    PARTIAL,
    FAILED,
    /** The store's Counterpoint bridge was offline; the job catches up when it returns. */
    WAITING_FOR_BRIDGE,
    /** The bridge is online but Counterpoint's database did not answer it; the job runs again when it answers. */
    WAITING_FOR_COUNTERPOINT
}
