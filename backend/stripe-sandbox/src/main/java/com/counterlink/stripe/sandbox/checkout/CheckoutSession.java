package com.counterlink.stripe.sandbox.checkout;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Checkout Session in setup mode: a hosted page where the customer saves a card. */
public final class CheckoutSession {
    /** {@code status} of a session; open → complete | expired. */
    public enum Status {
        OPEN("open"), COMPLETE("complete"), EXPIRED("expired");

        private final String wire;

        Status(String wire) { this.wire = wire; }

        public String wire() { return wire; }
    }

    private final String id;
    private final long created;
    private final long expiresAt;
    private final String customerId;
    private final String currency;
    private final String successUrl;
    private final String cancelUrl;
    private final String clientReferenceId;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private Status status = Status.OPEN;
    private String setupIntentId;
    private String error;

    CheckoutSession(String id, long created, long expiresAt, String customerId, String currency, String successUrl, String cancelUrl,
                    String clientReferenceId) {
        this.id = id;
        this.created = created;
        this.expiresAt = expiresAt;
        this.customerId = customerId;
        this.currency = currency;
        this.successUrl = successUrl;
        this.cancelUrl = cancelUrl;
        this.clientReferenceId = clientReferenceId;
    }

    public String id() { return id; }

    public long created() { return created; }

    public long expiresAt() { return expiresAt; }

    public String customerId() { return customerId; }

    public String currency() { return currency; }

    public String successUrl() { return successUrl; }

    public String cancelUrl() { return cancelUrl; }

    public String clientReferenceId() { return clientReferenceId; }

    public Map<String, String> metadata() { return metadata; }

    public Status status() { return status; }

    void complete(String setupIntent) {
        if (status != Status.OPEN) throw new IllegalStateException("Session " + id + " is " + status);
        status = Status.COMPLETE;
        setupIntentId = setupIntent;
    }

    void expire() {
        if (status != Status.OPEN) throw new IllegalStateException("Session " + id + " is " + status);
        status = Status.EXPIRED;
    }

    public String setupIntentId() { return setupIntentId; }

    /** The last decline shown on the page, or null. */
    String error() { return error; }

    void error(String v) { error = v; }
}
