package com.counterlink.bridge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A bridge as the portal lists it. {@code counterpointReachable} is false while the bridge reports that
 * Counterpoint's database does not answer it, since {@code counterpointUnreachableSince} (as last reported: it
 * means something only while the bridge is {@code online}).
 */
@Serdeable
public record BridgeView(UUID id, String name, String status, boolean online, @Nullable Instant lastSeenAt,
                         @Nullable String version, @Nullable Integer latencyMs, Instant createdAt,
                         @Nullable Instant revokedAt, boolean counterpointReachable,
                         @Nullable Instant counterpointUnreachableSince) {

    /** Online, but Counterpoint does not answer it: everything that needs Counterpoint waits. */
    public boolean waitingForCounterpoint() {
        return online && !counterpointReachable;
    }
}
