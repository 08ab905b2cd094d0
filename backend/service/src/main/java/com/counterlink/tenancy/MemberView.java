package com.counterlink.tenancy;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
public record MemberView(String subject, String email, String name, String role, Instant joinedAt) {

    static MemberView of(Member member) {
        return new MemberView(member.subject(), member.email(), member.displayName(), member.role().apiName(),
                member.joinedAt());
    }
}
