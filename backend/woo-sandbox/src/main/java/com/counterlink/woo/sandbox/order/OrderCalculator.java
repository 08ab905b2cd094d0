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
 * calculate_totals() for the cases the sandbox supports: non-sequential coupons (percent, fixed_cart,
 * fixed_product) computed in cents with WooCommerce's remainder rule, then per-line rounded taxes.
 */
public final class OrderCalculator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private OrderCalculator() {}

    public static void calculate(Store store, Order order, Map<Long, Coupon> couponsByLine) {
        for (Order.LineItem li : order.lineItems) li.total = li.subtotal;
        List<TaxRate> baseRates = new ArrayList<>();
        boolean taxes = store.taxesEnabled();
        String[] loc = taxLocation(store, order);
        Map<Order.CouponLine, long[]> couponDiscounts = new LinkedHashMap<>();
        for (Order.CouponLine cl : order.couponLines) {
            long[] cents = discountsInCents(order.lineItems, couponsByLine.get(cl.id));
            couponDiscounts.put(cl, cents);
        }
        for (Map.Entry<Order.CouponLine, long[]> e : couponDiscounts.entrySet()) {
            long[] cents = e.getValue();
            long sum = 0;
            for (int i = 0; i < cents.length; i++) {
                Order.LineItem li = order.lineItems.get(i);
                li.total = li.total.subtract(BigDecimal.valueOf(cents[i], 2));
                sum += cents[i];
            }
            e.getKey().discount = BigDecimal.valueOf(sum, 2);
        }
        Map<Long, TaxRate> usedRates = new LinkedHashMap<>();
        for (Order.LineItem li : order.lineItems) {
            li.taxes = new Order.Taxes();
            if (!taxes || !"taxable".equals(li.taxStatus)) continue;
            for (TaxRate r : rates(store, loc, li.taxClass)) {
                li.taxes.put(r.id, new BigDecimal[]{tax(li.total, r), tax(li.subtotal, r)});
                usedRates.put(r.id, r);
            }
        }
        for (Map.Entry<Order.CouponLine, long[]> e : couponDiscounts.entrySet()) {
            BigDecimal dt = BigDecimal.ZERO;
            long[] cents = e.getValue();
            for (int i = 0; i < cents.length; i++) {
                Order.LineItem li = order.lineItems.get(i);
                if (!taxes || !"taxable".equals(li.taxStatus)) continue;
                for (TaxRate r : rates(store, loc, li.taxClass)) dt = dt.add(tax(BigDecimal.valueOf(cents[i], 2), r));
            }
            e.getKey().discountTax = dt;
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

    /** Discount per line in cents for one coupon, computed on the undiscounted line subtotals. */
    static long[] discountsInCents(List<Order.LineItem> items, Coupon c) {
        long[] out = new long[items.size()];
        if (c == null) return out;
        long[] price = new long[items.size()];
        long cartCents = 0;
        for (int i = 0; i < items.size(); i++) {
            price[i] = items.get(i).subtotal.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
            cartCents += price[i];
        }
        long target;
        switch (c.discountType) {
            case "percent" -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = BigDecimal.valueOf(price[i]).multiply(c.amount).divide(HUNDRED, 10, RoundingMode.HALF_UP)
                            .setScale(0, RoundingMode.FLOOR).longValue();
                }
                target = BigDecimal.valueOf(cartCents).multiply(c.amount).divide(HUNDRED, 0, RoundingMode.HALF_UP).longValue();
            }
            case "fixed_product" -> {
                long per = c.amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue();
                for (int i = 0; i < out.length; i++) out[i] = Math.min(price[i], per * items.get(i).quantity);
                return out;
            }
            default -> {
                long amount = Math.min(cartCents, c.amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue());
                for (int i = 0; i < out.length && cartCents > 0; i++) out[i] = price[i] * amount / cartCents;
                target = amount;
            }
        }
        long given = 0;
        for (long v : out) given += v;
        distributeRemainder(items, price, out, target - given);
        return out;
    }

    /** WooCommerce hands leftover cents out one per unit, most expensive item first. */
    private static void distributeRemainder(List<Order.LineItem> items, long[] price, long[] out, long remainder) {
        if (remainder <= 0) return;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) order.add(i);
        order.sort(Comparator.comparingLong((Integer i) -> -(price[i] / Math.max(1, items.get(i).quantity))));
        while (remainder > 0) {
            boolean progressed = false;
            for (int i : order) {
                for (int u = 0; u < items.get(i).quantity && remainder > 0; u++) {
                    if (out[i] < price[i]) {
                        out[i]++;
                        remainder--;
                        progressed = true;
                    }
                }
                if (remainder == 0) break;
            }
            if (!progressed) return;
        }
    }
}
