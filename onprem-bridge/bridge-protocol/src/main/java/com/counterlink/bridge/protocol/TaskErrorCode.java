package com.counterlink.bridge.protocol;

/** Why a task failed; callers decide from the code whether a retry can help. */
public enum TaskErrorCode {
    UNKNOWN_OPERATION(false),
    INVALID_PARAMETERS(false),
    /** A referenced Counterpoint record (item, store, customer...) does not exist. */
    NOT_FOUND(false),
    /** Counterpoint's database could not be reached; nothing was changed. */
    COUNTERPOINT_UNAVAILABLE(true),
    /** Counterpoint rejected the statement; the transaction was rolled back. */
    SQL_ERROR(false),
    RESULT_TOO_LARGE(false),
    RESULT_REJECTED(false),
    INTERNAL(true);

    private final boolean retryable;

    TaskErrorCode(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
