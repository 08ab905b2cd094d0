package com.counterlink.tenancy;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Serdeable
public record ChangeRoleCommand(@NotNull(message = "Choose owner or member")
                                @Pattern(regexp = "owner|member", message = "Choose owner or member") String role) {
}
