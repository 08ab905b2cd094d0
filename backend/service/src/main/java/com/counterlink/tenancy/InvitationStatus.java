package com.counterlink.tenancy;

public enum InvitationStatus {
    PENDING, ACCEPTED, REVOKED
}
