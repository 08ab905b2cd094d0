package com.counterlink.stripe.sandbox.payment;

import java.util.LinkedHashMap;
import java.util.Map;

/** A saved card. The sandbox only has cards made from Stripe's test tokens. */
public final class PaymentMethod {
    private final String id;
    private final long created;
    private final TestCard card;
    private final String fingerprint;
    private String customerId;
    private final Map<String, String> metadata = new LinkedHashMap<>();

    PaymentMethod(String id, long created, TestCard card, String fingerprint) {
        this.id = id;
        this.created = created;
        this.card = card;
        this.fingerprint = fingerprint;
    }

    public String id() { return id; }

    public long created() { return created; }

    public TestCard card() { return card; }

    public String fingerprint() { return fingerprint; }

    public String customerId() { return customerId; }

    void customerId(String v) { customerId = v; }

    public Map<String, String> metadata() { return metadata; }
}
