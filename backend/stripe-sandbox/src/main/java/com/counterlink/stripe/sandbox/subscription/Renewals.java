package com.counterlink.stripe.sandbox.subscription;

import com.counterlink.stripe.sandbox.catalog.Price;
import com.counterlink.stripe.sandbox.catalog.Recurring;
import com.counterlink.stripe.sandbox.customer.Customer;
import com.counterlink.stripe.sandbox.invoice.Charged;
import com.counterlink.stripe.sandbox.invoice.Invoice;
import com.counterlink.stripe.sandbox.invoice.InvoiceStatus;
import com.counterlink.stripe.sandbox.invoice.SubscriptionRef;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What happens to a subscription as time passes: the trial_will_end notice, the end of a trial, renewal at period end
 * (a {@code subscription_cycle} draft that finalizes and is charged an hour later), cancellation at period end, and
 * the expiry of an incomplete subscription after 23 hours.
 */
final class Renewals {
    private final SubscriptionContext ctx;

    Renewals(SubscriptionContext ctx) { this.ctx = ctx; }

    /** The next time something is due for {@code s}, or null. */
    Long nextDue(Subscription s) {
        return switch (s.status()) {
            case TRIALING -> s.trialWillEndAt() != null ? s.trialWillEndAt() : s.trialEnd();
            case ACTIVE, PAST_DUE, UNPAID -> s.currentPeriodEnd();
            case INCOMPLETE -> s.created() + Subscription.INCOMPLETE_EXPIRY_SECONDS;
            default -> null;
        };
    }

    /** Runs what is due for {@code s} at {@code t} (its clock reads {@code t}). */
    void run(Subscription s, long t) {
        switch (s.status()) {
            case TRIALING -> {
                if (s.trialWillEndAt() != null && s.trialWillEndAt() <= t) {
                    s.trialWillEndSent(true);
                    ctx.events().emit("customer.subscription.trial_will_end", t, ctx.render(s));
                } else if (s.trialEnd() <= t) {
                    ObjectNode before = ctx.render(s);
                    endTrial(s, s.trialEnd(), "subscription_cycle");
                    if (!s.status().isTerminal()) ctx.updated(s, before, s.trialEnd());
                }
            }
            case ACTIVE, PAST_DUE, UNPAID -> {
                if (s.currentPeriodEnd() <= t) renewOrEnd(s, s.currentPeriodEnd());
            }
            case INCOMPLETE -> {
                long expiry = s.created() + Subscription.INCOMPLETE_EXPIRY_SECONDS;
                if (expiry <= t) expire(s, expiry);
            }
            default -> { }
        }
    }

    /**
     * Ends a trial at {@code at}: with a payment method (or missing_payment_method=create_invoice) the subscription
     * becomes active and its first paid period is invoiced; otherwise it is canceled or paused.
     */
    void endTrial(Subscription s, long at, String billingReason) {
        Customer customer = ctx.customers().find(s.customerId()).orElseThrow();
        boolean hasPaymentMethod = s.defaultPaymentMethod() != null || customer.defaultPaymentMethod() != null;
        if (!hasPaymentMethod && s.missingPaymentMethod().equals("cancel")) {
            new Cancellation(ctx).cancelNow(s, at, "cancellation_requested", false);
            return;
        }
        if (!hasPaymentMethod && s.missingPaymentMethod().equals("pause")) {
            s.status(SubscriptionStatus.PAUSED);
            ctx.events().emit("customer.subscription.paused", at, ctx.render(s));
            return;
        }
        s.status(SubscriptionStatus.ACTIVE);
        s.billingCycleAnchor(at);
        long end = recurring(s).periodEnd(at, 1);
        long previousStart = s.currentPeriodStart();
        for (SubscriptionItem item : s.items()) item.period(at, end);
        invoicePeriod(s, customer, billingReason, at, previousStart, at, billingReason.equals("subscription_cycle"));
        if (billingReason.equals("subscription_update")) finalizeAndCharge(s);
    }

    private void renewOrEnd(Subscription s, long periodEnd) {
        ObjectNode before = ctx.render(s);
        if (s.cancelAtPeriodEnd()) {
            new Cancellation(ctx).cancelNow(s, periodEnd, "cancellation_requested", false);
            return;
        }
        Customer customer = ctx.customers().find(s.customerId()).orElseThrow();
        long previousStart = s.currentPeriodStart();
        long next = recurring(s).periodEndAfter(s.billingCycleAnchor(), periodEnd);
        for (SubscriptionItem item : s.items()) item.period(periodEnd, next);
        // an unpaid subscription keeps being invoiced, but its invoices are not attempted
        boolean collect = s.status() != SubscriptionStatus.UNPAID;
        invoicePeriod(s, customer, "subscription_cycle", periodEnd, previousStart, periodEnd, collect);
        if (!collect) ctx.lifecycle().finalizeInvoice(ctx.invoices().find(s.latestInvoice()).orElseThrow(), periodEnd);
        ctx.updated(s, before, periodEnd);
    }

    /** A draft for the period that starts at {@code at}, sweeping in the pending items (prorations). */
    private void invoicePeriod(Subscription s, Customer customer, String billingReason, long at, long invoicePeriodStart, long invoicePeriodEnd, boolean autoAdvance) {
        List<Charged> lines = new ArrayList<>();
        for (SubscriptionItem item : s.items()) {
            lines.add(ctx.lines().period(s, item.id(), item.priceId(), item.quantity(), item.currentPeriodStart(), item.currentPeriodEnd()));
        }
        Invoice invoice = ctx.lifecycle().createDraft(customer, new SubscriptionRef(s.id(), s.metadata()), billingReason, at,
                invoicePeriodStart, invoicePeriodEnd, lines, autoAdvance);
        s.latestInvoice(invoice.id());
    }

    /** Ending a trial by hand bills at once, as Stripe does for {@code trial_end=now}. */
    private void finalizeAndCharge(Subscription s) {
        Invoice invoice = ctx.invoices().find(s.latestInvoice()).orElseThrow();
        long at = invoice.created();
        ctx.lifecycle().finalizeInvoice(invoice, at);
        if (invoice.status() == InvoiceStatus.OPEN) ctx.lifecycle().attemptPayment(invoice, at, null);
    }

    /** The subscription ends as a canceled one does: canceled_at and ended_at set, customer.subscription.deleted. */
    private void expire(Subscription s, long at) {
        ctx.invoices().find(s.latestInvoice()).filter(i -> i.status() == InvoiceStatus.OPEN).ifPresent(i -> ctx.lifecycle().voidInvoice(i, at));
        s.status(SubscriptionStatus.INCOMPLETE_EXPIRED);
        s.canceledAt(at);
        s.endedAt(at);
        ctx.events().emit("customer.subscription.deleted", at, ctx.render(s));
    }

    Recurring recurring(Subscription s) {
        Price price = ctx.catalog().price(s.items().get(0).priceId()).orElseThrow();
        return price.recurring();
    }
}
