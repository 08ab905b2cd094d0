package com.counterlink.stripe.sandbox.invoice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An invoice. Amounts are fixed when it is finalized; lines never change after that. */
public final class Invoice {
    private final String id;
    private final String customerId;
    private final String testClockId;
    private final String subscriptionId;
    private final Map<String, String> subscriptionMetadata;
    private final String billingReason;
    private final long created;
    private final String currency;
    private final long periodStart;
    private final long periodEnd;
    private final List<InvoiceLine> lines = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private InvoiceStatus status = InvoiceStatus.DRAFT;
    private boolean autoAdvance;
    private Long automaticallyFinalizesAt;
    private String number;
    private long startingBalance;
    private Long endingBalance;
    private long amountDue;
    private long amountPaid;
    private int attemptCount;
    private boolean attempted;
    private Long nextPaymentAttempt;
    private Long finalizedAt;
    private Long paidAt;
    private Long voidedAt;
    private Long markedUncollectibleAt;
    private String hostedInvoiceUrl;
    private String invoicePdf;
    private Long subscriptionProrationDate;
    private CustomerSnapshot customer;

    /** The customer's details copied onto the invoice when it is finalized. */
    public record CustomerSnapshot(String email, String name, String phone, Map<String, String> address, String taxExempt) {}

    Invoice(String id, String customerId, String testClockId, String subscriptionId, Map<String, String> subscriptionMetadata,
            String billingReason, long created, String currency, long periodStart, long periodEnd) {
        this.id = id;
        this.customerId = customerId;
        this.testClockId = testClockId;
        this.subscriptionId = subscriptionId;
        this.subscriptionMetadata = subscriptionMetadata == null ? null : Map.copyOf(subscriptionMetadata);
        this.billingReason = billingReason;
        this.created = created;
        this.currency = currency;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
    }

    public String id() { return id; }

    public String customerId() { return customerId; }

    public String testClockId() { return testClockId; }

    public String subscriptionId() { return subscriptionId; }

    public Map<String, String> subscriptionMetadata() { return subscriptionMetadata; }

    public String billingReason() { return billingReason; }

    public long created() { return created; }

    public String currency() { return currency; }

    public long periodStart() { return periodStart; }

    public long periodEnd() { return periodEnd; }

    public List<InvoiceLine> lines() { return lines; }

    public Map<String, String> metadata() { return metadata; }

    public long subtotal() { return lines.stream().mapToLong(l -> l.charged().amount()).sum(); }

    public long total() { return subtotal(); }

    public InvoiceStatus status() { return status; }

    void status(InvoiceStatus next) {
        if (!status.canBecome(next)) throw new IllegalStateException("Invoice " + id + " cannot go from " + status + " to " + next);
        status = next;
    }

    public boolean autoAdvance() { return autoAdvance; }

    void autoAdvance(boolean v) { autoAdvance = v; }

    public Long automaticallyFinalizesAt() { return automaticallyFinalizesAt; }

    void automaticallyFinalizesAt(Long v) { automaticallyFinalizesAt = v; }

    public String number() { return number; }

    void number(String v) { number = v; }

    public long startingBalance() { return startingBalance; }

    void startingBalance(long v) { startingBalance = v; }

    public Long endingBalance() { return endingBalance; }

    void endingBalance(Long v) { endingBalance = v; }

    public long amountDue() { return amountDue; }

    void amountDue(long v) { amountDue = v; }

    public long amountPaid() { return amountPaid; }

    void amountPaid(long v) { amountPaid = v; }

    public long amountRemaining() { return status == InvoiceStatus.VOID ? 0 : amountDue - amountPaid; }

    public int attemptCount() { return attemptCount; }

    void attempt() {
        attemptCount++;
        attempted = true;
    }

    public boolean attempted() { return attempted; }

    public Long nextPaymentAttempt() { return nextPaymentAttempt; }

    void nextPaymentAttempt(Long v) { nextPaymentAttempt = v; }

    public Long finalizedAt() { return finalizedAt; }

    void finalizedAt(Long v) { finalizedAt = v; }

    public Long paidAt() { return paidAt; }

    void paidAt(Long v) { paidAt = v; }

    public Long voidedAt() { return voidedAt; }

    void voidedAt(Long v) { voidedAt = v; }

    public Long markedUncollectibleAt() { return markedUncollectibleAt; }

    void markedUncollectibleAt(Long v) { markedUncollectibleAt = v; }

    public String hostedInvoiceUrl() { return hostedInvoiceUrl; }

    public String invoicePdf() { return invoicePdf; }

    void urls(String hosted, String pdf) {
        hostedInvoiceUrl = hosted;
        invoicePdf = pdf;
    }

    /** Set only on previews made with {@code subscription_details[proration_date]}. */
    public Long subscriptionProrationDate() { return subscriptionProrationDate; }

    void subscriptionProrationDate(Long v) { subscriptionProrationDate = v; }

    public CustomerSnapshot customer() { return customer; }

    void customer(CustomerSnapshot v) { customer = v; }

    public boolean isPreview() { return id.startsWith("upcoming_in_"); }
}
