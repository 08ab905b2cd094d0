package com.counterlink.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Time-based proration as Stripe prorates, down to the second: a store costs the price times the share of
 * the period it was billable, rounded to the currency's minor unit, half up, once per store and period.
 */
public final class Proration {

    private Proration() {
    }

    /** {@code unitAmount} (minor units per store and period) × {@code billableSeconds} / {@code periodSeconds}. */
    public static long amount(long unitAmount, long billableSeconds, long periodSeconds) {
        if (unitAmount < 0 || billableSeconds < 0 || periodSeconds <= 0 || billableSeconds > periodSeconds) {
            throw new IllegalArgumentException("amount " + unitAmount + " for " + billableSeconds + " s of "
                    + periodSeconds + " s");
        }
        return BigDecimal.valueOf(unitAmount).multiply(BigDecimal.valueOf(billableSeconds))
                .divide(BigDecimal.valueOf(periodSeconds), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
