package com.counterlink.stripe.sandbox.portal;

import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.api.FormParser;
import com.counterlink.stripe.sandbox.api.Params;
import com.counterlink.stripe.sandbox.core.Money;
import com.counterlink.stripe.sandbox.core.TimeSource;
import com.counterlink.stripe.sandbox.customer.Customer;
import com.counterlink.stripe.sandbox.customer.CustomerJson;
import com.counterlink.stripe.sandbox.customer.Customers;
import com.counterlink.stripe.sandbox.event.EventLog;
import com.counterlink.stripe.sandbox.http.Html;
import com.counterlink.stripe.sandbox.http.Request;
import com.counterlink.stripe.sandbox.http.Response;
import com.counterlink.stripe.sandbox.invoice.Invoice;
import com.counterlink.stripe.sandbox.invoice.Invoices;
import com.counterlink.stripe.sandbox.payment.PaymentMethod;
import com.counterlink.stripe.sandbox.payment.Payments;
import com.counterlink.stripe.sandbox.payment.SetupIntent;
import com.counterlink.stripe.sandbox.subscription.Subscription;
import com.counterlink.stripe.sandbox.subscription.SubscriptionFeature;
import com.counterlink.stripe.sandbox.subscription.Subscriptions;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Optional;

/**
 * The portal page ({@code /p/session/{session}}): the customer's subscriptions, invoices and card. Updating the card
 * attaches it and makes it the customer's {@code invoice_settings.default_payment_method}; cancelling cancels at
 * the end of the period (the portal's default).
 */
public final class PortalPage {
    private final Portal portal;
    private final Customers customers;
    private final Payments payments;
    private final Subscriptions subscriptions;
    private final SubscriptionFeature subscriptionFeature;
    private final Invoices invoices;
    private final EventLog events;
    private final TimeSource time;

    public PortalPage(Portal portal, Customers customers, Payments payments, Subscriptions subscriptions, SubscriptionFeature subscriptionFeature,
                      Invoices invoices, EventLog events, TimeSource time) {
        this.portal = portal;
        this.customers = customers;
        this.payments = payments;
        this.subscriptions = subscriptions;
        this.subscriptionFeature = subscriptionFeature;
        this.invoices = invoices;
        this.events = events;
        this.time = time;
    }

    public Response handle(Request req, String id) {
        Optional<PortalSession> found = portal.find(id);
        if (found.isEmpty()) return Response.html(404, Html.page("Not found", "<h1>This portal link is invalid</h1>"));
        PortalSession session = found.get();
        Customer customer = customers.find(session.customerId()).orElseThrow();
        if (!req.method().equals("POST")) return Response.html(200, page(session, customer, null));
        Params form = Params.of(FormParser.parse(req.bodyText()));
        try {
            if (form.has("card")) updateCard(customer, form.string("card").orElseThrow());
            form.nonEmptyString("cancel").flatMap(subscriptions::find).filter(s -> s.customerId().equals(customer.id()))
                    .ifPresent(subscriptionFeature::cancelAtPeriodEnd);
        } catch (ApiError e) {
            return Response.html(402, page(session, customer, e.getMessage()));
        }
        return Response.seeOther(portal.url(session));
    }

    private void updateCard(Customer customer, String token) {
        SetupIntent intent = payments.saveCardFromPage(token, customer);
        ObjectNode before = CustomerJson.render(customer);
        customer.defaultPaymentMethod(intent.paymentMethodId());
        events.emitUpdated("customer.updated", time.now(customer.testClockId()), before, CustomerJson.render(customer));
    }

    private String page(PortalSession session, Customer customer, String error) {
        String self = "/p/session/" + session.id();
        StringBuilder b = new StringBuilder("<h1>Billing</h1><p>").append(Html.escape(customer.email() == null ? customer.id() : customer.email())).append("</p>");
        if (error != null) b.append("<p class=\"error\" id=\"error\">").append(Html.escape(error)).append("</p>");
        b.append("<h2>Subscriptions</h2><table><tr><th>Subscription</th><th>Status</th><th>Quantity</th><th>Renews</th><th></th></tr>");
        for (Subscription s : subscriptions.newestFirst()) {
            if (!s.customerId().equals(customer.id())) continue;
            long quantity = s.items().stream().mapToLong(com.counterlink.stripe.sandbox.subscription.SubscriptionItem::quantity).sum();
            b.append("<tr><td>").append(s.id()).append("</td><td class=\"status\">").append(s.status().wire()).append(s.cancelAtPeriodEnd() ? " (cancels at period end)" : "")
                    .append("</td><td>").append(quantity).append("</td><td>").append(Instant.ofEpochSecond(s.currentPeriodEnd())).append("</td><td>");
            if (!s.status().isTerminal() && !s.cancelAtPeriodEnd()) b.append(Html.button(self, "Cancel plan", "cancel-" + s.id(), "cancel", s.id()));
            b.append("</td></tr>");
        }
        b.append("</table><h2>Payment method</h2>");
        Optional<PaymentMethod> card = Optional.ofNullable(customer.defaultPaymentMethod()).flatMap(payments::method);
        b.append("<p id=\"card\">").append(card.map(c -> c.card().brand() + " •••• " + c.card().last4()).orElse("No default card")).append("</p>");
        b.append(Html.button(self, "Use Visa 4242", "card-visa", "card", "pm_card_visa"));
        b.append(Html.button(self, "Use card 0002 (declined)", "card-declined", "card", "pm_card_chargeDeclined"));
        b.append(Html.button(self, "Use card 0341 (saves, later charges fail)", "card-failing", "card", "pm_card_chargeCustomerFail"));
        b.append("<h2>Invoices</h2><table>");
        for (Invoice inv : invoices.newestFirst()) {
            if (!inv.customerId().equals(customer.id()) || inv.hostedInvoiceUrl() == null) continue;
            b.append("<tr><td><a href=\"").append(Html.escape(inv.hostedInvoiceUrl())).append("\">").append(Html.escape(inv.number()))
                    .append("</a></td><td>").append(inv.status().wire()).append("</td><td>").append(Html.escape(Money.format(inv.total(), inv.currency())))
                    .append("</td></tr>");
        }
        b.append("</table>");
        if (session.returnUrl() != null) b.append("<p><a id=\"return\" href=\"").append(Html.escape(session.returnUrl())).append("\">Return</a></p>");
        return Html.page("Billing portal", b.toString());
    }
}
