package com.counterlink.stripe.sandbox.portal;

/** A Customer Portal session: a link where the customer manages their card and subscription. */
public record PortalSession(String id, long created, String customerId, String returnUrl, String configuration, String flowType) {}
