package com.counterlink.tenancy;

public enum TenantStatus {
    ACTIVE, SUSPENDED, CLOSED
}
