package com.counterlink.stripe.sandbox.subscription;

import java.math.BigInteger;

/**
 * Stripe's time-based proration, to the second: the share of a period left after {@code t},
 * {@code (periodEnd - t) / (periodEnd - periodStart)}, of {@code quantity × unitAmount}. Each line is rounded to the
 * minor unit on its own, half away from zero (Stripe does not publish its rule; this one matches its worked example),
 * computed exactly in integers so no intermediate rounding creeps in.
 */
final class Proration {
    private Proration() {}

    static long remaining(long unitAmount, long quantity, long t, long periodStart, long periodEnd) {
        if (t >= periodEnd) return 0;
        BigInteger numerator = BigInteger.valueOf(unitAmount).multiply(BigInteger.valueOf(quantity)).multiply(BigInteger.valueOf(periodEnd - t));
        BigInteger denominator = BigInteger.valueOf(periodEnd - periodStart);
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        BigInteger rounded = qr[1].shiftLeft(1).compareTo(denominator) >= 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return rounded.longValueExact();
    }
}
