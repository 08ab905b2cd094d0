package com.counterlink.woo.sandbox.order;

import com.counterlink.woo.sandbox.coupon.Coupon;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * WC_Discounts for an order's line items, in cents: percent, fixed_product and fixed_cart coupons applied one after
 * the other on the undiscounted prices (not sequentially), each capped by what is left of a line, and leftover cents
 * handed out one per unit (apply_coupon_remainder).
 */
final class CouponDiscounts {
    private final List<Order.LineItem> lines;
    private final long[] price;
    private final long[] discounted;
    /** Line indexes in the order discounts are handed out: the most expensive unit first, as fixture 24 shows. */
    private final List<Integer> handOutOrder = new ArrayList<>();

    CouponDiscounts(List<Order.LineItem> lines) {
        this.lines = lines;
        this.price = new long[lines.size()];
        this.discounted = new long[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            price[i] = cents(lines.get(i).subtotal);
            handOutOrder.add(i);
        }
        handOutOrder.sort(Comparator.comparingLong((Integer i) -> -(price[i] / Math.max(1, lines.get(i).quantity))));
    }

    /** Applies one coupon on top of the ones already applied; answers its discount per line, in cents. */
    long[] apply(Coupon coupon) {
        long[] given = new long[lines.size()];
        List<Integer> items = new ArrayList<>();
        for (int i : handOutOrder) if (left(i) > 0 && lines.get(i).quantity > 0) items.add(i);
        switch (coupon.discountType) {
            case "percent" -> percent(coupon, items, given);
            case "fixed_product" -> fixedProduct(items, cents(coupon.amount), given);
            default -> fixedCart(items, cents(coupon.amount), given);
        }
        return given;
    }

    private long left(int i) { return Math.max(0, price[i] - discounted[i]); }

    private void give(int i, long cents, long[] given) {
        discounted[i] += cents;
        given[i] += cents;
    }

    /** apply_coupon_percent: floor per line (PHP float arithmetic), then the cart-wide rounding's remainder. */
    private void percent(Coupon coupon, List<Integer> items, long[] given) {
        double rate = coupon.amount.doubleValue() / 100;
        long total = 0;
        long cartTotal = 0;
        for (int i : items) {
            long discount = Math.min(left(i), (long) Math.floor(price[i] * rate));
            give(i, discount, given);
            total += discount;
            cartTotal += price[i];
        }
        long cartDiscount = phpRound(cartTotal * rate, RoundingMode.HALF_DOWN);
        if (total < cartDiscount) remainder(items, cartDiscount - total, given);
    }

    private long fixedProduct(List<Integer> items, long perUnit, long[] given) {
        long total = 0;
        for (int i : items) {
            long discount = Math.min(left(i), perUnit * lines.get(i).quantity);
            give(i, discount, given);
            total += discount;
        }
        return total;
    }

    /** apply_coupon_fixed_cart: the amount divided by the units in the cart, whole cents per unit, then again with what is left. */
    private long fixedCart(List<Integer> candidates, long amount, long[] given) {
        List<Integer> items = candidates.stream().filter(i -> left(i) > 0).toList();
        long units = items.stream().mapToLong(i -> lines.get(i).quantity).sum();
        if (units == 0 || amount <= 0) return 0;
        long perUnit = amount / units;
        if (perUnit == 0) return remainder(items, amount, given);
        long total = fixedProduct(items, perUnit, given);
        if (total > 0 && total < amount) total += fixedCart(items, amount - total, given);
        return total;
    }

    /** apply_coupon_remainder: one cent per unit, line by line, until the amount is given. */
    private long remainder(List<Integer> items, long amount, long[] given) {
        long total = 0;
        for (int i : items) {
            for (int unit = 0; unit < lines.get(i).quantity; unit++) {
                long cent = Math.min(left(i), 1);
                give(i, cent, given);
                total += cent;
                if (total >= amount) return total;
            }
        }
        return total;
    }

    static long cents(BigDecimal amount) {
        return amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue();
    }

    /** PHP 8.2's round(): the float is first taken to 15 significant digits, then rounded. */
    private static long phpRound(double value, RoundingMode mode) {
        return new BigDecimal(value).round(new MathContext(15, RoundingMode.HALF_UP)).setScale(0, mode).longValue();
    }
}
