package com.counterlink.bridge;

import com.counterlink.bridge.protocol.TaskErrorCode;

/**
 * What came of asking a tenant's bridge for something. Offline and timed out are outcomes, not
 * exceptions: a job waits or reschedules instead of failing.
 */
public sealed interface CallOutcome<R> {

    record Completed<R>(R result) implements CallOutcome<R> {
    }

    /** The bridge ran the operation and it failed, e.g. Counterpoint refused it. */
    record Failed<R>(TaskErrorCode code, String reason) implements CallOutcome<R> {

        /**
         * Counterpoint's database did not answer the bridge: a state to wait out, not a refusal. {@code reason}
         * may hold the database driver's text (older bridges sent it), which is not for the retailer.
         */
        public boolean counterpointUnreachable() {
            return code == TaskErrorCode.COUNTERPOINT_UNAVAILABLE;
        }
    }

    /** No bridge of the tenant was heard from recently; no task was queued. */
    record BridgeOffline<R>() implements CallOutcome<R> {
    }

    /** The bridge did not answer in time; the task was withdrawn (a late answer is ignored). */
    record TimedOut<R>() implements CallOutcome<R> {
    }
}
