package com.counterlink.stripe.sandbox.checkout;

import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.api.FormParser;
import com.counterlink.stripe.sandbox.api.Params;
import com.counterlink.stripe.sandbox.customer.Customer;
import com.counterlink.stripe.sandbox.customer.Customers;
import com.counterlink.stripe.sandbox.event.EventLog;
import com.counterlink.stripe.sandbox.http.Html;
import com.counterlink.stripe.sandbox.http.Request;
import com.counterlink.stripe.sandbox.http.Response;
import com.counterlink.stripe.sandbox.payment.Payments;
import com.counterlink.stripe.sandbox.payment.SetupIntent;

import java.util.Optional;

/**
 * The hosted Checkout page ({@code url} of a session, {@code /c/pay/{session}}): the customer "enters a card" by
 * choosing a test card. A card that saves completes the session (card attached to the customer, SetupIntent
 * succeeded, checkout.session.completed) and redirects to success_url; a declined card shows the decline and the
 * session stays open, as on Stripe.
 */
public final class CheckoutPage {
    static final String SESSION_ID_TEMPLATE = "{CHECKOUT_SESSION_ID}";

    private final CheckoutSessions sessions;
    private final Customers customers;
    private final Payments payments;
    private final EventLog events;

    public CheckoutPage(CheckoutSessions sessions, Customers customers, Payments payments, EventLog events) {
        this.sessions = sessions;
        this.customers = customers;
        this.payments = payments;
        this.events = events;
    }

    /** @param id the session id from the path */
    public Response handle(Request req, String id) {
        Optional<CheckoutSession> found = sessions.find(id);
        if (found.isEmpty()) return Response.html(404, Html.page("Not found", "<h1>Something went wrong</h1><p>This page does not exist.</p>"));
        CheckoutSession s = found.get();
        if (s.status() == CheckoutSession.Status.EXPIRED) {
            return Response.html(410, Html.page("Expired", "<h1 id=\"expired\">This Checkout Session has expired</h1>"));
        }
        if (s.status() == CheckoutSession.Status.COMPLETE) {
            return Response.html(200, Html.page("Complete", "<h1 id=\"complete\">Your card has been saved</h1><p><a href=\""
                    + Html.escape(successUrl(s)) + "\">Continue</a></p>"));
        }
        if (req.method().equals("POST")) return submit(s, req);
        return Response.html(200, page(s));
    }

    private Response submit(CheckoutSession s, Request req) {
        Params form = Params.of(FormParser.parse(req.bodyText()));
        String card = form.string("card").orElse("pm_card_visa");
        Customer customer = customers.find(s.customerId()).orElseThrow();
        try {
            SetupIntent intent = payments.saveCardFromPage(card, customer);
            s.complete(intent.id());
            s.error(null);
            events.emit("checkout.session.completed", sessions.now(s), sessions.render(s));
        } catch (ApiError e) {
            s.error(e.getMessage());
            return Response.html(402, page(s));
        }
        return Response.seeOther(successUrl(s));
    }

    private static String successUrl(CheckoutSession s) { return s.successUrl().replace(SESSION_ID_TEMPLATE, s.id()); }

    private static String page(CheckoutSession s) {
        String self = "/c/pay/" + s.id();
        StringBuilder b = new StringBuilder("<h1>Save a card</h1><p>Set up future payments in ")
                .append(Html.escape(s.currency().toUpperCase(java.util.Locale.ROOT))).append(".</p>");
        if (s.error() != null) b.append("<p class=\"error\" id=\"error\">").append(Html.escape(s.error())).append("</p>");
        b.append("<p>").append(Html.button(self, "Save Visa 4242 4242 4242 4242", "save", "card", "pm_card_visa")).append("</p>");
        b.append("<p>").append(Html.button(self, "Save card 4000 0000 0000 0002 (declined)", "decline", "card", "pm_card_chargeDeclined")).append("</p>");
        b.append("<p>").append(Html.button(self, "Save card 4000 0000 0000 0341 (saves, later charges fail)", "save-failing", "card",
                "pm_card_chargeCustomerFail")).append("</p>");
        if (s.cancelUrl() != null) b.append("<p><a id=\"cancel\" href=\"").append(Html.escape(s.cancelUrl())).append("\">Back</a></p>");
        return Html.page("Checkout", b.toString());
    }
}
