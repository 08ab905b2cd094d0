package com.counterlink.stripe.sandbox.subscription;

import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.api.ErrorType;
import com.counterlink.stripe.sandbox.api.ParamNames;
import com.counterlink.stripe.sandbox.api.Params;
import com.counterlink.stripe.sandbox.customer.Customer;
import com.counterlink.stripe.sandbox.invoice.Charged;
import com.counterlink.stripe.sandbox.invoice.Invoice;
import com.counterlink.stripe.sandbox.invoice.InvoiceJson;
import com.counterlink.stripe.sandbox.invoice.SubscriptionRef;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/invoices/create_preview}: the invoice a subscription would get, optionally after a simulated change
 * ({@code subscription_details[items]}, {@code proration_behavior}, {@code proration_date}). Nothing is saved. The
 * default previews the next renewal: the simulated prorations, the pending items, then the next period at the new
 * quantities. With {@code always_invoice} it previews the invoice the change would make at once.
 */
final class UpcomingInvoice {
    private static final List<String> PRORATION_BEHAVIORS = List.of("create_prorations", "none", "always_invoice");

    private final SubscriptionContext ctx;

    UpcomingInvoice(SubscriptionContext ctx) { this.ctx = ctx; }

    ObjectNode preview(Params p) {
        p.refuseUnimplemented(ParamNames.of("invoice_items", "schedule", "schedule_details", "automatic_tax", "discounts",
                "customer_details", "issuer", "on_behalf_of", "currency", "customer_account"))
                .allow(ParamNames.of("customer", "subscription", "subscription_details", "preview_mode"));
        Optional<String> subscriptionId = p.nonEmptyString("subscription");
        Subscription s = subscriptionId.map(id -> ctx.subscriptions().find(id)
                .orElseThrow(() -> ApiError.noSuchParam("subscription", id, "subscription"))).orElse(null);
        String customerId = p.nonEmptyString("customer").orElse(s == null ? null : s.customerId());
        if (customerId == null) throw ApiError.missing("customer");
        Customer customer = ctx.customers().require(customerId, "customer");
        if (s != null && !s.customerId().equals(customer.id())) {
            throw ApiError.invalid("subscription", "The subscription " + s.id() + " does not belong to customer " + customer.id() + ".");
        }
        boolean recurringOnly = p.oneOf("preview_mode", List.of("next", "recurring")).orElse("next").equals("recurring");
        Params details = p.object("subscription_details").orElse(Params.empty())
                .refuseUnimplemented(ParamNames.of("billing_cycle_anchor", "cancel_at", "cancel_now", "default_tax_rates", "resume_at",
                        "start_date", "trial_end", "billing_mode", "billing_schedules"))
                .allow(ParamNames.of("items", "proration_behavior", "proration_date", "cancel_at_period_end"));
        if (s == null) {
            if (details.has("items")) throw ApiError.notImplemented("subscription_details[items] without a subscription");
            throw none(customer);
        }
        if (s.status().isTerminal()) throw none(customer);
        return InvoiceJson.invoice(forSubscription(s, customer, details, recurringOnly));
    }

    private Invoice forSubscription(Subscription s, Customer customer, Params details, boolean recurringOnly) {
        long now = ctx.now(s);
        List<ItemChange> changes = ItemChanges.parse(details.objects("items"), s, ctx.catalog());
        String behavior = details.oneOf("proration_behavior", PRORATION_BEHAVIORS).orElse("create_prorations");
        Long prorationDate = details.longValue("proration_date").orElse(null);
        long t = prorationDate != null ? prorationDate : now;
        if (prorationDate != null && (t < s.currentPeriodStart() || t > s.currentPeriodEnd())) {
            throw ApiError.invalid("subscription_details[proration_date]", "subscription_details[proration_date] must be within the current "
                    + "billing period (" + s.currentPeriodStart() + " to " + s.currentPeriodEnd() + ").");
        }
        boolean prorate = !behavior.equals("none") && s.status().renews() && !recurringOnly;
        List<Charged> prorations = prorate ? ItemChanges.prorations(s, changes, t, ctx.lines()) : List.of();
        SubscriptionRef ref = new SubscriptionRef(s.id(), s.metadata());
        if (behavior.equals("always_invoice") && !prorations.isEmpty()) {
            return ctx.lifecycle().preview(customer, ref, "subscription_update", now, now, now, prorations, List.of(), true, prorationDate);
        }
        boolean ends = details.bool("cancel_at_period_end").orElse(s.cancelAtPeriodEnd());
        boolean trialing = s.status() == SubscriptionStatus.TRIALING;
        long nextStart = trialing ? s.trialEnd() : s.currentPeriodEnd();
        long nextEnd = trialing ? new Renewals(ctx).recurring(s).periodEnd(nextStart, 1)
                : new Renewals(ctx).recurring(s).periodEndAfter(s.billingCycleAnchor(), nextStart);
        List<Charged> next = new ArrayList<>();
        if (!ends) {
            for (ItemAfter item : itemsAfter(s, changes)) {
                if (item.quantity() > 0 || changes.isEmpty()) next.add(ctx.lines().period(s, item.id(), item.priceId(), item.quantity(), nextStart, nextEnd));
            }
        }
        Invoice inv = ctx.lifecycle().preview(customer, ref, "upcoming", nextStart, s.currentPeriodStart(), nextStart, prorations, next,
                !recurringOnly, prorationDate);
        if (inv.lines().isEmpty()) throw none(customer);
        return inv;
    }

    private record ItemAfter(String id, String priceId, long quantity) {}

    private static List<ItemAfter> itemsAfter(Subscription s, List<ItemChange> changes) {
        List<ItemAfter> out = new ArrayList<>();
        for (SubscriptionItem i : s.items()) {
            ItemChange c = changes.stream().filter(x -> x.existing() == i).findFirst().orElse(null);
            if (c == null) out.add(new ItemAfter(i.id(), i.priceId(), i.quantity()));
            else if (!c.deleted()) out.add(new ItemAfter(i.id(), c.priceId(), c.quantity()));
        }
        for (ItemChange c : changes) if (c.existing() == null) out.add(new ItemAfter(null, c.priceId(), c.quantity()));
        return out;
    }

    private static ApiError none(Customer customer) {
        return new ApiError(404, ErrorType.INVALID_REQUEST_ERROR, "invoice_upcoming_none", null, "No upcoming invoices for customer: " + customer.id());
    }
}
