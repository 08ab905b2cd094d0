package com.counterlink.billing;

import com.counterlink.stores.StoreChanged;
import com.counterlink.sync.JobsSwitched;

/** What made a store's billable state change, as its history row names it. */
public enum BillingReason {
    STORE_LINKED, KEYS_SAVED, JOB_SWITCHED_ON, JOB_SWITCHED_OFF, SETTINGS_SAVED, STORE_REMOVED,
    /** The daily reconcile found another state in the tables than the last row said: an event was missed. */
    RECONCILE;

    static BillingReason of(StoreChanged.Change change) {
        return switch (change) {
            case LINKED -> STORE_LINKED;
            case KEYS_SAVED -> KEYS_SAVED;
            case REMOVED -> STORE_REMOVED;
        };
    }

    static BillingReason of(JobsSwitched.Change change) {
        return switch (change) {
            case SWITCHED_ON -> JOB_SWITCHED_ON;
            case SWITCHED_OFF -> JOB_SWITCHED_OFF;
            case SETTINGS_SAVED -> SETTINGS_SAVED;
        };
    }
}
