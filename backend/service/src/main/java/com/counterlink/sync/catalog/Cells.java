package com.counterlink.sync.catalog;

import java.util.List;
import java.util.Objects;

/** Grid cells as the mapping and the variation SKUs name them: "DIM1|DIM2|DIM3", '*' for an unused dimension. */
public final class Cells {

    public static final String UNUSED = "*";

    private Cells() {
    }

    /** "" for a non-gridded item's stock row (all dimensions unused). */
    public static String of(String dim1, String dim2, String dim3) {
        String d1 = orUnused(dim1);
        String d2 = orUnused(dim2);
        String d3 = orUnused(dim3);
        return d1.equals(UNUSED) && d2.equals(UNUSED) && d3.equals(UNUSED) ? CatalogLink.ITEM : d1 + "|" + d2 + "|" + d3;
    }

    /** The stable SKU of a grid cell's variation, e.g. {@code TS-00012|M|RED|*}. */
    public static String variationSku(String itemNo, String cell) {
        return itemNo + "|" + cell;
    }

    public static List<String> dimensions(String cell) {
        return List.of(cell.split("\\|", -1));
    }

    private static String orUnused(String dim) {
        return dim == null || dim.isBlank() ? UNUSED : Objects.requireNonNull(dim).strip();
    }
}
