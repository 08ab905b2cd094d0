package com.counterlink.stripe.sandbox.subscription;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Stripe's time-based proration, to the second: the share of a period left after {@code t},
 * {@code (periodEnd - t) / (periodEnd - periodStart)}, of {@code quantity × unitAmount}. Each line is rounded to the
 * minor unit on its own, half away from zero (Stripe does not publish its rule; this one matches its worked example).
 */
final class Proration {
    private Proration() {}

    static long remaining(long unitAmount, long quantity, long t, long periodStart, long periodEnd) {
        if (t >= periodEnd) return 0;
        BigDecimal full = BigDecimal.valueOf(unitAmount).multiply(BigDecimal.valueOf(quantity));
        BigDecimal share = full.multiply(BigDecimal.valueOf(periodEnd - t))
                .divide(BigDecimal.valueOf(periodEnd - periodStart), 12, RoundingMode.HALF_UP);
        return share.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
