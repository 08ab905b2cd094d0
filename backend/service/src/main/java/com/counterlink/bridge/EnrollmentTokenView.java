package com.counterlink.bridge;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** Shown once to the owner: the token to paste into {@code counterlink-bridge enroll}. */
@Serdeable
public record EnrollmentTokenView(String token, Instant expiresAt, String enrollCommand) {
}
