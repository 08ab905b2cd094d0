package com.counterlink.stripe.sandbox.invoice;

import java.util.LinkedHashMap;
import java.util.Map;

/** A pending invoice item: charged on the customer's next invoice. create_prorations leaves these. */
public final class InvoiceItem {
    private final String id;
    private final String customerId;
    private final String testClockId;
    private final long date;
    private final Charged charged;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private String invoiceId;

    InvoiceItem(String id, String customerId, String testClockId, long date, Charged charged) {
        this.id = id;
        this.customerId = customerId;
        this.testClockId = testClockId;
        this.date = date;
        this.charged = charged;
    }

    public String id() { return id; }

    public String customerId() { return customerId; }

    public String testClockId() { return testClockId; }

    public long date() { return date; }

    public Charged charged() { return charged; }

    public Map<String, String> metadata() { return metadata; }

    /** Null while pending. */
    public String invoiceId() { return invoiceId; }

    void invoiceId(String v) { invoiceId = v; }
}
