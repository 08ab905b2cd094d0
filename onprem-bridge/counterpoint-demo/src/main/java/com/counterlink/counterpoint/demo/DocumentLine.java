package com.counterlink.counterpoint.demo;

import java.math.BigDecimal;
import java.util.Objects;

/** A sale line of a document to open: which item (and cell), how many, at what unit price. */
public record DocumentLine(String itemNo, GridCell cell, BigDecimal quantity, BigDecimal price) {
    public DocumentLine {
        Objects.requireNonNull(itemNo);
        Objects.requireNonNull(cell);
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
    }

    public static DocumentLine of(String itemNo, int quantity, String price) {
        return new DocumentLine(itemNo, GridCell.NONE, BigDecimal.valueOf(quantity), new BigDecimal(price));
    }

    public static DocumentLine ofCell(String itemNo, GridCell cell, int quantity, String price) {
        return new DocumentLine(itemNo, cell, BigDecimal.valueOf(quantity), new BigDecimal(price));
    }

    BigDecimal extendedPrice() {
        return quantity.multiply(price).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
