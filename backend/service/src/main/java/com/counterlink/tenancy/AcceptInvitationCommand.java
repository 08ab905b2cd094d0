package com.counterlink.tenancy;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

@Serdeable
public record AcceptInvitationCommand(@NotBlank(message = "The invitation link is incomplete") String token) {
}
