package com.counterlink.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The reason is judged as it is stored, without the spaces around it: ten spaces are no reason. */
@Serdeable
public record StartSupportSessionCommand(
        @NotBlank(message = "Say why you need to act as this company (e.g. the ticket number)")
        @Size(min = 10, max = 500, message = "Give a reason of 10 to 500 characters") String reason,
        @Nullable @Min(value = 5, message = "At least 5 minutes")
        @Max(value = 120, message = "At most 120 minutes") Integer minutes) {

    public StartSupportSessionCommand {
        reason = reason == null ? null : reason.strip();
    }
}
