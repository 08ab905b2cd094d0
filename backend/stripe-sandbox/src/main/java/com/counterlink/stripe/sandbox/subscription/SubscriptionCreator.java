package com.counterlink.stripe.sandbox.subscription;

import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.api.ErrorType;
import com.counterlink.stripe.sandbox.catalog.Price;
import com.counterlink.stripe.sandbox.core.Ids;
import com.counterlink.stripe.sandbox.customer.Customer;
import com.counterlink.stripe.sandbox.invoice.Charged;
import com.counterlink.stripe.sandbox.invoice.Invoice;
import com.counterlink.stripe.sandbox.invoice.InvoiceStatus;
import com.counterlink.stripe.sandbox.invoice.SubscriptionRef;
import com.counterlink.stripe.sandbox.payment.ChargeOutcome;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates a subscription. Its first invoice ({@code subscription_create}) is finalized inside the call; with a trial
 * it is a paid zero invoice, otherwise it is charged at once and {@code payment_behavior} decides what a failure does.
 * Events: invoice.created, customer.subscription.created (as first saved: trialing or incomplete), the invoice's
 * other events, then customer.subscription.updated when the payment makes it active.
 */
final class SubscriptionCreator {
    private final SubscriptionContext ctx;

    SubscriptionCreator(SubscriptionContext ctx) { this.ctx = ctx; }

    Subscription create(CreateRequest req) {
        Customer customer = req.customer();
        long now = ctx.time().now(customer.testClockId());
        String currency = req.items().get(0).price().currency();
        if (customer.currency() != null && !customer.currency().equals(currency)) {
            throw ApiError.invalidRequest("You cannot combine currencies on a single customer. This customer has had a subscription or payment in "
                    + customer.currency() + ", but you are trying to pay in " + currency + ".");
        }
        Price first = req.items().get(0).price();
        boolean trial = req.trialEnd() != null;
        long periodEnd = trial ? req.trialEnd() : first.recurring().periodEnd(now, 1);
        long firstAmount = trial ? 0 : req.items().stream().mapToLong(i -> i.quantity() * i.price().unitAmount()).sum();

        ChargeOutcome preauthorized = null;
        if (req.paymentBehavior().equals("error_if_incomplete") && firstAmount > 0) {
            String pm = req.defaultPaymentMethod() != null ? req.defaultPaymentMethod() : customer.defaultPaymentMethod();
            preauthorized = ctx.payments().charge(customer, pm, firstAmount, currency, "Subscription creation");
            if (!preauthorized.succeeded()) throw refusal(preauthorized);
        }

        customer.currency(currency);
        Subscription s = ctx.subscriptions().create(customer.id(), customer.testClockId(), now, currency, req.billingMode(),
                trial ? SubscriptionStatus.TRIALING : SubscriptionStatus.INCOMPLETE);
        s.billingCycleAnchor(trial ? req.trialEnd() : now);
        if (trial) s.trial(now, req.trialEnd());
        s.missingPaymentMethod(req.missingPaymentMethod());
        s.metadata().putAll(req.metadata());
        s.description(req.description());
        s.defaultPaymentMethod(req.defaultPaymentMethod());
        for (NewItem i : req.items()) {
            SubscriptionItem item = new SubscriptionItem(Ids.next("si_"), s.id(), now, i.price().id(), i.quantity(), now, periodEnd);
            item.metadata().putAll(i.metadata());
            s.items().add(item);
        }
        if (req.cancelAtPeriodEnd()) {
            s.cancelAtPeriodEnd(true);
            s.cancelAt(periodEnd);
            s.canceledAt(now);
        }
        List<Charged> lines = new ArrayList<>();
        for (SubscriptionItem item : s.items()) {
            lines.add(trial ? ctx.lines().trial(s, item.id(), item.priceId(), item.quantity(), now, periodEnd)
                    : ctx.lines().period(s, item.id(), item.priceId(), item.quantity(), now, periodEnd));
        }
        Invoice invoice = ctx.lifecycle().createDraft(customer, new SubscriptionRef(s.id(), s.metadata()), "subscription_create", now, now, now,
                lines, true);
        s.latestInvoice(invoice.id());
        ctx.events().emit("customer.subscription.created", now, ctx.render(s));
        // a paid first invoice makes it active (SubscriptionInvoiceHooks emits customer.subscription.updated)
        ctx.lifecycle().finalizeInvoice(invoice, now);
        if (invoice.status() == InvoiceStatus.OPEN) {
            if (preauthorized != null) ctx.lifecycle().applyOutcome(invoice, now, preauthorized);
            else if (!req.paymentBehavior().equals("default_incomplete")) ctx.lifecycle().attemptPayment(invoice, now, null);
        }
        return s;
    }

    static ApiError refusal(ChargeOutcome outcome) {
        if (outcome.declineCode() == null) return ApiError.invalid(null, outcome.message());
        return new ApiError(402, ErrorType.CARD_ERROR, outcome.code(), null, outcome.message(), outcome.declineCode());
    }
}
