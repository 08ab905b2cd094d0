package com.counterlink.retention;

import java.time.Duration;
import java.util.Map;

/** What one pass did: rows deleted per table, over how many tenants and batches, and the batches that failed. */
public record RetentionResult(Map<String, Long> deleted, int tenants, int batches, int failures, Duration took,
                              boolean interrupted) {

    public long deletedFrom(String table) {
        return deleted.getOrDefault(table, 0L);
    }
}
