package com.counterlink.billing;

import io.micronaut.core.annotation.Nullable;

/**
 * A stretch of time a store was billable, cut to the window it is counted in: from the row that made it
 * billable to the row that ended it ({@code endedBy} null while it {@code continues} past the window).
 */
public record BillablePeriod(Window window, boolean continues, StateChange startedBy, @Nullable StateChange endedBy) {
}
