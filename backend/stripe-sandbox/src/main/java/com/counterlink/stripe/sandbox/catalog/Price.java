package com.counterlink.stripe.sandbox.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Price: an amount per unit, one-time or recurring. Its amount never changes; a new price replaces it. */
public final class Price {
    private final String id;
    private final long created;
    private final String productId;
    private final String currency;
    private final long unitAmount;
    private final Recurring recurring;
    private boolean active = true;
    private String lookupKey;
    private String nickname;
    private String taxBehavior;
    private final Map<String, String> metadata = new LinkedHashMap<>();

    Price(String id, long created, String productId, String currency, long unitAmount, Recurring recurring) {
        this.id = id;
        this.created = created;
        this.productId = productId;
        this.currency = currency;
        this.unitAmount = unitAmount;
        this.recurring = recurring;
    }

    public String id() { return id; }

    public long created() { return created; }

    public String productId() { return productId; }

    public String currency() { return currency; }

    public long unitAmount() { return unitAmount; }

    /** Null for a one-time price. */
    public Recurring recurring() { return recurring; }

    public boolean active() { return active; }

    void active(boolean v) { active = v; }

    public String lookupKey() { return lookupKey; }

    void lookupKey(String v) { lookupKey = v; }

    public String nickname() { return nickname; }

    void nickname(String v) { nickname = v; }

    public String taxBehavior() { return taxBehavior; }

    void taxBehavior(String v) { taxBehavior = v; }

    public Map<String, String> metadata() { return metadata; }
}
