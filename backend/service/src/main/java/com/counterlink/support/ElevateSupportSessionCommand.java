package com.counterlink.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** "Elevate this session for writes": its own reason, for a short time (never past the session's end). */
@Serdeable
public record ElevateSupportSessionCommand(
        @NotBlank(message = "Say which write you need to make and why (e.g. retry order 1042 for ticket 4711)")
        @Size(min = 10, max = 500, message = "Give a reason of 10 to 500 characters") String reason,
        @Nullable @Min(value = 5, message = "At least 5 minutes")
        @Max(value = 60, message = "At most 60 minutes") Integer minutes) {
}
