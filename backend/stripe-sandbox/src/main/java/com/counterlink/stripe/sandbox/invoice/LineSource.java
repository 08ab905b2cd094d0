package com.counterlink.stripe.sandbox.invoice;

/** Where an invoice line comes from: {@code parent.type} of a line item. */
public enum LineSource {
    /** The subscription's own charge for a period (or a proration shown in a preview). */
    SUBSCRIPTION_ITEM("subscription_item_details"),
    /** A pending invoice item swept into the invoice, prorations from create_prorations among them. */
    INVOICE_ITEM("invoice_item_details");

    private final String wire;

    LineSource(String wire) { this.wire = wire; }

    public String wire() { return wire; }
}
