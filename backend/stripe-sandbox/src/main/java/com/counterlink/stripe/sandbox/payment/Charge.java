package com.counterlink.stripe.sandbox.payment;

/** One payment attempt, kept for the management API ({@code GET /__sandbox/state}). */
public record Charge(String customerId, String paymentMethodId, long amount, String currency, long at, boolean succeeded,
                     String declineCode, String description) {}
