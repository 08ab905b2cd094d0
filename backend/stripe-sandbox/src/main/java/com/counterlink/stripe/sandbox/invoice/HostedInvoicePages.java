package com.counterlink.stripe.sandbox.invoice;

import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.api.FormParser;
import com.counterlink.stripe.sandbox.api.Params;
import com.counterlink.stripe.sandbox.core.Money;
import com.counterlink.stripe.sandbox.core.TimeSource;
import com.counterlink.stripe.sandbox.customer.Customer;
import com.counterlink.stripe.sandbox.customer.Customers;
import com.counterlink.stripe.sandbox.http.Html;
import com.counterlink.stripe.sandbox.http.Request;
import com.counterlink.stripe.sandbox.http.Response;
import com.counterlink.stripe.sandbox.payment.ChargeOutcome;
import com.counterlink.stripe.sandbox.payment.Payments;

import java.util.Optional;

/**
 * The hosted invoice page ({@code hosted_invoice_url}, {@code /i/{invoice}}) and its PDF ({@code /i/{invoice}/pdf}).
 * An open invoice can be paid there with a test card that succeeds or one that is declined.
 */
public final class HostedInvoicePages {
    private final Invoices invoices;
    private final InvoiceLifecycle lifecycle;
    private final Customers customers;
    private final Payments payments;
    private final TimeSource time;

    public HostedInvoicePages(Invoices invoices, InvoiceLifecycle lifecycle, Customers customers, Payments payments, TimeSource time) {
        this.invoices = invoices;
        this.lifecycle = lifecycle;
        this.customers = customers;
        this.payments = payments;
        this.time = time;
    }

    /** @param rest the path after {@code /i/} */
    public Response handle(Request req, String rest) {
        boolean pdf = rest.endsWith("/pdf");
        String id = pdf ? rest.substring(0, rest.length() - "/pdf".length()) : rest;
        Optional<Invoice> found = invoices.find(id).filter(i -> i.hostedInvoiceUrl() != null);
        if (found.isEmpty()) return Response.html(404, Html.page("Invoice not found", "<h1>Invoice not found</h1>"));
        Invoice inv = found.get();
        if (pdf) {
            return new Response(200, "application/pdf", InvoicePdf.render(inv))
                    .header("Content-Disposition", "inline; filename=\"Invoice-" + inv.number() + ".pdf\"");
        }
        if (req.method().equals("POST")) return pay(inv, req);
        return Response.html(200, page(inv, null));
    }

    private Response pay(Invoice inv, Request req) {
        if (inv.status() != InvoiceStatus.OPEN && inv.status() != InvoiceStatus.UNCOLLECTIBLE) {
            return Response.html(409, page(inv, "This invoice is " + inv.status().wire() + " and cannot be paid."));
        }
        Params form = Params.of(FormParser.parse(req.bodyText()));
        String card = form.string("card").orElse("pm_card_visa");
        Customer customer = customers.find(inv.customerId()).orElseThrow();
        try {
            String pm = payments.oneTimeCard(card, customer);
            ChargeOutcome outcome = lifecycle.attemptPayment(inv, time.now(inv.testClockId()), pm);
            if (!outcome.succeeded()) return Response.html(402, page(inv, outcome.message()));
        } catch (ApiError e) {
            return Response.html(e.status(), page(inv, e.getMessage()));
        }
        return Response.seeOther(inv.hostedInvoiceUrl());
    }

    private static String page(Invoice inv, String error) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Invoice ").append(Html.escape(inv.number())).append("</h1>");
        b.append("<p>Status: <strong id=\"status\">").append(inv.status().wire()).append("</strong></p>");
        if (error != null) b.append("<p class=\"error\" id=\"error\">").append(Html.escape(error)).append("</p>");
        b.append("<table><tr><th>Description</th><th>Qty</th><th>Amount</th></tr>");
        for (InvoiceLine line : inv.lines()) {
            b.append("<tr><td>").append(Html.escape(line.charged().description())).append("</td><td>").append(line.charged().quantity())
                    .append("</td><td>").append(Html.escape(Money.format(line.charged().amount(), inv.currency()))).append("</td></tr>");
        }
        b.append("</table>");
        b.append("<p>Total: ").append(Html.escape(Money.format(inv.total(), inv.currency()))).append("<br>Amount due: <strong id=\"amount-due\">")
                .append(Html.escape(Money.format(inv.amountDue(), inv.currency()))).append("</strong><br>Amount remaining: ")
                .append(Html.escape(Money.format(inv.amountRemaining(), inv.currency()))).append("</p>");
        if (inv.status() == InvoiceStatus.OPEN || inv.status() == InvoiceStatus.UNCOLLECTIBLE) {
            String self = "/i/" + inv.id();
            b.append(Html.button(self, "Pay with Visa 4242 (succeeds)", "pay", "card", "pm_card_visa"));
            b.append(Html.button(self, "Pay with card 0002 (declined)", "pay", "card", "pm_card_chargeDeclined"));
        }
        b.append("<p><a href=\"/i/").append(inv.id()).append("/pdf\">Download PDF</a></p>");
        return Html.page("Invoice " + inv.number(), b.toString());
    }
}
