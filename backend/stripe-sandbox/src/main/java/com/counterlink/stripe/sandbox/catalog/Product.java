package com.counterlink.stripe.sandbox.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Product: what a price sells ("Connected store"). */
public final class Product {
    private final String id;
    private final long created;
    private long updated;
    private String name;
    private String description;
    private boolean active = true;
    private String defaultPrice;
    private String unitLabel;
    private String statementDescriptor;
    private final Map<String, String> metadata = new LinkedHashMap<>();

    Product(String id, long created, String name) {
        this.id = id;
        this.created = created;
        this.updated = created;
        this.name = name;
    }

    public String id() { return id; }

    public long created() { return created; }

    public long updated() { return updated; }

    void touch(long t) { updated = t; }

    public String name() { return name; }

    void name(String v) { name = v; }

    public String description() { return description; }

    void description(String v) { description = v; }

    public boolean active() { return active; }

    void active(boolean v) { active = v; }

    public String defaultPrice() { return defaultPrice; }

    void defaultPrice(String v) { defaultPrice = v; }

    public String unitLabel() { return unitLabel; }

    void unitLabel(String v) { unitLabel = v; }

    public String statementDescriptor() { return statementDescriptor; }

    void statementDescriptor(String v) { statementDescriptor = v; }

    public Map<String, String> metadata() { return metadata; }
}
