package com.counterlink.stripe.sandbox.invoice;

import java.util.Map;
import java.util.Set;

/** An invoice's life: draft → open → paid | uncollectible | void; uncollectible can still be paid or voided. */
public enum InvoiceStatus {
    DRAFT("draft"), OPEN("open"), PAID("paid"), UNCOLLECTIBLE("uncollectible"), VOID("void");

    private static final Map<InvoiceStatus, Set<InvoiceStatus>> ALLOWED = Map.of(
            DRAFT, Set.of(OPEN, PAID),
            OPEN, Set.of(PAID, UNCOLLECTIBLE, VOID),
            UNCOLLECTIBLE, Set.of(PAID, VOID),
            PAID, Set.of(),
            VOID, Set.of());

    private final String wire;

    InvoiceStatus(String wire) { this.wire = wire; }

    public String wire() { return wire; }

    public boolean canBecome(InvoiceStatus next) { return ALLOWED.get(this).contains(next); }
}
