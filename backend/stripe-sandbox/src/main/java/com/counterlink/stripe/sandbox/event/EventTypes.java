package com.counterlink.stripe.sandbox.event;

import java.util.Set;

/** Event types a webhook endpoint may ask for: the billing-related part of Stripe's list (the sandbox emits the starred ones). */
final class EventTypes {
    static final Set<String> KNOWN = Set.of(
            "customer.created", "customer.updated", "customer.deleted",
            "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted",
            "customer.subscription.trial_will_end", "customer.subscription.paused", "customer.subscription.resumed",
            "customer.subscription.pending_update_applied", "customer.subscription.pending_update_expired",
            "invoice.created", "invoice.finalized", "invoice.paid", "invoice.payment_succeeded", "invoice.payment_failed",
            "invoice.payment_action_required", "invoice.upcoming", "invoice.updated", "invoice.voided",
            "invoice.marked_uncollectible", "invoice.finalization_failed", "invoice.overdue", "invoice.sent", "invoice.deleted",
            "invoiceitem.created", "invoiceitem.deleted",
            "checkout.session.completed", "checkout.session.expired", "checkout.session.async_payment_succeeded",
            "checkout.session.async_payment_failed",
            "payment_method.attached", "payment_method.detached", "payment_method.updated",
            "setup_intent.created", "setup_intent.succeeded", "setup_intent.setup_failed",
            "product.created", "product.updated", "product.deleted", "price.created", "price.updated", "price.deleted",
            "billing_portal.session.created",
            "test_helpers.test_clock.created", "test_helpers.test_clock.advancing", "test_helpers.test_clock.ready",
            "test_helpers.test_clock.deleted", "test_helpers.test_clock.internal_failure");

    private EventTypes() {}
}
