package com.counterlink.woo.sandbox.order;

import com.counterlink.woo.sandbox.coupon.Coupon;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.tax.TaxRate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order's money: coupons applied in cents ({@link CouponDiscounts}), then calculate_totals() with per-line rounded
 * taxes on items, fees and shipping.
 */
public final class OrderCalculator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private OrderCalculator() {}

    /**
     * recalculate_coupons(): line totals start again from their subtotals and every coupon is applied. A coupon's
     * discount_tax is the tax its discount took away: per line, the rounded tax before minus the rounded tax after it.
     */
    public static void applyCoupons(Store store, Order order, Map<Long, Coupon> couponsByLine) {
        for (Order.LineItem li : order.lineItems) li.total = li.subtotal;
        CouponDiscounts discounts = new CouponDiscounts(order.lineItems);
        String[] loc = taxLocation(store, order);
        for (Order.CouponLine cl : order.couponLines) {
            Coupon coupon = couponsByLine.get(cl.id);
            long[] cents = coupon == null ? new long[order.lineItems.size()] : discounts.apply(coupon);
            BigDecimal discount = BigDecimal.ZERO;
            BigDecimal discountTax = BigDecimal.ZERO;
            for (int i = 0; i < cents.length; i++) {
                Order.LineItem li = order.lineItems.get(i);
                BigDecimal before = li.total;
                li.total = li.total.subtract(BigDecimal.valueOf(cents[i], 2));
                discount = discount.add(BigDecimal.valueOf(cents[i], 2));
                discountTax = discountTax.add(lineTax(store, loc, li, before).subtract(lineTax(store, loc, li, li.total)));
            }
            cl.discount = discount;
            cl.discountTax = discountTax;
        }
        calculateTotals(store, order);
    }

    /** calculate_totals(true): taxes on the lines as they stand (coupons are not applied again), tax lines and totals. */
    public static void calculateTotals(Store store, Order order) {
        boolean taxes = store.taxesEnabled();
        String[] loc = taxLocation(store, order);
        Map<Long, TaxRate> usedRates = new LinkedHashMap<>();
        for (Order.LineItem li : order.lineItems) {
            li.taxes = new Order.Taxes();
            if (!taxes || !"taxable".equals(li.taxStatus)) continue;
            for (TaxRate r : rates(store, loc, li.taxClass)) {
                li.taxes.put(r.id, new BigDecimal[]{tax(li.total, r), tax(li.subtotal, r)});
                usedRates.put(r.id, r);
            }
        }
        for (Order.FeeLine f : order.feeLines) {
            f.taxes = new Order.Taxes();
            if (!taxes || !"taxable".equals(f.taxStatus)) continue;
            for (TaxRate r : rates(store, loc, f.taxClass)) {
                f.taxes.put(r.id, new BigDecimal[]{tax(f.total, r), null});
                usedRates.put(r.id, r);
            }
        }
        for (Order.ShippingLine s : order.shippingLines) {
            s.taxes = new Order.Taxes();
            if (!taxes) continue;
            for (TaxRate r : rates(store, loc, "")) {
                if (!r.shipping) continue;
                s.taxes.put(r.id, new BigDecimal[]{tax(s.total, r), null});
                usedRates.put(r.id, r);
            }
        }
        totals(order);
        rebuildTaxLines(store, order, usedRates);
    }

    /** The tax on {@code amount} for one line, each rate rounded on its own (the store rounds per line). */
    private static BigDecimal lineTax(Store store, String[] loc, Order.LineItem li, BigDecimal amount) {
        BigDecimal sum = BigDecimal.ZERO;
        if (!store.taxesEnabled() || !"taxable".equals(li.taxStatus)) return sum;
        for (TaxRate r : rates(store, loc, li.taxClass)) sum = sum.add(tax(amount, r));
        return sum;
    }

    private static void totals(Order o) {
        BigDecimal lineTotals = BigDecimal.ZERO;
        BigDecimal discount = BigDecimal.ZERO;
        BigDecimal discountTax = BigDecimal.ZERO;
        BigDecimal cartTax = BigDecimal.ZERO;
        for (Order.LineItem li : o.lineItems) {
            lineTotals = lineTotals.add(li.total);
            discount = discount.add(li.subtotal.subtract(li.total));
            discountTax = discountTax.add(li.taxes.subtotalSum().subtract(li.taxes.totalSum()));
            cartTax = cartTax.add(li.taxes.totalSum());
        }
        BigDecimal fees = BigDecimal.ZERO;
        for (Order.FeeLine f : o.feeLines) {
            fees = fees.add(f.total);
            cartTax = cartTax.add(f.taxes.totalSum());
        }
        BigDecimal shipping = BigDecimal.ZERO;
        BigDecimal shippingTax = BigDecimal.ZERO;
        for (Order.ShippingLine s : o.shippingLines) {
            shipping = shipping.add(s.total);
            shippingTax = shippingTax.add(s.taxes.totalSum());
        }
        o.discountTotal = discount;
        o.discountTax = discountTax;
        o.shippingTotal = shipping;
        o.shippingTax = shippingTax;
        o.cartTax = cartTax;
        o.totalTax = cartTax.add(shippingTax);
        o.total = lineTotals.add(fees).add(shipping).add(o.totalTax).max(BigDecimal.ZERO);
    }

    /** Tax lines are (re)created after the other items, so they get the next order item ids. */
    private static void rebuildTaxLines(Store store, Order o, Map<Long, TaxRate> used) {
        Map<Long, Order.TaxLine> existing = new LinkedHashMap<>();
        o.taxLines.forEach(t -> existing.put(t.rateId, t));
        o.taxLines.clear();
        for (TaxRate r : used.values()) {
            Order.TaxLine t = existing.containsKey(r.id) ? existing.get(r.id) : new Order.TaxLine();
            if (t.id == 0) t.id = store.nextOrderItemId();
            t.rateId = r.id;
            t.rateCode = r.rateCode();
            t.label = r.name.isEmpty() ? "Tax" : r.name;
            t.compound = r.compound;
            t.ratePercent = r.rate;
            BigDecimal cart = BigDecimal.ZERO;
            for (Order.LineItem li : o.lineItems) cart = cart.add(rateTotal(li.taxes, r.id));
            for (Order.FeeLine f : o.feeLines) cart = cart.add(rateTotal(f.taxes, r.id));
            BigDecimal ship = BigDecimal.ZERO;
            for (Order.ShippingLine s : o.shippingLines) ship = ship.add(rateTotal(s.taxes, r.id));
            t.taxTotal = cart;
            t.shippingTaxTotal = ship;
            o.taxLines.add(t);
        }
    }

    private static BigDecimal rateTotal(Order.Taxes taxes, long rateId) {
        BigDecimal[] v = taxes.get(rateId);
        return v == null ? BigDecimal.ZERO : v[0];
    }

    /** One rate per priority, first match wins (WC_Tax::find_rates). */
    static List<TaxRate> rates(Store store, String[] loc, String taxClass) {
        List<TaxRate> sorted = new ArrayList<>(store.taxRates.values());
        sorted.sort(Comparator.comparingInt((TaxRate r) -> r.priority).thenComparingInt(r -> r.order).thenComparingLong(r -> r.id));
        Set<Integer> priorities = new HashSet<>();
        List<TaxRate> out = new ArrayList<>();
        for (TaxRate r : sorted) {
            if (r.matches(loc[0], loc[1], loc[2], loc[3], taxClass) && priorities.add(r.priority)) out.add(r);
        }
        return out;
    }

    /** woocommerce_tax_based_on = shipping, falling back to billing, then the store base country. */
    private static String[] taxLocation(Store store, Order o) {
        String based = store.option("woocommerce_tax_based_on");
        if (!"billing".equals(based) && !"base".equals(based) && !o.shipping.path("country").asText().isEmpty()) {
            return address(o.shipping);
        }
        if (!"base".equals(based) && !o.billing.path("country").asText().isEmpty()) return address(o.billing);
        String[] base = store.option("woocommerce_default_country").split(":");
        return new String[]{base[0], base.length > 1 ? base[1] : "", "", ""};
    }

    private static String[] address(com.fasterxml.jackson.databind.JsonNode a) {
        return new String[]{a.path("country").asText(), a.path("state").asText(), a.path("postcode").asText(), a.path("city").asText()};
    }

    private static BigDecimal tax(BigDecimal amount, TaxRate r) {
        return amount.multiply(r.rate).divide(HUNDRED, 10, RoundingMode.HALF_UP).setScale(2, RoundingMode.HALF_UP);
    }
}
