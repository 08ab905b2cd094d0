package com.counterlink.sync;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@Serdeable
public record UpdateJobSettingCommand(
        @NotNull(message = "Say whether the job runs") Boolean enabled,
        @NotNull(message = "Give the interval in seconds")
        @Min(value = 10, message = "Run at most every 10 seconds")
        @Max(value = 86400, message = "Run at least once a day") Integer intervalSeconds) {
}
