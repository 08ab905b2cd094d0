package com.counterlink.stripe.sandbox.subscription;

import com.counterlink.stripe.sandbox.api.ApiRouter;
import com.counterlink.stripe.sandbox.api.Renderers;
import com.counterlink.stripe.sandbox.customer.Customer;
import com.counterlink.stripe.sandbox.invoice.InvoiceHooks;

/** The subscription feature's entry points for the sandbox's wiring. */
public final class SubscriptionFeature {
    private final SubscriptionContext ctx;
    private final RenewalEngine engine;

    public SubscriptionFeature(SubscriptionContext ctx) {
        this.ctx = ctx;
        this.engine = new RenewalEngine(ctx);
    }

    public void register(ApiRouter router, Renderers renderers) { new SubscriptionEndpoints(ctx).register(router, renderers); }

    public InvoiceHooks invoiceHooks() { return new SubscriptionInvoiceHooks(ctx); }

    public RenewalEngine engine() { return engine; }

    public SubscriptionJson json() { return ctx.json(); }

    /** Deleting a customer cancels its subscriptions at once, as Stripe does. */
    public void customerDeleted(Customer customer) {
        Cancellation cancellation = new Cancellation(ctx);
        for (Subscription s : ctx.subscriptions().ofCustomer(customer.id())) {
            if (!s.status().isTerminal()) cancellation.cancelNow(s, ctx.now(s), "cancellation_requested", false);
        }
    }

    /** Cancels at period end ({@code cancel_at_period_end}), as the Customer Portal does by default. */
    public void cancelAtPeriodEnd(Subscription s) {
        new SubscriptionUpdater(ctx).update(s, new UpdateRequest(java.util.List.of(), "create_prorations", null, "allow_incomplete", null,
                true, null, null, null, null, null));
    }
}
