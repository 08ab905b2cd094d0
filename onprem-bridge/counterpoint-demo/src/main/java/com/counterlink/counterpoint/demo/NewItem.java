package com.counterlink.counterpoint.demo;

import java.math.BigDecimal;
import java.util.Objects;

/** A non-gridded item a merchant adds in Counterpoint while the connector runs. */
public record NewItem(String itemNo, String description, String categoryCode, BigDecimal regularPrice, boolean ecommerce) {
    public NewItem {
        Objects.requireNonNull(itemNo);
        if (itemNo.length() > 20) {
            throw new IllegalArgumentException("ITEM_NO is at most 20 characters: " + itemNo);
        }
        if (description.length() > 30) {
            throw new IllegalArgumentException("DESCR is at most 30 characters: " + description);
        }
    }
}
