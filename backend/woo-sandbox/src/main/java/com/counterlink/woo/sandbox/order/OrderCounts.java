package com.counterlink.woo.sandbox.order;

import com.counterlink.woo.sandbox.coupon.Coupon;
import com.counterlink.woo.sandbox.product.Product;
import com.counterlink.woo.sandbox.store.Store;

import java.util.Set;

/**
 * What an order counts elsewhere, and takes back when it is cancelled: the products' {@code total_sales}
 * (wc_update_total_sales_counts) and the coupons' {@code usage_count}/{@code used_by} (wc_update_coupon_usage_counts).
 */
final class OrderCounts {
    private static final Set<String> RECORDS_SALES = Set.of("processing", "completed", "on-hold");
    private static final Set<String> RECORDS_COUPON_USE = Set.of("pending", "processing", "completed", "on-hold");

    private final Store store;

    OrderCounts(Store store) { this.store = store; }

    /** The order reached {@code status}. */
    void statusReached(Order o, String status) {
        if (RECORDS_SALES.contains(status) && !o.salesRecorded) sales(o, +1);
        if ("cancelled".equals(status) && o.salesRecorded) sales(o, -1);
        if (RECORDS_COUPON_USE.contains(status) && !o.couponUsageRecorded) couponUse(o, +1);
        if ("cancelled".equals(status) && o.couponUsageRecorded) couponUse(o, -1);
    }

    /** apply_coupon() counts a use at once, unless the order is cancelled. */
    void couponApplied(Order o, Coupon c) {
        if (!o.couponUsageRecorded && !"cancelled".equals(o.status)) {
            couponUse(o, +1);
        } else if (o.couponUsageRecorded) {
            count(c, usedBy(o), +1);
        }
    }

    /** Sales count on the product, not the variation (WC_Order_Item_Product::get_product_id). */
    private void sales(Order o, int sign) {
        for (Order.LineItem li : o.lineItems) {
            Product p = store.products.get(li.productId);
            if (p != null) p.totalSales = Math.max(0, p.totalSales + sign * li.quantity);
        }
        o.salesRecorded = sign > 0;
    }

    private void couponUse(Order o, int sign) {
        for (Order.CouponLine cl : o.couponLines) {
            Coupon c = store.coupons.get(cl.couponId);
            if (c != null) count(c, usedBy(o), sign);
        }
        o.couponUsageRecorded = sign > 0;
    }

    private static void count(Coupon c, String usedBy, int sign) {
        if (sign > 0) {
            c.usageCount++;
            c.usedBy.add(usedBy);
            return;
        }
        c.usageCount = Math.max(0, c.usageCount - 1);
        for (int i = 0; i < c.usedBy.size(); i++) {
            if (usedBy.equals(c.usedBy.get(i).asText())) {
                c.usedBy.remove(i);
                return;
            }
        }
    }

    private static String usedBy(Order o) {
        return o.customerId > 0 ? String.valueOf(o.customerId) : o.billing.path("email").asText();
    }
}
