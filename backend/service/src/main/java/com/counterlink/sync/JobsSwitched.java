package com.counterlink.sync;

import java.util.Set;
import java.util.UUID;

/**
 * Published (Micronaut application event) after a store's jobs were switched on or off, or started on
 * their schedules because their settings were saved (a job without a saved switch runs once its
 * settings exist), and the change is committed. Billing listens; this package knows nothing of it.
 */
public record JobsSwitched(UUID tenantId, UUID siteId, Set<JobType> jobs, Change change) {

    public enum Change {
        SWITCHED_ON, SWITCHED_OFF, SETTINGS_SAVED
    }
}
