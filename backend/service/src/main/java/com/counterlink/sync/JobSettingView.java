package com.counterlink.sync;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A job of a store as the portal shows it: its settings and how its last run went. */
@Serdeable
public record JobSettingView(JobType jobType, boolean enabled, int intervalSeconds, @Nullable SyncRun lastRun) {
}
