package com.counterlink.stripe.sandbox.subscription;

import com.counterlink.stripe.sandbox.invoice.Invoice;
import com.counterlink.stripe.sandbox.invoice.InvoiceHooks;
import com.counterlink.stripe.sandbox.invoice.InvoiceStatus;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How payments move a subscription: a paid invoice makes it active again; a failed renewal makes it past_due; when
 * every retry has failed, the {@link DunningOutcome} applies. A failed first invoice leaves it incomplete.
 */
final class SubscriptionInvoiceHooks implements InvoiceHooks {
    private final SubscriptionContext ctx;
    private final Cancellation cancellation;

    SubscriptionInvoiceHooks(SubscriptionContext ctx) {
        this.ctx = ctx;
        this.cancellation = new Cancellation(ctx);
    }

    @Override
    public String paymentMethodFor(Invoice invoice) {
        return ctx.subscriptions().find(invoice.subscriptionId()).map(Subscription::defaultPaymentMethod).orElse(null);
    }

    @Override
    public void paid(Invoice invoice, long at) {
        Subscription s = ctx.subscriptions().find(invoice.subscriptionId()).orElse(null);
        if (s == null || s.status().isTerminal() || s.status() == SubscriptionStatus.TRIALING || s.status() == SubscriptionStatus.ACTIVE) return;
        boolean othersUnpaid = ctx.invoices().newestFirst().stream().anyMatch(i -> s.id().equals(i.subscriptionId()) && i != invoice
                && i.status() == InvoiceStatus.OPEN && i.attemptCount() > 0);
        if (othersUnpaid) return;
        ObjectNode before = ctx.render(s);
        s.status(SubscriptionStatus.ACTIVE);
        ctx.updated(s, before, at);
    }

    @Override
    public void paymentFailed(Invoice invoice, long at, boolean retriesExhausted) {
        Subscription s = ctx.subscriptions().find(invoice.subscriptionId()).orElse(null);
        if (s == null || s.status().isTerminal() || invoice.billingReason().equals("subscription_create")) return;
        ObjectNode before = ctx.render(s);
        if (s.status() == SubscriptionStatus.ACTIVE || s.status() == SubscriptionStatus.TRIALING) s.status(SubscriptionStatus.PAST_DUE);
        if (retriesExhausted && s.status() == SubscriptionStatus.PAST_DUE) {
            if (ctx.dunning() == DunningOutcome.CANCEL) {
                cancellation.cancelNow(s, at, "payment_failed", false);
                return;
            }
            s.status(SubscriptionStatus.UNPAID);
        }
        ctx.updated(s, before, at);
    }
}
