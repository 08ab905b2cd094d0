package com.counterlink.sync;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
@MappedEntity("sync_runs")
public record SyncRun(@Id UUID id, UUID tenantId, UUID siteId, JobType jobType, RunTrigger runTrigger,
                      RunStatus status, @Nullable String statusReason, Instant startedAt,
                      @Nullable Instant finishedAt, int itemsRead, int itemsCreated, int itemsUpdated,
                      int itemsUnchanged, int itemsFailed) {
}
