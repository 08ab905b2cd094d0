package com.counterlink.stripe.sandbox.invoice;

/** What invoices tell the subscription they bill (implemented by the subscription feature, which depends on invoices). */
public interface InvoiceHooks {
    /** The subscription's own {@code default_payment_method}, or null to use the customer's. */
    String paymentMethodFor(Invoice invoice);

    void paid(Invoice invoice, long at);

    /** @param retriesExhausted no automatic attempt is left for this invoice */
    void paymentFailed(Invoice invoice, long at, boolean retriesExhausted);
}
