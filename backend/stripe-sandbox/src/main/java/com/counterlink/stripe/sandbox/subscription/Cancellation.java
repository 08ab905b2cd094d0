package com.counterlink.stripe.sandbox.subscription;

import com.counterlink.stripe.sandbox.customer.Customer;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Ends a subscription for good and emits customer.subscription.deleted. */
final class Cancellation {
    private final SubscriptionContext ctx;

    Cancellation(SubscriptionContext ctx) { this.ctx = ctx; }

    /**
     * @param reason {@code cancellation_details.reason}: cancellation_requested, payment_failed or payment_disputed
     * @param prorate credit the unused rest of the period as a pending invoice item
     */
    ObjectNode cancelNow(Subscription s, long at, String reason, boolean prorate) {
        if (prorate && s.status().renews() && at < s.currentPeriodEnd()) {
            Customer customer = ctx.customers().find(s.customerId()).orElseThrow();
            for (SubscriptionItem item : s.items()) {
                if (item.quantity() == 0) continue;
                ctx.lifecycle().addPendingItem(customer, at, ctx.lines().unused(s, item.id(), item.priceId(), item.quantity(), at,
                        s.currentPeriodStart(), s.currentPeriodEnd()));
            }
        }
        s.status(SubscriptionStatus.CANCELED);
        if (s.canceledAt() == null) s.canceledAt(at);
        s.endedAt(at);
        s.cancellation(null, null, reason);
        ObjectNode json = ctx.render(s);
        ctx.events().emit("customer.subscription.deleted", at, json);
        return json;
    }
}
