package com.counterlink.sync.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** web quantity = max(0, Σ QTY_AVAIL over the store's locations − allocated − safety buffer), whole units only. */
public final class WebQuantity {

    private WebQuantity() {
    }

    public static int of(BigDecimal available, BigDecimal allocated, int safetyBuffer) {
        BigDecimal web = available.subtract(allocated).subtract(BigDecimal.valueOf(safetyBuffer));
        // a fraction of a unit cannot be sold on the web: round down, never below zero
        return web.signum() <= 0 ? 0 : web.setScale(0, RoundingMode.FLOOR).min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue();
    }
}
