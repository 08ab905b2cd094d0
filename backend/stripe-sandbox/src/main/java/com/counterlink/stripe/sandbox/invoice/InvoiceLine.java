package com.counterlink.stripe.sandbox.invoice;

/** A line of an invoice ({@code object: line_item}). */
public record InvoiceLine(String id, String invoiceId, LineSource source, Charged charged, String invoiceItemId) {}
