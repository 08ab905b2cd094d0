package com.counterlink.stripe.sandbox.invoice;

import com.counterlink.stripe.sandbox.core.Ids;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The account's invoices and invoice items. Called under the state lock. */
public final class Invoices {
    private final Map<String, Invoice> invoices = new LinkedHashMap<>();
    private final Map<String, InvoiceItem> items = new LinkedHashMap<>();

    Invoice add(Invoice invoice) {
        invoices.put(invoice.id(), invoice);
        return invoice;
    }

    InvoiceItem addItem(String customerId, String testClockId, long date, Charged charged) {
        InvoiceItem item = new InvoiceItem(Ids.next("ii_"), customerId, testClockId, date, charged);
        items.put(item.id(), item);
        return item;
    }

    public Optional<Invoice> find(String id) { return Optional.ofNullable(invoices.get(id)); }

    public Optional<InvoiceItem> item(String id) { return Optional.ofNullable(items.get(id)); }

    public List<Invoice> newestFirst() {
        List<Invoice> list = new ArrayList<>(invoices.values());
        Collections.reverse(list);
        return list;
    }

    public List<InvoiceItem> itemsNewestFirst() {
        List<InvoiceItem> list = new ArrayList<>(items.values());
        Collections.reverse(list);
        return list;
    }

    /**
     * The customer's pending items that the next invoice of {@code subscriptionId} sweeps in: its own and those tied to
     * no subscription, newest first (the order Stripe puts them on the invoice).
     */
    public List<InvoiceItem> pendingFor(String customerId, String subscriptionId) {
        return itemsNewestFirst().stream()
                .filter(i -> i.invoiceId() == null && i.customerId().equals(customerId))
                .filter(i -> i.charged().subscriptionId() == null || i.charged().subscriptionId().equals(subscriptionId))
                .sorted(Comparator.comparingLong(InvoiceItem::date).reversed())
                .toList();
    }

    /** The invoices on a scope (a test clock, or the account's clock when null). */
    public List<Invoice> onScope(String testClockId) {
        return invoices.values().stream().filter(i -> java.util.Objects.equals(i.testClockId(), testClockId)).toList();
    }

    public void removeOnClock(String clockId) {
        invoices.values().removeIf(i -> clockId.equals(i.testClockId()));
        items.values().removeIf(i -> clockId.equals(i.testClockId()));
    }
}
