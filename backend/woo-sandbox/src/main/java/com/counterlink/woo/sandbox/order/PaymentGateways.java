package com.counterlink.woo.sandbox.order;

import java.util.Set;

/**
 * The payment gateways of a fresh WooCommerce store: direct bank transfer, check payments and cash on delivery. None of
 * them can refund automatically, and cash on delivery marks a paid order completed (WC_Gateway_COD).
 */
final class PaymentGateways {
    private static final Set<String> INSTALLED = Set.of("bacs", "cheque", "cod");
    private static final Set<String> WITH_AUTOMATIC_REFUNDS = Set.of();

    private PaymentGateways() {}

    /** The woocommerce_payment_complete_order_status filter: where payment_complete() moves the order. */
    static String paymentCompleteStatus(Order o) {
        if ("cod".equals(o.paymentMethod)) return "completed";
        return o.needsProcessing() ? "processing" : "completed";
    }

    /** wc_refund_payment(): why the gateway cannot give the money back, or null when it can. */
    static String automaticRefundRefusal(Order o) {
        if (!INSTALLED.contains(o.paymentMethod)) return "The payment gateway for this order does not exist.";
        if (!WITH_AUTOMATIC_REFUNDS.contains(o.paymentMethod)) return "The payment gateway for this order does not support automatic refunds.";
        return null;
    }
}
