package com.counterlink.stripe.sandbox.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Stripe Event: a snapshot of an object at the moment something happened to it. The object is rendered once, at
 * creation, and never changes afterwards.
 */
public final class Event {
    private final String id;
    private final String type;
    private final long created;
    private final ObjectNode dataObject;
    private final ObjectNode previousAttributes;
    private final String requestId;
    private final String idempotencyKey;
    private final AtomicInteger pendingWebhooks = new AtomicInteger();

    Event(String id, String type, long created, ObjectNode dataObject, ObjectNode previousAttributes, String requestId, String idempotencyKey) {
        this.id = id;
        this.type = type;
        this.created = created;
        this.dataObject = dataObject;
        this.previousAttributes = previousAttributes;
        this.requestId = requestId;
        this.idempotencyKey = idempotencyKey;
    }

    public String id() { return id; }

    public String type() { return type; }

    public long created() { return created; }

    public ObjectNode dataObject() { return dataObject; }

    public ObjectNode previousAttributes() { return previousAttributes; }

    public String requestId() { return requestId; }

    public String idempotencyKey() { return idempotencyKey; }

    public int pendingWebhooks() { return pendingWebhooks.get(); }

    void pendingWebhooks(int n) { pendingWebhooks.set(n); }

    void delivered() { pendingWebhooks.updateAndGet(n -> Math.max(0, n - 1)); }
}
