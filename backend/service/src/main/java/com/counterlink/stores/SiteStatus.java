package com.counterlink.stores;

/** A linked store's life: PENDING until keys arrive, ACTIVE, and REMOVED instead of deleted. */
public enum SiteStatus {
    PENDING, ACTIVE, PAUSED, DISCONNECTED, REMOVED
}
