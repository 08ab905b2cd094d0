package com.counterlink.stripe.sandbox.subscription;

import com.counterlink.stripe.sandbox.catalog.Catalog;
import com.counterlink.stripe.sandbox.core.TimeSource;
import com.counterlink.stripe.sandbox.customer.Customers;
import com.counterlink.stripe.sandbox.event.EventLog;
import com.counterlink.stripe.sandbox.invoice.InvoiceLifecycle;
import com.counterlink.stripe.sandbox.invoice.Invoices;
import com.counterlink.stripe.sandbox.payment.Payments;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the subscription feature works with, wired once by the sandbox. */
public record SubscriptionContext(Subscriptions subscriptions, Customers customers, Catalog catalog, Payments payments,
                                  Invoices invoices, InvoiceLifecycle lifecycle, EventLog events, TimeSource time,
                                  DunningOutcome dunning) {

    SubscriptionJson json() { return new SubscriptionJson(catalog); }

    LineFactory lines() { return new LineFactory(catalog); }

    ObjectNode render(Subscription s) { return json().subscription(s); }

    long now(Subscription s) { return time.now(s.testClockId()); }

    /** Emits customer.subscription.updated with what changed since {@code before} (nothing when nothing changed). */
    void updated(Subscription s, ObjectNode before, long at) {
        events.emitUpdated("customer.subscription.updated", at, before, render(s));
    }
}
