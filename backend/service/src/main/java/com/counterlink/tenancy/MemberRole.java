package com.counterlink.tenancy;

/** A person's role inside one tenant; kept by us, not by Keycloak, since one person may join several tenants. */
public enum MemberRole {
    OWNER, MEMBER;

    public String apiName() {
        return name().toLowerCase();
    }
}
