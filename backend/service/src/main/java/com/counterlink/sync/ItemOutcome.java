package com.counterlink.sync;

public enum ItemOutcome {
    CREATED, UPDATED, UNCHANGED, ADOPTED, FAILED, SKIPPED
}
