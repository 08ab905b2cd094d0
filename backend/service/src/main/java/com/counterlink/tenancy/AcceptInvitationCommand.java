package com.counterlink.tenancy;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
public record AcceptInvitationCommand(@NotBlank(message = "The invitation link is incomplete")
                                      @Size(max = 500, message = "This is not an invitation link") String token) {
}
