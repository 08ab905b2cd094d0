package com.counterlink.billing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The plan pricing this month, the one already set for a later month (if any), and every plan ever set. */
@Serdeable
public record PlansView(@Nullable Plan inEffect, @Nullable Plan next, List<Plan> history) {
}
