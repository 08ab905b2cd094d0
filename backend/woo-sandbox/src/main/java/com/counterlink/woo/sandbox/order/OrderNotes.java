package com.counterlink.woo.sandbox.order;

import com.counterlink.woo.sandbox.store.Store;

/** An order's notes: the ones WooCommerce writes itself ("system") and the ones added through the API. */
final class OrderNotes {
    private final Store store;

    OrderNotes(Store store) { this.store = store; }

    Order.OrderNote add(Order o, String text) { return add(o, text, false, "system"); }

    Order.OrderNote add(Order o, String text, boolean customerNote, String author) {
        Order.OrderNote n = new Order.OrderNote(store.nextMetaId(), author, store.clock().now(), text, customerNote);
        o.notes.add(n);
        return n;
    }
}
