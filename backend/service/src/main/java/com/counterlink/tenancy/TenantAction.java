package com.counterlink.tenancy;

/**
 * What an endpoint under {@code /api/tenants/{tenantId}} does, as far as our support staff are
 * concerned. Every such endpoint declares one with {@link TenantEndpoint}; the company's own people
 * are limited by their role (member or owner) in the service instead.
 */
public enum TenantAction {

    /** Reads: open to support in any live session. */
    READ,

    /**
     * The few writes support really needs (retry or resolve an order, run a job now, repair webhooks,
     * retry a failed run item, test a store's connection): open to support only while the session is
     * elevated for writes, with its own reason.
     */
    SUPPORT_WRITE,

    /**
     * Only the company's own people, never support, elevated or not: team and roles, invitations,
     * store keys and addresses, bridges and enrollment tokens, removing stores, settings, ending a
     * support session, and anything about the company itself or its billing.
     */
    TENANT_ONLY
}
