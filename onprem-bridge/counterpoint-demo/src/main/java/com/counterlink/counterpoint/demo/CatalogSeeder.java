package com.counterlink.counterpoint.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeds items with prices, barcodes, stock per location (and per grid cell), web descriptions and
 * web categories. One pass over the items keeps memory flat whatever the item count.
 */
final class CatalogSeeder {
    private static final String USER = "MGR";
    private static final List<String> ADJECTIVES = List.of(
            "Classic", "Trail", "Coastal", "Urban", "Heritage", "Summit", "Nordic", "Everyday", "Pro", "Vintage");
    private static final List<String> HTML_FEATURES = List.of(
            "Größe wie angegeben – fällt normal aus",
            "Café-crème colourway, 100 % coton",
            "日本製の生地 / Japanese fabric",
            "Résistant à l'eau ✓",
            "Bestseller 🚀 since 2019",
            "Fits \"true to size\" & machine washable <30°C>");
    private static final List<DemoCategory> GRIDDABLE = List.of(DemoCategory.values()).stream().filter(DemoCategory::griddable).toList();

    private final Random random;
    private final LocalDateTime maintained;
    private long upcCounter = 40_000_000_000L;

    CatalogSeeder(Random random, LocalDateTime maintained) {
        this.random = random;
        this.maintained = maintained;
    }

    record Counts(int items, int griddedItems, int ecommerceItems, long cells) {
    }

    Counts seed(Connection connection, CatalogShape shape) throws SQLException {
        seedWebCategories(connection);
        int itemCount = shape.items();
        int gridded = 0;
        int ecommerce = 0;
        try (CatalogWriters out = new CatalogWriters(connection)) {
            for (int n = 1; n <= itemCount; n++) {
                DemoItem item = switch (shape) {
                    case CatalogShape.DemoMix mix -> nextItem(n);
                    case CatalogShape.Exact exact -> nextItem(n, exact);
                };
                writeItem(out, item);
                gridded += item.gridded() ? 1 : 0;
                ecommerce += item.ecommerce() ? 1 : 0;
            }
            return new Counts(itemCount, gridded, ecommerce, out.cells.inserted());
        }
    }

    private record DemoItem(String itemNo, String descr, DemoCategory category, boolean inventory, boolean ecommerce,
                            List<GridDimension> dimensions, List<List<String>> dimensionValues,
                            BigDecimal regularPrice, BigDecimal price1, BigDecimal price2, BigDecimal price3) {
        boolean gridded() {
            return !dimensions.isEmpty();
        }
    }

    private DemoItem nextItem(int n) {
        DemoCategory category = DemoCategory.values()[random.nextInt(DemoCategory.values().length)];
        String noun = category.nouns().get(random.nextInt(category.nouns().size()));
        String descr = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + " " + noun;
        boolean inventory = random.nextInt(50) != 0;
        boolean gridded = inventory && category.griddable() && random.nextInt(100) < 45;
        List<GridDimension> dimensions = gridded ? pickDimensions() : List.of();
        List<List<String>> values = dimensions.stream().map(d -> d.pick(random)).toList();
        boolean ecommerce = inventory && random.nextInt(100) < 60;
        return priced(n, descr, category, inventory, ecommerce, dimensions, values);
    }

    /** An item of an exact shape: on the web, stocked, and gridded with the shape's cells when the shape says so. */
    private DemoItem nextItem(int n, CatalogShape.Exact shape) {
        boolean gridded = shape.isGridded(n);
        List<DemoCategory> categories = gridded ? GRIDDABLE : List.of(DemoCategory.values());
        DemoCategory category = categories.get(random.nextInt(categories.size()));
        String noun = category.nouns().get(random.nextInt(category.nouns().size()));
        String descr = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + " " + noun;
        List<Integer> valuesPerDimension = gridded ? shape.valuesPerDimension() : List.of();
        List<GridDimension> dimensions = List.of(GridDimension.values()).subList(0, valuesPerDimension.size());
        List<List<String>> values = new ArrayList<>();
        for (int d = 0; d < dimensions.size(); d++) {
            values.add(dimensions.get(d).pick(random, valuesPerDimension.get(d)));
        }
        return priced(n, descr, category, true, true, dimensions, values);
    }

    private DemoItem priced(int n, String descr, DemoCategory category, boolean inventory, boolean ecommerce,
                            List<GridDimension> dimensions, List<List<String>> values) {
        BigDecimal regular = BigDecimal.valueOf(5 + random.nextInt(195)).add(new BigDecimal("0.99"));
        BigDecimal price1 = random.nextInt(5) == 0 ? percentOf(regular, 90) : regular;
        BigDecimal price2 = random.nextInt(10) < 3 ? percentOf(regular, 80) : null;
        BigDecimal price3 = percentOf(regular, 60);
        String itemNo = String.format("%s-%05d", category.itemPrefix(), n);
        return new DemoItem(itemNo, descr, category, inventory, ecommerce, dimensions, values, regular, price1, price2, price3);
    }

    private List<GridDimension> pickDimensions() {
        int roll = random.nextInt(100);
        int count = roll < 50 ? 1 : roll < 85 ? 2 : 3;
        return List.of(GridDimension.values()).subList(0, count);
    }

    private static BigDecimal percentOf(BigDecimal amount, int percent) {
        return amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    private void writeItem(CatalogWriters out, DemoItem item) throws SQLException {
        String upc = item.gridded() || random.nextBoolean() ? null : nextUpc();
        out.items.add(item.itemNo(), item.descr(), item.descr().toUpperCase(), item.descr() + " by Counterlink Demo",
                item.inventory() ? "I" : "N", item.category().code(), item.gridded() ? "G" : "N",
                item.dimensions().size(), tag(item, 0), tag(item, 1), tag(item, 2),
                item.price1(), item.regularPrice(), percentOf(item.regularPrice(), 45), upc,
                BigDecimal.valueOf(1 + random.nextInt(40), 1), item.ecommerce() ? "Y" : "N", maintained, USER);
        out.prices.add(item.itemNo(), item.regularPrice(), item.price1(), item.price2(), item.price3(), maintained, USER);
        out.barcodes.add(item.itemNo(), item.itemNo(), "ITEM", "*", "*", "*", maintained);
        if (upc != null) {
            out.barcodes.add(item.itemNo(), upc, "UPC", "*", "*", "*", maintained);
        }
        if (item.inventory()) {
            writeStock(out, item);
        }
        if (item.ecommerce()) {
            out.webDescriptions.add(item.itemNo(), htmlDescription(item), maintained);
            out.webCategoryItems.add(item.category().ecommerceCategoryId(), item.itemNo(), 0, maintained);
            if (item.price2() != null) {
                out.webCategoryItems.add(DemoCategory.SALE_EC_CATEG_ID, item.itemNo(), 0, maintained);
            }
        }
    }

    private static String tag(DemoItem item, int index) {
        return index < item.dimensions().size() ? item.dimensions().get(index).tag() : null;
    }

    private void writeStock(CatalogWriters out, DemoItem item) throws SQLException {
        List<GridCell> cells = item.gridded() ? cartesian(item.dimensionValues()) : List.of();
        if (item.gridded()) {
            for (GridCell cell : cells) {
                out.barcodes.add(item.itemNo(), nextUpc(), "UPC", cell.dim1(), cell.dim2(), cell.dim3(), maintained);
            }
        }
        for (String location : DemoStoreSetup.LOCATIONS) {
            int maxOnHand = location.equals(DemoStoreSetup.WEB_LOCATION) ? 15 : 40;
            BigDecimal totalOnHand = BigDecimal.ZERO;
            BigDecimal totalCommitted = BigDecimal.ZERO;
            if (item.gridded()) {
                for (GridCell cell : cells) {
                    BigDecimal onHand = BigDecimal.valueOf(random.nextInt(maxOnHand / 3 + 1));
                    BigDecimal committed = committedOutOf(onHand);
                    out.cells.add(item.itemNo(), location, cell.dim1(), cell.dim2(), cell.dim3(), onHand, committed, maintained, USER);
                    totalOnHand = totalOnHand.add(onHand);
                    totalCommitted = totalCommitted.add(committed);
                }
            } else {
                totalOnHand = random.nextInt(10) == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(random.nextInt(maxOnHand + 1));
                totalCommitted = committedOutOf(totalOnHand);
            }
            out.inventory.add(item.itemNo(), location, BigDecimal.valueOf(2), BigDecimal.valueOf(maxOnHand),
                    totalOnHand, totalCommitted, percentOf(item.regularPrice(), 45), maintained, USER);
        }
    }

    private BigDecimal committedOutOf(BigDecimal onHand) {
        if (onHand.signum() == 0 || random.nextInt(5) != 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(1 + random.nextInt(Math.min(3, onHand.intValue())));
    }

    static List<GridCell> cartesian(List<List<String>> dimensionValues) {
        List<List<String>> combinations = List.of(List.of());
        for (List<String> values : dimensionValues) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : combinations) {
                for (String value : values) {
                    List<String> combination = new ArrayList<>(prefix);
                    combination.add(value);
                    next.add(combination);
                }
            }
            combinations = next;
        }
        return combinations.stream().map(c -> GridCell.of(c.toArray(String[]::new))).toList();
    }

    private String htmlDescription(DemoItem item) {
        String first = HTML_FEATURES.get(random.nextInt(HTML_FEATURES.size()));
        String second = HTML_FEATURES.get(random.nextInt(HTML_FEATURES.size()));
        return "<h2>" + escape(item.descr()) + "</h2><p>" + escape(item.category().description())
                + " from our demo range.</p><ul><li>" + escape(first) + "</li><li>" + escape(second) + "</li></ul>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A 12-digit UPC-A with a valid check digit. */
    private String nextUpc() {
        String body = String.format("%011d", upcCounter++);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return body + (10 - sum % 10) % 10;
    }

    private void seedWebCategories(Connection connection) throws SQLException {
        try (BatchInserter categories = new BatchInserter(connection, "EC_CATEG",
                "CATEG_ID", "DESCR", "DESCR_UPR", "HTML_DESCR", "DISP_SEQ_NO", "LST_MAINT_DT")) {
            int sequence = 1;
            for (DemoCategory category : DemoCategory.values()) {
                categories.add(category.ecommerceCategoryId(), category.description(), category.description().toUpperCase(),
                        "<p>" + category.description() + "</p>", sequence++, maintained);
            }
            categories.add(DemoCategory.SALE_EC_CATEG_ID, DemoCategory.SALE_EC_CATEG_NAME,
                    DemoCategory.SALE_EC_CATEG_NAME.toUpperCase(), "<p>Prix réduits ✨</p>", sequence, maintained);
        }
    }

    /** The batch writers for every catalog table, opened together so one pass can fill them all. */
    private static final class CatalogWriters implements AutoCloseable {
        final BatchInserter items;
        final BatchInserter prices;
        final BatchInserter barcodes;
        final BatchInserter inventory;
        final BatchInserter cells;
        final BatchInserter webDescriptions;
        final BatchInserter webCategoryItems;

        CatalogWriters(Connection connection) throws SQLException {
            items = new BatchInserter(connection, "IM_ITEM",
                    "ITEM_NO", "DESCR", "DESCR_UPR", "LONG_DESCR", "ITEM_TYP", "CATEG_COD", "TRK_METH", "DIM_COUNT",
                    "GRID_DIM_1_TAG", "GRID_DIM_2_TAG", "GRID_DIM_3_TAG", "PRC_1", "REG_PRC", "LST_COST", "BARCOD",
                    "WEIGHT", "IS_ECOMM_ITEM", "LST_MAINT_DT", "LST_MAINT_USR_ID");
            prices = new BatchInserter(connection, "IM_PRC",
                    "ITEM_NO", "REG_PRC", "PRC_1", "PRC_2", "PRC_3", "LST_MAINT_DT", "LST_MAINT_USR_ID");
            barcodes = new BatchInserter(connection, "IM_BARCOD",
                    "ITEM_NO", "BARCOD", "BARCOD_ID", "DIM_1_UPR", "DIM_2_UPR", "DIM_3_UPR", "LST_MAINT_DT");
            inventory = new BatchInserter(connection, "IM_INV",
                    "ITEM_NO", "LOC_ID", "MIN_QTY", "MAX_QTY", "QTY_ON_HND", "QTY_COMMIT", "LST_COST",
                    "LST_MAINT_DT", "LST_MAINT_USR_ID");
            cells = new BatchInserter(connection, "IM_INV_CELL",
                    "ITEM_NO", "LOC_ID", "DIM_1_UPR", "DIM_2_UPR", "DIM_3_UPR", "QTY_ON_HND", "QTY_COMMIT",
                    "LST_MAINT_DT", "LST_MAINT_USR_ID");
            webDescriptions = new BatchInserter(connection, "EC_ITEM_DESCR", "ITEM_NO", "HTML_DESCR", "LST_MAINT_DT");
            webCategoryItems = new BatchInserter(connection, "EC_CATEG_ITEM", "CATEG_ID", "ITEM_NO", "ENTRY_SEQ_NO", "LST_MAINT_DT");
        }

        @Override
        public void close() throws SQLException {
            for (BatchInserter writer : List.of(items, prices, barcodes, inventory, cells, webDescriptions, webCategoryItems)) {
                writer.close();
            }
        }
    }
}
