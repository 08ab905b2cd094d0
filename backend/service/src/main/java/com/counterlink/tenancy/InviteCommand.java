package com.counterlink.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Serdeable
public record InviteCommand(
        @NotBlank(message = "Enter the person's email address")
        @Size(max = 320, message = "Use at most 320 characters") String email,
        @Nullable @Pattern(regexp = "owner|member", message = "Choose owner or member") String role) {
}
