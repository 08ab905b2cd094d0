package com.counterlink.stripe.sandbox.invoice;

import com.counterlink.stripe.sandbox.core.Ids;
import com.counterlink.stripe.sandbox.customer.Customer;
import com.counterlink.stripe.sandbox.customer.Customers;
import com.counterlink.stripe.sandbox.event.EventLog;
import com.counterlink.stripe.sandbox.payment.ChargeOutcome;
import com.counterlink.stripe.sandbox.payment.Payments;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Creates, finalizes and collects invoices, and emits their events. Renewal drafts finalize an hour after they are
 * created ({@code automatically_finalizes_at}) and are then charged; failed automatic payments are retried on the
 * {@link RetrySchedule}. Called under the state lock.
 */
public final class InvoiceLifecycle {
    /** Stripe attempts a renewal invoice about an hour after {@code invoice.created}. */
    public static final long DRAFT_GRACE_SECONDS = 3600;

    private final Invoices invoices;
    private final Customers customers;
    private final Payments payments;
    private final EventLog events;
    private final RetrySchedule retries;
    private final Supplier<String> baseUrl;
    private InvoiceHooks hooks;

    public InvoiceLifecycle(Invoices invoices, Customers customers, Payments payments, EventLog events, RetrySchedule retries,
                            Supplier<String> baseUrl) {
        this.invoices = invoices;
        this.customers = customers;
        this.payments = payments;
        this.events = events;
        this.retries = retries;
        this.baseUrl = baseUrl;
    }

    public void hooks(InvoiceHooks hooks) { this.hooks = hooks; }

    /** Leaves a pending invoice item for the customer's next invoice. */
    public InvoiceItem addPendingItem(Customer customer, long at, Charged charged) {
        InvoiceItem item = invoices.addItem(customer.id(), customer.testClockId(), at, charged);
        events.emit("invoiceitem.created", at, InvoiceJson.item(item));
        return item;
    }

    /**
     * A new draft invoice: the customer's pending items for this subscription (newest first), then the subscription's
     * own lines.
     *
     * @param autoAdvance a renewal draft finalizes by itself after {@link #DRAFT_GRACE_SECONDS}
     */
    public Invoice createDraft(Customer customer, SubscriptionRef subscription, String billingReason, long at, long periodStart,
                               long periodEnd, List<Charged> subscriptionLines, boolean autoAdvance) {
        Invoice inv = invoices.add(new Invoice(Ids.next("in_"), customer.id(), customer.testClockId(), subscription.id(),
                subscription.metadata(), billingReason, at, customer.currency(), periodStart, periodEnd));
        for (InvoiceItem item : invoices.pendingFor(customer.id(), subscription.id())) {
            item.invoiceId(inv.id());
            inv.lines().add(new InvoiceLine(Ids.next("il_"), inv.id(), LineSource.INVOICE_ITEM, item.charged(), item.id()));
        }
        for (Charged line : subscriptionLines) {
            inv.lines().add(new InvoiceLine(Ids.next("il_"), inv.id(), LineSource.SUBSCRIPTION_ITEM, line, null));
        }
        inv.autoAdvance(autoAdvance);
        if (autoAdvance) inv.automaticallyFinalizesAt(at + DRAFT_GRACE_SECONDS);
        events.emit("invoice.created", at, InvoiceJson.invoice(inv));
        return inv;
    }

    /**
     * A preview ({@code id: upcoming_in_...}): never stored, listed or payable. Pending items and {@code prorations}
     * (shown as subscription-item lines with {@code proration: true}, as Stripe previews them) come first.
     */
    public Invoice preview(Customer customer, SubscriptionRef subscription, String billingReason, long at, long periodStart, long periodEnd,
                           List<Charged> prorations, List<Charged> subscriptionLines, boolean includePending, Long prorationDate) {
        Invoice inv = new Invoice("upcoming_in_" + Ids.random(24), customer.id(), customer.testClockId(), subscription.id(),
                subscription.metadata(), billingReason, at, customer.currency(), periodStart, periodEnd);
        List<InvoiceLine> lines = new ArrayList<>();
        for (Charged p : prorations.reversed()) lines.add(new InvoiceLine("il_tmp_" + Ids.random(24), inv.id(), LineSource.SUBSCRIPTION_ITEM, p, null));
        if (includePending) {
            for (InvoiceItem item : invoices.pendingFor(customer.id(), subscription.id())) {
                lines.add(new InvoiceLine("il_tmp_" + Ids.random(24), inv.id(), LineSource.INVOICE_ITEM, item.charged(), item.id()));
            }
        }
        for (Charged line : subscriptionLines) lines.add(new InvoiceLine("il_tmp_" + Ids.random(24), inv.id(), LineSource.SUBSCRIPTION_ITEM, line, null));
        inv.lines().addAll(lines);
        inv.subscriptionProrationDate(prorationDate);
        applyBalance(inv, customer.balance());
        return inv;
    }

    /** draft → open: numbered, the customer's balance applied, hosted page and PDF published. A zero amount is paid at once. */
    public void finalizeInvoice(Invoice inv, long at) {
        Customer customer = customers.find(inv.customerId()).orElseThrow();
        inv.status(InvoiceStatus.OPEN);
        inv.number(customer.takeInvoiceNumber());
        applyBalance(inv, customer.balance());
        customer.balance(inv.endingBalance());
        inv.customer(new Invoice.CustomerSnapshot(customer.email(), customer.name(), customer.phone(), customer.address(), customer.taxExempt()));
        inv.finalizedAt(at);
        inv.automaticallyFinalizesAt(null);
        inv.urls(baseUrl.get() + "/i/" + inv.id(), baseUrl.get() + "/i/" + inv.id() + "/pdf");
        events.emit("invoice.finalized", at, InvoiceJson.invoice(inv));
        if (inv.amountDue() == 0) markPaid(inv, at);
    }

    /**
     * Stripe applies a credit (negative balance) up to the invoice total; a negative total becomes credit; a positive
     * balance (money owed) is added to the amount due.
     */
    private static void applyBalance(Invoice inv, long balance) {
        long total = inv.total();
        inv.startingBalance(balance);
        if (total < 0) {
            inv.amountDue(0);
            inv.endingBalance(balance + total);
        } else if (balance < 0) {
            long applied = Math.max(balance, -total);
            inv.amountDue(total + applied);
            inv.endingBalance(balance - applied);
        } else {
            inv.amountDue(total + balance);
            inv.endingBalance(0L);
        }
    }

    /** Charges an open invoice with {@code paymentMethod}, else the subscription's, else the customer's default. */
    public ChargeOutcome attemptPayment(Invoice inv, long at, String paymentMethod) {
        Customer customer = customers.find(inv.customerId()).orElseThrow();
        String pm = paymentMethod != null ? paymentMethod : hooks.paymentMethodFor(inv);
        if (pm == null) pm = customer.defaultPaymentMethod();
        ChargeOutcome outcome = payments.charge(customer, pm, inv.amountRemaining(), inv.currency(), "Invoice " + inv.number());
        applyOutcome(inv, at, outcome);
        return outcome;
    }

    /** Records a payment attempt's outcome (also one made before the invoice existed, for error_if_incomplete). */
    public void applyOutcome(Invoice inv, long at, ChargeOutcome outcome) {
        Customer customer = customers.find(inv.customerId()).orElseThrow();
        inv.attempt();
        if (outcome.succeeded()) {
            markPaid(inv, at);
            return;
        }
        // the first invoice of a subscription is not retried: the subscription stays incomplete, then expires
        Long next = inv.billingReason().equals("subscription_create") ? null : retries.nextAttempt(inv.attemptCount(), at);
        inv.nextPaymentAttempt(next);
        customer.delinquent(true);
        events.emit("invoice.payment_failed", at, InvoiceJson.invoice(inv));
        hooks.paymentFailed(inv, at, next == null);
    }

    private void markPaid(Invoice inv, long at) {
        inv.status(InvoiceStatus.PAID);
        inv.amountPaid(inv.amountDue());
        inv.paidAt(at);
        inv.nextPaymentAttempt(null);
        inv.autoAdvance(false);
        Customer customer = customers.find(inv.customerId()).orElseThrow();
        boolean stillFailing = invoices.newestFirst().stream().anyMatch(i -> i.customerId().equals(customer.id())
                && i.status() == InvoiceStatus.OPEN && i.attemptCount() > 0);
        customer.delinquent(stillFailing);
        ObjectNode json = InvoiceJson.invoice(inv);
        events.emit("invoice.paid", at, json);
        events.emit("invoice.payment_succeeded", at, json);
        hooks.paid(inv, at);
    }

    /** Asks for an automatic payment attempt at {@code at} (picked up by the next run of due work). */
    public void scheduleAttempt(Invoice inv, long at) { inv.nextPaymentAttempt(at); }

    /** Paid outside Stripe ({@code paid_out_of_band=true}): no charge. */
    public void markPaidOutOfBand(Invoice inv, long at) { markPaid(inv, at); }

    public void voidInvoice(Invoice inv, long at) {
        inv.status(InvoiceStatus.VOID);
        inv.voidedAt(at);
        inv.nextPaymentAttempt(null);
        inv.autoAdvance(false);
        events.emit("invoice.voided", at, InvoiceJson.invoice(inv));
    }

    public void markUncollectible(Invoice inv, long at) {
        inv.status(InvoiceStatus.UNCOLLECTIBLE);
        inv.markedUncollectibleAt(at);
        inv.nextPaymentAttempt(null);
        inv.autoAdvance(false);
        events.emit("invoice.marked_uncollectible", at, InvoiceJson.invoice(inv));
    }

    /** Finalizes, then charges, what has fallen due on a scope by {@code t}; returns whether anything ran. */
    public boolean runDue(String testClockId, long t) {
        boolean ran = false;
        for (Invoice inv : invoices.onScope(testClockId)) {
            if (inv.status() == InvoiceStatus.DRAFT && inv.automaticallyFinalizesAt() != null && inv.automaticallyFinalizesAt() <= t) {
                finalizeInvoice(inv, inv.automaticallyFinalizesAt());
                if (inv.status() == InvoiceStatus.OPEN && inv.autoAdvance()) attemptPayment(inv, inv.finalizedAt(), null);
                ran = true;
            } else if (inv.status() == InvoiceStatus.OPEN && inv.nextPaymentAttempt() != null && inv.nextPaymentAttempt() <= t) {
                attemptPayment(inv, inv.nextPaymentAttempt(), null);
                ran = true;
            }
        }
        return ran;
    }

    /** The earliest time something falls due on a scope (finalization or a retry), or null. */
    public Long nextDue(String testClockId) {
        Long next = null;
        for (Invoice inv : invoices.onScope(testClockId)) {
            Long due = null;
            if (inv.status() == InvoiceStatus.DRAFT) due = inv.automaticallyFinalizesAt();
            else if (inv.status() == InvoiceStatus.OPEN) due = inv.nextPaymentAttempt();
            if (due != null && (next == null || due < next)) next = due;
        }
        return next;
    }
}
