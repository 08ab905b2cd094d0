package com.counterlink.woo.sandbox.order;

import com.counterlink.woo.sandbox.store.Store;

import java.util.Set;

/**
 * An order's status changes and what WooCommerce hooks to them: the paid and completed dates, stock, total sales and
 * coupon use, and the refund of what is left when an order is set to refunded.
 */
final class OrderStatus {
    private static final Set<String> REDUCES_STOCK = Set.of("processing", "completed", "on-hold");
    private static final Set<String> RESTORES_STOCK = Set.of("cancelled", "pending");
    private static final Set<String> PAYABLE = Set.of("on-hold", "pending", "failed", "cancelled");

    private final Store store;
    private final OrderStock stock;
    private final OrderCounts counts;
    private final Refunds refunds;
    private final OrderNotes notes;

    OrderStatus(Store store, OrderStock stock, OrderCounts counts, Refunds refunds, OrderNotes notes) {
        this.store = store;
        this.stock = stock;
        this.counts = counts;
        this.refunds = refunds;
        this.notes = notes;
    }

    void change(Order o, String status) {
        String from = o.status;
        o.status = status;
        if (!from.equals(status)) {
            maybeSetDatePaid(o);
            if ("completed".equals(status)) o.dateCompleted = store.clock().now();
        }
        if (REDUCES_STOCK.contains(status) && !o.stockReduced) stock.reduce(o);
        if (RESTORES_STOCK.contains(status) && o.stockReduced) stock.restore(o);
        counts.statusReached(o, status);
        if (from.equals(status)) return;
        notes.add(o, "Order status changed from " + label(from) + " to " + label(status) + ".");
        if ("refunded".equals(status)) refunds.refundWhatIsLeft(o);
    }

    /** payment_complete(): only an order still waiting for payment moves (cash on delivery to completed, else processing). */
    void paymentComplete(Order o) {
        if (!PAYABLE.contains(o.status)) return;
        if (o.datePaid == null) o.datePaid = store.clock().now();
        change(o, PaymentGateways.paymentCompleteStatus(o));
    }

    /** maybe_set_date_paid(): paid on reaching the gateway's paid status, or on completion when that status is processing. */
    private void maybeSetDatePaid(Order o) {
        if (o.datePaid != null) return;
        String paidStatus = PaymentGateways.paymentCompleteStatus(o);
        if (o.status.equals(paidStatus) || "processing".equals(paidStatus) && "completed".equals(o.status)) {
            o.datePaid = store.clock().now();
        }
    }

    private static String label(String status) {
        return switch (status) {
            case "pending" -> "Pending payment";
            case "on-hold" -> "On hold";
            case "checkout-draft" -> "Draft";
            default -> Character.toUpperCase(status.charAt(0)) + status.substring(1);
        };
    }
}
