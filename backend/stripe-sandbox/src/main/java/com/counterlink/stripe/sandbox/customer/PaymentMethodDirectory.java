package com.counterlink.stripe.sandbox.customer;

/** What customers need from payment methods, implemented by the payment feature (which depends on customers). */
public interface PaymentMethodDirectory {
    /** Whether {@code paymentMethodId} is attached to the customer; throws resource_missing when no such payment method. */
    boolean isAttachedTo(String paymentMethodId, String customerId, String param);

    /** Attaches a payment method (or a test token such as {@code pm_card_visa}) and returns its id. */
    String attach(String paymentMethodId, Customer customer, String param);
}
