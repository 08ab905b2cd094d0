package com.counterlink.bridge.protocol.operations;

import com.counterlink.bridge.protocol.Check;
import com.counterlink.bridge.protocol.InvalidParameterException;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A sale line: the item, its grid cell ('*' for unused dimensions), quantity, unit price before
 * discounts, and the line's discount as an amount (a coupon's share; 0 for none), which Counterpoint
 * keeps in PS_DOC_DISC and subtracts once in TOT_LIN_DISC.
 */
public record DocumentLine(String itemNo, String dim1, String dim2, String dim3, BigDecimal quantity, BigDecimal price,
                           BigDecimal discount) {

    public DocumentLine {
        Check.code("lines.itemNo", itemNo, 20);
        dim1 = dimension("lines.dim1", dim1);
        dim2 = dimension("lines.dim2", dim2);
        dim3 = dimension("lines.dim3", dim3);
        Check.amount("lines.quantity", quantity, true);
        Check.amount("lines.price", price, false);
        discount = Check.amount("lines.discount", discount == null ? BigDecimal.ZERO : discount, false);
        if (discount.scale() > 2) {
            throw new InvalidParameterException("lines.discount", "must be in cents");
        }
        if (discount.compareTo(quantity.multiply(price).setScale(2, RoundingMode.HALF_UP)) > 0) {
            throw new InvalidParameterException("lines.discount", "is more than the line's amount");
        }
    }

    /** A line without discount. */
    public DocumentLine(String itemNo, String dim1, String dim2, String dim3, BigDecimal quantity, BigDecimal price) {
        this(itemNo, dim1, dim2, dim3, quantity, price, BigDecimal.ZERO);
    }

    public static DocumentLine of(String itemNo, int quantity, String price) {
        return new DocumentLine(itemNo, "*", "*", "*", BigDecimal.valueOf(quantity), new BigDecimal(price));
    }

    private static String dimension(String field, String value) {
        return value == null || value.equals("*") ? "*" : Check.code(field, value, 15);
    }
}
