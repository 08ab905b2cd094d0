package com.counterlink.tenancy;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
public record CreateTenantCommand(
        @NotBlank(message = "Enter your company's name")
        @Size(max = 120, message = "Use at most 120 characters")
        String name) {
}
