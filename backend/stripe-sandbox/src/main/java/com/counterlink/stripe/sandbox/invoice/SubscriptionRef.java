package com.counterlink.stripe.sandbox.invoice;

import java.util.Map;

/** The subscription an invoice bills, as the invoice records it ({@code parent.subscription_details}). */
public record SubscriptionRef(String id, Map<String, String> metadata) {}
