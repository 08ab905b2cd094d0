package com.counterlink.sync;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

@Serdeable
public record SyncRunDetail(SyncRun run, List<SyncRunItem> items) {
}
