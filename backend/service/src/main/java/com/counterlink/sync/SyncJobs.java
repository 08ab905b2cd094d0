package com.counterlink.sync;

import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The job implementation for each job type. */
@Singleton
public class SyncJobs {

    private final Map<JobType, SyncJob> byType = new EnumMap<>(JobType.class);

    public SyncJobs(List<SyncJob> jobs) {
        for (SyncJob job : jobs) {
            if (byType.put(job.type(), job) != null) {
                throw new IllegalStateException("two implementations of the " + job.type() + " job");
            }
        }
    }

    public Optional<SyncJob> forType(JobType type) {
        return Optional.ofNullable(byType.get(type));
    }
}
