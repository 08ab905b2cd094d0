package com.counterlink.bridge.protocol.operations;

import com.counterlink.bridge.protocol.Check;

import java.math.BigDecimal;

/** A sale line: the item, its grid cell ('*' for unused dimensions), quantity and unit price. */
public record DocumentLine(String itemNo, String dim1, String dim2, String dim3, BigDecimal quantity, BigDecimal price) {

    public DocumentLine {
        Check.code("lines.itemNo", itemNo, 20);
        dim1 = dimension("lines.dim1", dim1);
        dim2 = dimension("lines.dim2", dim2);
        dim3 = dimension("lines.dim3", dim3);
        Check.amount("lines.quantity", quantity, true);
        Check.amount("lines.price", price, false);
    }

    public static DocumentLine of(String itemNo, int quantity, String price) {
        return new DocumentLine(itemNo, "*", "*", "*", BigDecimal.valueOf(quantity), new BigDecimal(price));
    }

    private static String dimension(String field, String value) {
        return value == null || value.equals("*") ? "*" : Check.code(field, value, 15);
    }
}
