package com.counterlink.counterpoint.demo;

import static com.counterlink.counterpoint.demo.TestDatabase.*;
import static org.junit.jupiter.api.Assertions.*;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CounterpointSeederTest {
    private static final Clock SEED_TIME = Clock.fixed(Instant.parse("2025-04-15T14:30:00Z"), ZoneOffset.UTC);
    private static final int ITEMS = 400;

    private static Connection connection;
    private static CounterpointSeeder.SeedSummary summary;

    @BeforeAll
    static void seed() throws SQLException {
        connection = newH2WithSchema();
        summary = new CounterpointSeeder(CounterpointSeeder.DEFAULT_SEED, SEED_TIME).seed(connection, ITEMS);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void seedsExactlyTheRequestedNumberOfItems() throws SQLException {
        assertEquals(ITEMS, count(connection, "SELECT COUNT(*) FROM IM_ITEM"));
        assertEquals(ITEMS, summary.items());
        assertEquals(ITEMS, count(connection, "SELECT COUNT(*) FROM IM_PRC"));
        assertEquals(CounterpointSeeder.customerCountFor(ITEMS) + 2, count(connection, "SELECT COUNT(*) FROM AR_CUST"));
    }

    @Test
    void mixesSimpleAndGriddedItemsWithOneToThreeDimensions() throws SQLException {
        long gridded = count(connection, "SELECT COUNT(*) FROM IM_ITEM WHERE TRK_METH = 'G'");
        assertEquals(summary.griddedItems(), gridded);
        assertTrue(gridded > ITEMS / 10 && gridded < ITEMS / 2, "gridded: " + gridded);
        for (int dimensions = 1; dimensions <= 3; dimensions++) {
            assertTrue(count(connection, "SELECT COUNT(*) FROM IM_ITEM WHERE TRK_METH = 'G' AND DIM_COUNT = ?", dimensions) > 0,
                    "items with " + dimensions + " dimensions");
        }
        assertEquals(0, count(connection, "SELECT COUNT(*) FROM IM_ITEM WHERE TRK_METH = 'N' AND DIM_COUNT <> 0"));
    }

    @Test
    void gridCellsUseStarForEveryUnusedDimensionAndOnlyThere() throws SQLException {
        assertEquals(summary.gridCells(), count(connection, "SELECT COUNT(*) FROM IM_INV_CELL"));
        assertEquals(0, count(connection, "SELECT COUNT(*) FROM IM_ITEM i WHERE i.TRK_METH = 'G'"
                + " AND NOT EXISTS (SELECT 1 FROM IM_INV_CELL c WHERE c.ITEM_NO = i.ITEM_NO)"));
        assertEquals(0, count(connection, "SELECT COUNT(*) FROM IM_INV_CELL c JOIN IM_ITEM i ON i.ITEM_NO = c.ITEM_NO"
                + " WHERE i.TRK_METH <> 'G'"));
        assertEquals(0, count(connection, "SELECT COUNT(*) FROM IM_INV_CELL c JOIN IM_ITEM i ON i.ITEM_NO = c.ITEM_NO WHERE"
                + " (c.DIM_1_UPR = '*')"
                + " OR (i.DIM_COUNT >= 2 AND c.DIM_2_UPR = '*') OR (i.DIM_COUNT < 2 AND c.DIM_2_UPR <> '*')"
                + " OR (i.DIM_COUNT = 3 AND c.DIM_3_UPR = '*') OR (i.DIM_COUNT < 3 AND c.DIM_3_UPR <> '*')"));
    }

    @Test
    void griddedStockPerLocationIsTheSumOfItsCells() throws SQLException {
        assertEquals(0, count(connection, "SELECT COUNT(*) FROM IM_INV v JOIN IM_ITEM i ON i.ITEM_NO = v.ITEM_NO"
                + " WHERE i.TRK_METH = 'G' AND v.QTY_ON_HND <> (SELECT SUM(c.QTY_ON_HND) FROM IM_INV_CELL c"
                + " WHERE c.ITEM_NO = v.ITEM_NO AND c.LOC_ID = v.LOC_ID)"));
        assertEquals(0, count(connection, "SELECT COUNT(*) FROM IM_INV WHERE QTY_AVAIL <> QTY_ON_HND - QTY_COMMIT"));
        assertTrue(count(connection, "SELECT COUNT(*) FROM IM_INV WHERE QTY_COMMIT > 0") > 0, "some stock is committed");
    }

    @Test
    void everyInventoryItemIsStockedAtMainWebAndOutlet() throws SQLException {
        assertEquals(List.of("MAIN", "OUTLET", "WEB"), strings(connection, "SELECT LOC_ID FROM IM_LOC ORDER BY LOC_ID"));
        long inventoryItems = count(connection, "SELECT COUNT(*) FROM IM_ITEM WHERE ITEM_TYP = 'I'");
        assertEquals(inventoryItems * 3, count(connection, "SELECT COUNT(*) FROM IM_INV"));
        assertTrue(inventoryItems < ITEMS, "some non-inventory items exist too");
    }

    @Test
    void flagsSomeItemsForTheWebWithHtmlDescriptionsInUnicode() throws SQLException {
        long web = count(connection, "SELECT COUNT(*) FROM IM_ITEM WHERE IS_ECOMM_ITEM = 'Y'");
        assertTrue(web > ITEMS / 3 && web < ITEMS, "web items: " + web);
        assertEquals(web, count(connection, "SELECT COUNT(*) FROM EC_ITEM_DESCR"));
        assertTrue(count(connection, "SELECT COUNT(*) FROM EC_ITEM_DESCR WHERE HTML_DESCR LIKE N'%<li>%'") == web);
        List<String> html = strings(connection, "SELECT HTML_DESCR FROM EC_ITEM_DESCR");
        assertTrue(html.stream().anyMatch(h -> h.contains("日本製") || h.contains("🚀") || h.contains("Größe")), "unicode survives");
        assertEquals(DemoCategory.SALE_EC_CATEG_NAME, single(connection, "SELECT DESCR FROM EC_CATEG WHERE CATEG_ID = ?",
                DemoCategory.SALE_EC_CATEG_ID));
        assertEquals(0, count(connection, "SELECT COUNT(*) FROM IM_ITEM i WHERE i.IS_ECOMM_ITEM = 'Y'"
                + " AND NOT EXISTS (SELECT 1 FROM EC_CATEG_ITEM c WHERE c.ITEM_NO = i.ITEM_NO)"));
    }

    @Test
    void everyItemHasOneItemBarcodeAndEveryCellOfAGriddedItemHasAUpc() throws SQLException {
        assertEquals(ITEMS, count(connection, "SELECT COUNT(*) FROM IM_BARCOD WHERE BARCOD_ID = 'ITEM'"));
        assertEquals(ITEMS, count(connection, "SELECT COUNT(DISTINCT ITEM_NO) FROM IM_BARCOD WHERE BARCOD_ID = 'ITEM'"));
        assertEquals(summary.gridCells() / DemoStoreSetup.LOCATIONS.size(),
                count(connection, "SELECT COUNT(*) FROM IM_BARCOD WHERE BARCOD_ID = 'UPC' AND DIM_1_UPR <> '*'"));
    }

    @Test
    void pricesHaveSeveralLevelsAndAPromotionRunsNowWithAnotherStartingLater() throws SQLException {
        assertTrue(count(connection, "SELECT COUNT(*) FROM IM_PRC WHERE PRC_1 < REG_PRC") > 0);
        assertTrue(count(connection, "SELECT COUNT(*) FROM IM_PRC WHERE PRC_2 IS NOT NULL AND PRC_2 < PRC_1") > 0);
        assertEquals(ITEMS, count(connection, "SELECT COUNT(*) FROM IM_PRC p JOIN IM_ITEM i ON i.ITEM_NO = p.ITEM_NO"
                + " WHERE i.REG_PRC = p.REG_PRC AND i.PRC_1 = p.PRC_1"));
        LocalDateTime seededAt = LocalDateTime.now(SEED_TIME);
        assertEquals(DemoStoreSetup.ACTIVE_PROMOTION, single(connection,
                "SELECT GRP_COD FROM IM_PRC_GRP WHERE GRP_TYP = 'P' AND ENABLED = 'Y' AND BEG_DAT <= ? AND END_DAT > ?", seededAt, seededAt));
        assertEquals(DemoStoreSetup.FUTURE_PROMOTION, single(connection,
                "SELECT GRP_COD FROM IM_PRC_GRP WHERE GRP_TYP = 'P' AND BEG_DAT > ?", seededAt));
        assertEquals("20", amount(connection, "SELECT b.AMT_OR_PCT FROM IM_PRC_RUL_BRK b JOIN IM_PRC_RUL r"
                + " ON r.GRP_TYP = b.GRP_TYP AND r.GRP_COD = b.GRP_COD AND r.RUL_SEQ_NO = b.RUL_SEQ_NO WHERE b.GRP_COD = ? AND b.PRC_METH = 'D'",
                DemoStoreSetup.ACTIVE_PROMOTION));
    }

    @Test
    void customerEmailsIncludeDuplicatesInMixedCaseAndWithStraySpaces() throws SQLException {
        List<String> emails = strings(connection, "SELECT EMAIL_ADRS_1 FROM AR_CUST WHERE EMAIL_ADRS_1 IS NOT NULL");
        Map<String, Integer> byNormalised = new HashMap<>();
        emails.forEach(e -> byNormalised.merge(e.trim().toLowerCase(), 1, Integer::sum));
        assertTrue(byNormalised.values().stream().anyMatch(n -> n > 1), "some e-mails belong to several customers");
        assertTrue(emails.stream().anyMatch(e -> !e.equals(e.toLowerCase())), "some e-mails are in mixed case");
        assertTrue(emails.stream().anyMatch(e -> !e.equals(e.trim())), "some e-mails have stray spaces");
        assertTrue(count(connection, "SELECT COUNT(*) FROM AR_CUST WHERE EMAIL_ADRS_1 IS NULL") > 0, "some have no e-mail");
        assertTrue(count(connection, "SELECT COUNT(*) FROM AR_CUST WHERE IS_ECOMM_CUST = 'Y'") > 0);
    }

    @Test
    void theWebStoreHasItsStationDrawerPayCodeTaxCodeAndShippingCharge() throws SQLException {
        List<List<Object>> control = rows(connection, "SELECT STR_ID, ORD_STA_ID, ORD_DRW_ID, ORD_PAY_COD_VISA, ORD_BASE_TAX_COD,"
                + " ORD_MISC_CHRG_NO, TMPLT_CUST_NO FROM EC_CTL");
        assertEquals(List.of(List.of(DemoStoreSetup.WEB_STORE, DemoStoreSetup.WEB_STATION, DemoStoreSetup.WEB_DRAWER,
                DemoStoreSetup.WEB_PAY_CODE, DemoStoreSetup.WEB_TAX_CODE, DemoStoreSetup.SHIPPING_MISC_CHARGE_NO,
                DemoStoreSetup.WEB_TEMPLATE_CUSTOMER)), control);
        assertEquals(1, count(connection, "SELECT COUNT(*) FROM PS_STA WHERE STR_ID = ? AND STA_ID = ?", DemoStoreSetup.WEB_STORE, DemoStoreSetup.WEB_STATION));
        assertEquals(1, count(connection, "SELECT COUNT(*) FROM PS_DRW_SESSION WHERE STR_ID = ? AND DRW_ID = ?", DemoStoreSetup.WEB_STORE, DemoStoreSetup.WEB_DRAWER));
        assertEquals(1, count(connection, "SELECT COUNT(*) FROM SY_PAY_COD WHERE PAY_COD = ?", DemoStoreSetup.WEB_PAY_CODE));
        assertEquals(1, count(connection, "SELECT COUNT(*) FROM USR_TAX_COD WHERE TAX_COD = ?", DemoStoreSetup.WEB_TAX_CODE));
        assertEquals(1, count(connection, "SELECT COUNT(*) FROM AR_CUST WHERE CUST_NO = ?", DemoStoreSetup.WEB_TEMPLATE_CUSTOMER));
        assertEquals("4950", single(connection, "SELECT MISC_1_ACCT_NO FROM PS_CTL"));
        assertEquals("Y", single(connection, "SELECT USE_MISC_1 FROM PS_STR WHERE STR_ID = ?", DemoStoreSetup.WEB_STORE));
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedDifferentData() throws SQLException {
        String first = fingerprint(CounterpointSeeder.DEFAULT_SEED);
        assertEquals(first, fingerprint(CounterpointSeeder.DEFAULT_SEED));
        assertNotEquals(first, fingerprint(CounterpointSeeder.DEFAULT_SEED + 1));
    }

    @Test
    void seedsTwoThousandItemsQuickly() throws SQLException {
        try (Connection moderate = newH2WithSchema()) {
            CounterpointSeeder.SeedSummary seeded = new CounterpointSeeder(7, SEED_TIME).seed(moderate, 2_000);
            System.out.printf("Seeded 2,000 items (%d gridded, %d cells, %d customers) in %d ms%n",
                    seeded.griddedItems(), seeded.gridCells(), seeded.customers(), seeded.took().toMillis());
            assertEquals(2_000, count(moderate, "SELECT COUNT(*) FROM IM_ITEM"));
            assertTrue(seeded.took().toSeconds() < 20, "took " + seeded.took());
        }
    }

    @Test
    void rejectsAnEmptyCatalog() {
        assertThrows(IllegalArgumentException.class, () -> new CounterpointSeeder().seed(connection, 0));
    }

    private static String fingerprint(long seed) throws SQLException {
        try (Connection fresh = newH2WithSchema()) {
            new CounterpointSeeder(seed, SEED_TIME).seed(fresh, 120);
            List<List<Object>> rows = rows(fresh, "SELECT ITEM_NO, DESCR, TRK_METH, DIM_COUNT, REG_PRC, PRC_1, IS_ECOMM_ITEM FROM IM_ITEM ORDER BY ITEM_NO");
            rows.addAll(rows(fresh, "SELECT ITEM_NO, LOC_ID, DIM_1_UPR, DIM_2_UPR, DIM_3_UPR, QTY_ON_HND, QTY_COMMIT FROM IM_INV_CELL"
                    + " ORDER BY ITEM_NO, LOC_ID, DIM_1_UPR, DIM_2_UPR, DIM_3_UPR"));
            rows.addAll(rows(fresh, "SELECT ITEM_NO, LOC_ID, QTY_ON_HND FROM IM_INV ORDER BY ITEM_NO, LOC_ID"));
            rows.addAll(rows(fresh, "SELECT CUST_NO, NAM, EMAIL_ADRS_1 FROM AR_CUST ORDER BY CUST_NO"));
            rows.addAll(rows(fresh, "SELECT ITEM_NO, HTML_DESCR FROM EC_ITEM_DESCR ORDER BY ITEM_NO"));
            return Integer.toHexString(Objects.hash(rows.toArray())) + ":" + rows.size();
        }
    }
}
