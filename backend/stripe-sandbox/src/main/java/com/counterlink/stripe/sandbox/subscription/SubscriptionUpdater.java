package com.counterlink.stripe.sandbox.subscription;

import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.customer.Customer;
import com.counterlink.stripe.sandbox.invoice.Charged;
import com.counterlink.stripe.sandbox.invoice.Invoice;
import com.counterlink.stripe.sandbox.invoice.InvoiceStatus;
import com.counterlink.stripe.sandbox.invoice.SubscriptionRef;
import com.counterlink.stripe.sandbox.payment.ChargeOutcome;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Changes a subscription. A quantity or price change mid-period is prorated to the second (section 5 of the
 * reference): {@code create_prorations} leaves pending invoice items for the next renewal, {@code always_invoice}
 * invoices them at once ({@code subscription_update}) and charges it, {@code none} bills the new quantity from the next
 * period. A trial is free: changes during it make no prorations.
 */
final class SubscriptionUpdater {
    private final SubscriptionContext ctx;

    SubscriptionUpdater(SubscriptionContext ctx) { this.ctx = ctx; }

    void update(Subscription s, UpdateRequest req) {
        long now = ctx.now(s);
        guard(s, req);
        ObjectNode before = ctx.render(s);
        Customer customer = ctx.customers().find(s.customerId()).orElseThrow();

        if (!req.items().isEmpty()) changeItems(s, req, customer, now);
        if (req.metadata() != null) {
            s.metadata().clear();
            s.metadata().putAll(req.metadata());
        }
        if (req.description() != null) s.description(req.description().isEmpty() ? null : req.description());
        if (req.defaultPaymentMethod() != null) s.defaultPaymentMethod(req.defaultPaymentMethod().isEmpty() ? null : req.defaultPaymentMethod());
        s.cancellation(req.cancellationComment(), req.cancellationFeedback(), null);
        if (req.cancelAtPeriodEnd() != null) {
            s.cancelAtPeriodEnd(req.cancelAtPeriodEnd());
            s.cancelAt(req.cancelAtPeriodEnd() ? s.currentPeriodEnd() : null);
            // canceled_at records when the cancellation was asked for
            s.canceledAt(req.cancelAtPeriodEnd() ? now : null);
            s.cancellation(null, null, req.cancelAtPeriodEnd() ? "cancellation_requested" : null);
        }
        if (req.trialEnd() != null) changeTrial(s, req.trialEnd(), now);
        ctx.updated(s, before, now);
    }

    private void guard(Subscription s, UpdateRequest req) {
        boolean onlyMetadata = req.items().isEmpty() && req.trialEnd() == null && req.cancelAtPeriodEnd() == null
                && req.description() == null && req.defaultPaymentMethod() == null;
        if (s.status().isTerminal() && !onlyMetadata) {
            throw ApiError.invalidRequest("A canceled subscription can only update its cancellation_details and metadata.");
        }
        if (s.status() == SubscriptionStatus.INCOMPLETE && !(onlyMetadata && req.cancellationComment() == null)) {
            throw ApiError.invalidRequest("This subscription is incomplete: only its metadata can be updated until its first invoice is paid.");
        }
        if (req.trialEnd() != null && s.status() != SubscriptionStatus.TRIALING) {
            throw ApiError.notImplemented("trial_end (on a subscription that is not trialing)");
        }
    }

    private void changeItems(Subscription s, UpdateRequest req, Customer customer, long now) {
        long t = req.prorationDate() != null ? req.prorationDate() : now;
        if (req.prorationDate() != null && (t < s.currentPeriodStart() || t > s.currentPeriodEnd())) {
            throw ApiError.invalid("proration_date", "proration_date must be within the current billing period ("
                    + s.currentPeriodStart() + " to " + s.currentPeriodEnd() + ").");
        }
        boolean prorate = !req.prorationBehavior().equals("none") && s.status() != SubscriptionStatus.TRIALING && s.status().renews();
        List<Charged> prorations = prorate ? ItemChanges.prorations(s, req.items(), t, ctx.lines()) : List.of();
        long net = prorations.stream().mapToLong(Charged::amount).sum();
        ChargeOutcome preauthorized = null;
        boolean invoiceNow = req.prorationBehavior().equals("always_invoice") && !prorations.isEmpty();
        if (invoiceNow && req.paymentBehavior().equals("error_if_incomplete") && net > 0) {
            String pm = s.defaultPaymentMethod() != null ? s.defaultPaymentMethod() : customer.defaultPaymentMethod();
            preauthorized = ctx.payments().charge(customer, pm, net, s.currency(), "Subscription update");
            if (!preauthorized.succeeded()) throw SubscriptionCreator.refusal(preauthorized);
        }
        ItemChanges.apply(s, req.items(), now);
        for (Charged c : ItemChanges.withItemIds(prorations, s)) ctx.lifecycle().addPendingItem(customer, now, c);
        if (!invoiceNow) return;
        Invoice invoice = ctx.lifecycle().createDraft(customer, new SubscriptionRef(s.id(), s.metadata()), "subscription_update", now, now, now,
                List.of(), true);
        s.latestInvoice(invoice.id());
        ctx.lifecycle().finalizeInvoice(invoice, now);
        if (invoice.status() != InvoiceStatus.OPEN) return;
        if (preauthorized != null) ctx.lifecycle().applyOutcome(invoice, now, preauthorized);
        else if (!req.paymentBehavior().equals("default_incomplete")) ctx.lifecycle().attemptPayment(invoice, now, null);
    }

    /** {@code trial_end=now} ends the trial at once and bills the first period; a timestamp moves the trial's end. */
    private void changeTrial(Subscription s, long trialEnd, long now) {
        if (trialEnd == 0) {
            s.trial(s.trialStart(), now);
            new Renewals(ctx).endTrial(s, now, "subscription_update");
            return;
        }
        if (trialEnd <= now) throw ApiError.invalid("trial_end", "Invalid timestamp: must be an integer Unix timestamp in the future.");
        s.trial(s.trialStart(), trialEnd);
        s.billingCycleAnchor(trialEnd);
        s.trialWillEndSent(false);
        for (SubscriptionItem item : s.items()) item.period(item.currentPeriodStart(), trialEnd);
    }
}
