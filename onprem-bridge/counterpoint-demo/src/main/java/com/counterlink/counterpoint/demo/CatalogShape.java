package com.counterlink.counterpoint.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** How many items the demo catalog has and which of them come in grids. */
public sealed interface CatalogShape {
    int items();

    /** The demo's own mix: the seeder decides per item whether it is gridded, its cells and whether it is on the web. */
    record DemoMix(int items) implements CatalogShape {
        public DemoMix {
            if (items < 1) {
                throw new IllegalArgumentException("items must be at least 1, was " + items);
            }
        }
    }

    /**
     * Exactly {@code items} items, all of them e-commerce items, of which {@code gridded} (spread evenly over the
     * item numbers) have {@code cellsPerGridded} cells each, in as few dimensions as the demo's dimensions allow
     * (12 cells: 3 sizes × 4 colours). The shape of a benchmark, e.g. 50,000 / 5,000 / 12.
     */
    record Exact(int items, int gridded, int cellsPerGridded) implements CatalogShape {
        public Exact {
            if (items < 1) {
                throw new IllegalArgumentException("items must be at least 1, was " + items);
            }
            if (gridded < 0 || gridded > items) {
                throw new IllegalArgumentException("gridded items must be 0.." + items + ", was " + gridded);
            }
            if (gridded > 0 && valuesPerDimension(cellsPerGridded).isEmpty()) {
                throw new IllegalArgumentException("cells per gridded item must be a product of at most 3 factors of at most "
                        + GridDimension.SIZE.size() + ", " + GridDimension.COLOR.size() + " and " + GridDimension.WIDTH.size()
                        + " values (1..60, e.g. 12 = 3 x 4), was " + cellsPerGridded);
            }
        }

        /** Whether the n-th item (from 1) is one of the gridded ones; the gridded items are spread evenly. */
        boolean isGridded(int n) {
            return (long) n * gridded / items != (long) (n - 1) * gridded / items;
        }

        /** How many values each used dimension has, in dimension order: their product is the cells per gridded item. */
        List<Integer> valuesPerDimension() {
            return valuesPerDimension(cellsPerGridded);
        }

        /**
         * The fewest dimensions whose value counts multiply to {@code cells}, the most even split among those
         * (12: 3 × 4 rather than 6 × 2); empty when no such grid exists.
         */
        static List<Integer> valuesPerDimension(int cells) {
            List<GridDimension> dimensions = List.of(GridDimension.values());
            for (int used = 1; used <= dimensions.size(); used++) {
                List<Integer> best = evenest(cells, dimensions.subList(0, used), new ArrayList<>(), List.of());
                if (!best.isEmpty()) {
                    return best;
                }
            }
            return List.of();
        }

        private static List<Integer> evenest(int remaining, List<GridDimension> dimensions, List<Integer> chosen, List<Integer> best) {
            if (dimensions.isEmpty()) {
                boolean better = best.isEmpty() || Collections.max(chosen) < Collections.max(best);
                return remaining == 1 && better ? List.copyOf(chosen) : best;
            }
            // one value only in a grid of one cell: a dimension with a single value would add nothing
            int fewest = chosen.isEmpty() && dimensions.size() == 1 ? 1 : 2;
            for (int values = fewest; values <= Math.min(dimensions.getFirst().size(), remaining); values++) {
                if (remaining % values == 0) {
                    chosen.add(values);
                    best = evenest(remaining / values, dimensions.subList(1, dimensions.size()), chosen, best);
                    chosen.removeLast();
                }
            }
            return best;
        }
    }
}
