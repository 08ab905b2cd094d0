package com.counterlink.sync;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** "Sync now", or with {@code full} a full resync that compares everything instead of changes. */
@Serdeable
public record RunNowCommand(@Nullable Boolean full) {
}
