package com.counterlink.orders;

/** Where a web order is on its way to Counterpoint. */
public enum OrderState {
    /** Seen, not yet allocated (lines being mapped). */
    RECEIVED,
    /** Its quantities are held against every store on the same Counterpoint; waiting for the sending status. */
    ALLOCATED,
    /** In the status that sends it: the next run writes it. */
    READY,
    /** In Counterpoint's PS_DOC_* (exactly once, under its order key). */
    WRITTEN,
    /** Counterpoint posted it (it is in PS_TKT_HIST). */
    POSTED,
    /** Done: posted (or resolved by a person) and its allocation released. */
    RELEASED,
    /** Waiting for a person; the reason says what to fix. */
    NEEDS_ATTENTION,
    /** Cancelled or refunded in WooCommerce before it was written; its allocation released. */
    CANCELLED;

    boolean beforeWriting() {
        return this == RECEIVED || this == ALLOCATED || this == READY || this == NEEDS_ATTENTION;
    }
}
