package com.counterlink.sync.catalog;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.Objects;

/** The prices a store shows for an item: regular, and an optional sale price with its UTC dates. */
public record SitePrice(BigDecimal regular, @Nullable BigDecimal sale, @Nullable LocalDateTime saleFrom,
                        @Nullable LocalDateTime saleTo) {

    public SitePrice {
        regular = money(regular);
        sale = sale == null ? null : money(sale);
    }

    public static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** Compares money by value (19.9 = 19.90), as WooCommerce stores strings. */
    public boolean sameAs(@Nullable BigDecimal sentRegular, @Nullable BigDecimal sentSale, @Nullable LocalDateTime sentFrom,
                          @Nullable LocalDateTime sentTo) {
        return sentRegular != null && regular.compareTo(sentRegular) == 0
                && (sale == null ? sentSale == null : sentSale != null && sale.compareTo(sentSale) == 0)
                && Objects.equals(saleFrom, sentFrom) && Objects.equals(saleTo, sentTo);
    }
}
