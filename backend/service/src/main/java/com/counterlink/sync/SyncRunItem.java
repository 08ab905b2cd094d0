package com.counterlink.sync;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** One item's outcome in a run; failures say what went wrong and what a person can do about it. */
@Serdeable
@MappedEntity("sync_run_items")
public record SyncRunItem(@Id @GeneratedValue @Nullable Long id, UUID tenantId, UUID runId, String itemKey,
                          ItemOutcome outcome, @Nullable String errorCode, @Nullable String reason,
                          @Nullable String actionHint) {
}
