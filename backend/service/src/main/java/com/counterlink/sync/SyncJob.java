package com.counterlink.sync;

/** One of a store's four jobs. Implementations record every item's outcome on the context's log. */
public interface SyncJob {

    JobType type();

    /**
     * Does one run. Throws {@link BridgeOfflineException} when Counterpoint cannot be reached, so the
     * run is recorded as waiting rather than failed; any other exception fails the run with its message.
     */
    void run(SyncContext context) throws BridgeOfflineException;
}
