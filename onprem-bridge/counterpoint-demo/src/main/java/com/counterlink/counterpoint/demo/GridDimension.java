package com.counterlink.counterpoint.demo;

import java.util.List;
import java.util.Random;

/** A grid dimension of the demo catalog and the values an item may use from it. */
enum GridDimension {
    SIZE(List.of("XS", "S", "M", "L", "XL", "XXL")),
    COLOR(List.of("BLACK", "NAVY", "RED", "WHITE", "GREEN")),
    WIDTH(List.of("REG", "WIDE"));

    private final List<String> values;

    GridDimension(List<String> values) {
        this.values = values;
    }

    String tag() {
        return name();
    }

    int size() {
        return values.size();
    }

    /** A run of {@code count} neighbouring values starting at a random one. */
    List<String> pick(Random random, int count) {
        int start = random.nextInt(values.size() - count + 1);
        return values.subList(start, start + count);
    }

    /** A run of 2..4 neighbouring values (e.g. S, M, L), as a retailer would stock. */
    List<String> pick(Random random) {
        int count = Math.min(values.size(), 2 + random.nextInt(3));
        int start = random.nextInt(values.size() - count + 1);
        return values.subList(start, start + count);
    }
}
