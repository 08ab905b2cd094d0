package com.counterlink.stripe.sandbox.subscription;

import java.util.LinkedHashMap;
import java.util.Map;

/** One price on a subscription and how many of it (the number of connected stores). */
public final class SubscriptionItem {
    private final String id;
    private final String subscriptionId;
    private final long created;
    private String priceId;
    private long quantity;
    private long currentPeriodStart;
    private long currentPeriodEnd;
    private final Map<String, String> metadata = new LinkedHashMap<>();

    SubscriptionItem(String id, String subscriptionId, long created, String priceId, long quantity, long periodStart, long periodEnd) {
        this.id = id;
        this.subscriptionId = subscriptionId;
        this.created = created;
        this.priceId = priceId;
        this.quantity = quantity;
        this.currentPeriodStart = periodStart;
        this.currentPeriodEnd = periodEnd;
    }

    public String id() { return id; }

    public String subscriptionId() { return subscriptionId; }

    public long created() { return created; }

    public String priceId() { return priceId; }

    void priceId(String v) { priceId = v; }

    public long quantity() { return quantity; }

    void quantity(long v) { quantity = v; }

    public long currentPeriodStart() { return currentPeriodStart; }

    public long currentPeriodEnd() { return currentPeriodEnd; }

    void period(long start, long end) {
        currentPeriodStart = start;
        currentPeriodEnd = end;
    }

    public Map<String, String> metadata() { return metadata; }
}
