package com.counterlink.stripe.sandbox.customer;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Customer: who pays. One per Counterlink tenant. */
public final class Customer {
    private final String id;
    private final long created;
    private final String testClockId;
    private final String invoicePrefix;
    private String email;
    private String name;
    private String description;
    private String phone;
    private Map<String, String> address;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private long balance;
    private String currency;
    private boolean delinquent;
    private int nextInvoiceSequence = 1;
    private String defaultPaymentMethod;
    private String taxExempt = "none";
    private boolean deleted;

    Customer(String id, long created, String testClockId, String invoicePrefix) {
        this.id = id;
        this.created = created;
        this.testClockId = testClockId;
        this.invoicePrefix = invoicePrefix;
    }

    public String id() { return id; }

    public long created() { return created; }

    public String testClockId() { return testClockId; }

    public String invoicePrefix() { return invoicePrefix; }

    public String email() { return email; }

    void email(String v) { email = v; }

    public String name() { return name; }

    void name(String v) { name = v; }

    public String description() { return description; }

    void description(String v) { description = v; }

    public String phone() { return phone; }

    void phone(String v) { phone = v; }

    public Map<String, String> address() { return address; }

    void address(Map<String, String> v) { address = v; }

    public Map<String, String> metadata() { return metadata; }

    /** Negative is a credit the next invoices consume; positive is owed and added to the next invoice. */
    public long balance() { return balance; }

    public void balance(long v) { balance = v; }

    public String currency() { return currency; }

    /** Set by the first subscription or invoice; a customer bills in one currency. */
    public void currency(String v) { currency = v; }

    public boolean delinquent() { return delinquent; }

    public void delinquent(boolean v) { delinquent = v; }

    public int nextInvoiceSequence() { return nextInvoiceSequence; }

    /** The next invoice number ({@code PREFIX-0001}), consumed when an invoice is finalized. */
    public String takeInvoiceNumber() { return invoicePrefix + "-" + String.format("%04d", nextInvoiceSequence++); }

    public String defaultPaymentMethod() { return defaultPaymentMethod; }

    public void defaultPaymentMethod(String v) { defaultPaymentMethod = v; }

    public String taxExempt() { return taxExempt; }

    void taxExempt(String v) { taxExempt = v; }

    public boolean deleted() { return deleted; }

    void markDeleted() { deleted = true; }
}
