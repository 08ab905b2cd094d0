package com.counterlink.counterpoint.demo;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One cell of a gridded item: up to three dimension values, {@code '*'} for an unused dimension. */
public record GridCell(String dim1, String dim2, String dim3) {
    public static final String UNUSED = "*";
    /** The cell of a non-gridded item. */
    public static final GridCell NONE = new GridCell(UNUSED, UNUSED, UNUSED);

    public GridCell {
        Objects.requireNonNull(dim1);
        Objects.requireNonNull(dim2);
        Objects.requireNonNull(dim3);
    }

    /** A cell from the used dimensions in order; the rest become {@code '*'}. */
    public static GridCell of(String... usedDimensions) {
        if (usedDimensions.length > 3) {
            throw new IllegalArgumentException("Counterpoint grids have at most 3 dimensions");
        }
        String[] dims = Arrays.copyOf(usedDimensions, 3);
        return new GridCell(orUnused(dims[0]), orUnused(dims[1]), orUnused(dims[2]));
    }

    public boolean isNone() {
        return equals(NONE);
    }

    /** The readable cell label, e.g. {@code "M / RED"}, as written to CELL_DESCR. */
    public String description() {
        return Stream.of(dim1, dim2, dim3).filter(d -> !d.equals(UNUSED)).collect(Collectors.joining(" / "));
    }

    private static String orUnused(String value) {
        return value == null ? UNUSED : value;
    }
}
