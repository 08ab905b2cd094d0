package com.counterlink.stripe.sandbox.payment;

/** A SetupIntent: how Checkout in setup mode saves a card for later charges. */
public record SetupIntent(String id, long created, String customerId, String paymentMethodId, String status) {}
