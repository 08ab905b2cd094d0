package com.counterlink.bridge;

import com.counterlink.sync.JobType;

import java.util.Set;
import java.util.UUID;

/** A tenant's bridge saw Counterpoint change what these jobs read. */
public record CounterpointChanged(UUID tenantId, Set<JobType> jobs) {
}
