package com.counterlink.counterpoint.demo;

import static com.counterlink.counterpoint.demo.TestDatabase.*;
import static org.junit.jupiter.api.Assertions.*;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A benchmark's catalog shape (N items, G gridded with C cells each, all on the web) is seeded exactly. */
class ExactCatalogShapeTest {
    private static final CatalogShape.Exact SHAPE = new CatalogShape.Exact(600, 60, 12);

    private static Connection connection;
    private static CounterpointSeeder.SeedSummary summary;

    @BeforeAll
    static void seed() throws SQLException {
        connection = newH2WithSchema();
        summary = new CounterpointSeeder().seed(connection, SHAPE);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void seedsExactlyTheItemsAndGriddedItemsAskedFor() throws SQLException {
        assertEquals(600, count(connection, "SELECT COUNT(*) FROM IM_ITEM"));
        assertEquals(60, count(connection, "SELECT COUNT(*) FROM IM_ITEM WHERE TRK_METH = 'G'"));
        assertEquals(0, count(connection, "SELECT COUNT(*) FROM IM_ITEM WHERE TRK_METH <> 'G' AND DIM_COUNT <> 0"));
        assertEquals(600, summary.items());
        assertEquals(60, summary.griddedItems());
    }

    @Test
    void everyItemIsAStockedECommerceItem() throws SQLException {
        assertEquals(600, count(connection, "SELECT COUNT(*) FROM IM_ITEM WHERE IS_ECOMM_ITEM = 'Y' AND ITEM_TYP = 'I'"));
        assertEquals(600, summary.ecommerceItems());
        assertEquals(600, count(connection, "SELECT COUNT(DISTINCT ITEM_NO) FROM EC_ITEM_DESCR"));
    }

    @Test
    void everyGriddedItemHasTwelveDistinctCellsAtEveryLocationInATwoDimensionGrid() throws SQLException {
        assertEquals(60, count(connection, "SELECT COUNT(*) FROM IM_ITEM WHERE TRK_METH = 'G' AND DIM_COUNT = 2"
                + " AND GRID_DIM_1_TAG = 'SIZE' AND GRID_DIM_2_TAG = 'COLOR'"));
        List<List<Object>> perItemAndLocation = rows(connection, "SELECT i.ITEM_NO, l.LOC_ID,"
                + " (SELECT COUNT(DISTINCT c.DIM_1_UPR || '|' || c.DIM_2_UPR || '|' || c.DIM_3_UPR) FROM IM_INV_CELL c"
                + "   WHERE c.ITEM_NO = i.ITEM_NO AND c.LOC_ID = l.LOC_ID)"
                + " FROM IM_ITEM i CROSS JOIN (SELECT DISTINCT LOC_ID FROM IM_INV) l WHERE i.TRK_METH = 'G'");
        assertEquals(60 * DemoStoreSetup.LOCATIONS.size(), perItemAndLocation.size());
        for (List<Object> row : perItemAndLocation) {
            assertEquals(12L, ((Number) row.get(2)).longValue(), row.get(0) + " at " + row.get(1));
        }
        assertEquals(60L * 12 * DemoStoreSetup.LOCATIONS.size(), count(connection, "SELECT COUNT(*) FROM IM_INV_CELL"));
        assertEquals(60L * 12 * DemoStoreSetup.LOCATIONS.size(), summary.gridCells());
        assertEquals(60L * 3, count(connection, "SELECT COUNT(DISTINCT ITEM_NO || '|' || DIM_1_UPR) FROM IM_INV_CELL"
                + " WHERE LOC_ID = ?", DemoStoreSetup.WEB_LOCATION), "3 sizes per gridded item");
    }

    @Test
    void griddedItemsAreSpreadOverTheCatalog() throws SQLException {
        List<String> gridded = strings(connection, "SELECT ITEM_NO FROM IM_ITEM WHERE TRK_METH = 'G' ORDER BY ITEM_NO");
        assertTrue(gridded.stream().anyMatch(no -> no.endsWith("-00010")), "the 10th item is gridded: " + gridded);
        assertTrue(gridded.stream().anyMatch(no -> no.endsWith("-00600")), "the last item is gridded");
    }

    @Test
    void picksTheFewestDimensionsAndTheMostEvenSplit() {
        assertEquals(List.of(3, 4), CatalogShape.Exact.valuesPerDimension(12));
        assertEquals(List.of(6), CatalogShape.Exact.valuesPerDimension(6));
        assertEquals(List.of(1), CatalogShape.Exact.valuesPerDimension(1));
        assertEquals(List.of(3, 3), CatalogShape.Exact.valuesPerDimension(9));
        assertEquals(List.of(6, 5, 2), CatalogShape.Exact.valuesPerDimension(60));
        assertEquals(List.of(), CatalogShape.Exact.valuesPerDimension(7));
    }

    @Test
    void rejectsShapesTheDemoCannotSeed() {
        assertThrows(IllegalArgumentException.class, () -> new CatalogShape.Exact(0, 0, 12));
        assertThrows(IllegalArgumentException.class, () -> new CatalogShape.Exact(10, 11, 12));
        assertThrows(IllegalArgumentException.class, () -> new CatalogShape.Exact(10, -1, 12));
        IllegalArgumentException sevenCells = assertThrows(IllegalArgumentException.class, () -> new CatalogShape.Exact(10, 5, 7));
        assertTrue(sevenCells.getMessage().contains("was 7"), sevenCells.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CatalogShape.Exact(10, 5, 61));
        assertDoesNotThrow(() -> new CatalogShape.Exact(10, 0, 0), "no gridded items, so no cells to shape");
    }
}
