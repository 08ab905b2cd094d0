package com.counterlink.stripe.sandbox.invoice;

import com.counterlink.stripe.sandbox.api.ApiCall;
import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.api.ApiRouter;
import com.counterlink.stripe.sandbox.api.CreatedFilter;
import com.counterlink.stripe.sandbox.api.ErrorType;
import com.counterlink.stripe.sandbox.api.ListPage;
import com.counterlink.stripe.sandbox.api.ParamNames;
import com.counterlink.stripe.sandbox.api.Params;
import com.counterlink.stripe.sandbox.api.Renderers;
import com.counterlink.stripe.sandbox.core.TimeSource;
import com.counterlink.stripe.sandbox.customer.Customer;
import com.counterlink.stripe.sandbox.customer.Customers;
import com.counterlink.stripe.sandbox.payment.ChargeOutcome;
import com.counterlink.stripe.sandbox.payment.Payments;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/** {@code /v1/invoices} (reading and the finalize/pay/void/mark_uncollectible actions) and {@code /v1/invoiceitems}. */
public final class InvoiceEndpoints {
    private static final List<String> STATUSES = List.of("draft", "open", "paid", "uncollectible", "void");

    private final Invoices invoices;
    private final InvoiceLifecycle lifecycle;
    private final Customers customers;
    private final Payments payments;
    private final TimeSource time;

    public InvoiceEndpoints(Invoices invoices, InvoiceLifecycle lifecycle, Customers customers, Payments payments, TimeSource time) {
        this.invoices = invoices;
        this.lifecycle = lifecycle;
        this.customers = customers;
        this.payments = payments;
        this.time = time;
    }

    public void register(ApiRouter router, Renderers renderers) {
        router.get("/v1/invoices", this::list);
        router.get("/v1/invoices/{id}", c -> InvoiceJson.invoice(invoice(c)));
        router.get("/v1/invoices/{id}/lines", c -> {
            Invoice inv = invoice(c);
            return ListPage.of(inv.lines(), InvoiceLine::id, InvoiceJson::line, c.params().allow(ListPage.PARAMS),
                    "/v1/invoices/" + inv.id() + "/lines", "line item");
        });
        router.post("/v1/invoices/{id}/finalize", this::finalizeInvoice);
        router.post("/v1/invoices/{id}/pay", this::pay);
        router.post("/v1/invoices/{id}/void", c -> {
            c.params().allow(ParamNames.of());
            Invoice inv = invoice(c);
            if (inv.status() != InvoiceStatus.OPEN && inv.status() != InvoiceStatus.UNCOLLECTIBLE) {
                throw ApiError.invalidRequest("You can only void an open or uncollectible invoice; this one is " + inv.status().wire() + ".");
            }
            lifecycle.voidInvoice(inv, time.now(inv.testClockId()));
            return InvoiceJson.invoice(inv);
        });
        router.post("/v1/invoices/{id}/mark_uncollectible", c -> {
            c.params().allow(ParamNames.of());
            Invoice inv = invoice(c);
            if (inv.status() != InvoiceStatus.OPEN) {
                throw ApiError.invalidRequest("You can only mark an open invoice as uncollectible; this one is " + inv.status().wire() + ".");
            }
            lifecycle.markUncollectible(inv, time.now(inv.testClockId()));
            return InvoiceJson.invoice(inv);
        });
        router.get("/v1/invoiceitems", this::listItems);
        router.get("/v1/invoiceitems/{id}", c -> InvoiceJson.item(invoices.item(c.path("id"))
                .orElseThrow(() -> ApiError.noSuchInPath("invoiceitem", c.path("id")))));
        renderers.register("in_", id -> invoices.find(id).map(InvoiceJson::invoice));
        renderers.register("ii_", id -> invoices.item(id).map(InvoiceJson::item));
    }

    private ObjectNode list(ApiCall c) {
        Params p = c.params().allow(ParamNames.union(ListPage.PARAMS, ParamNames.of("customer", "subscription", "status",
                "collection_method", "created")));
        Optional<String> customer = p.nonEmptyString("customer");
        Optional<String> subscription = p.nonEmptyString("subscription");
        Optional<String> status = p.oneOf("status", STATUSES);
        p.oneOf("collection_method", List.of("charge_automatically", "send_invoice"));
        boolean sendInvoice = p.string("collection_method").filter("send_invoice"::equals).isPresent();
        LongPredicate created = CreatedFilter.from(p, "created");
        List<Invoice> matching = invoices.newestFirst().stream()
                .filter(i -> !sendInvoice)
                .filter(i -> customer.map(id -> id.equals(i.customerId())).orElse(true))
                .filter(i -> subscription.map(id -> id.equals(i.subscriptionId())).orElse(true))
                .filter(i -> status.map(s -> s.equals(i.status().wire())).orElse(true))
                .filter(i -> created.test(i.created())).toList();
        return ListPage.of(matching, Invoice::id, InvoiceJson::invoice, p, "/v1/invoices", "invoice");
    }

    private ObjectNode finalizeInvoice(ApiCall c) {
        Params p = c.params().allow(ParamNames.of("auto_advance"));
        Invoice inv = invoice(c);
        if (inv.status() != InvoiceStatus.DRAFT) {
            throw ApiError.invalidRequest("This invoice is already finalized, you can't re-finalize a non-draft invoice.");
        }
        p.bool("auto_advance").ifPresent(inv::autoAdvance);
        long now = time.now(inv.testClockId());
        lifecycle.finalizeInvoice(inv, now);
        // finalized by hand with auto_advance: Stripe collects it shortly after, on its own
        if (inv.status() == InvoiceStatus.OPEN && inv.autoAdvance()) lifecycle.scheduleAttempt(inv, now);
        return InvoiceJson.invoice(inv);
    }

    private ObjectNode pay(ApiCall c) {
        Params p = c.params().refuseUnimplemented(ParamNames.of("source", "mandate", "forgive"))
                .allow(ParamNames.of("payment_method", "paid_out_of_band", "off_session"));
        Invoice inv = invoice(c);
        long now = time.now(inv.testClockId());
        if (inv.status() == InvoiceStatus.PAID) throw ApiError.invalidRequest("Invoice is already paid");
        if (inv.status() == InvoiceStatus.VOID) throw ApiError.invalidRequest("This invoice has been voided and can no longer be paid.");
        if (inv.status() == InvoiceStatus.DRAFT) lifecycle.finalizeInvoice(inv, now);
        if (inv.status() == InvoiceStatus.PAID) return InvoiceJson.invoice(inv);
        if (p.bool("paid_out_of_band").orElse(false)) {
            lifecycle.markPaidOutOfBand(inv, now);
            return InvoiceJson.invoice(inv);
        }
        String pm = p.nonEmptyString("payment_method").orElse(null);
        if (pm != null) {
            Customer customer = customers.require(inv.customerId(), "customer");
            pm = payments.attach(pm, customer, "payment_method");
        }
        ChargeOutcome outcome = lifecycle.attemptPayment(inv, now, pm);
        if (!outcome.succeeded()) {
            if (outcome.declineCode() == null) throw ApiError.invalid(null, outcome.message());
            throw new ApiError(402, ErrorType.CARD_ERROR, outcome.code(), null, outcome.message(), outcome.declineCode());
        }
        return InvoiceJson.invoice(inv);
    }

    private ObjectNode listItems(ApiCall c) {
        Params p = c.params().allow(ParamNames.union(ListPage.PARAMS, ParamNames.of("customer", "pending", "invoice", "created")));
        Optional<String> customer = p.nonEmptyString("customer");
        Optional<Boolean> pending = p.bool("pending");
        Optional<String> invoice = p.nonEmptyString("invoice");
        LongPredicate created = CreatedFilter.from(p, "created");
        List<InvoiceItem> matching = invoices.itemsNewestFirst().stream()
                .filter(i -> customer.map(id -> id.equals(i.customerId())).orElse(true))
                .filter(i -> pending.map(want -> want == (i.invoiceId() == null)).orElse(true))
                .filter(i -> invoice.map(id -> id.equals(i.invoiceId())).orElse(true))
                .filter(i -> created.test(i.date())).toList();
        return ListPage.of(matching, InvoiceItem::id, InvoiceJson::item, p, "/v1/invoiceitems", "invoiceitem");
    }

    private Invoice invoice(ApiCall c) {
        return invoices.find(c.path("id")).orElseThrow(() -> ApiError.noSuchInPath("invoice", c.path("id")));
    }
}
