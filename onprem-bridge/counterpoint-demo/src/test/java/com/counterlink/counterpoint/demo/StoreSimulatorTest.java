package com.counterlink.counterpoint.demo;

import static com.counterlink.counterpoint.demo.TestDatabase.*;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoreSimulatorTest {
    private static final String MAIN = DemoStoreSetup.MAIN_LOCATION;
    private static final String WEB = DemoStoreSetup.WEB_LOCATION;

    private Connection connection;
    private StoreSimulator store;
    private String simpleItem;
    private String griddedItem;
    private GridCell cell;

    @BeforeEach
    void seedSmallStore() throws Exception {
        connection = newH2WithSchema();
        new CounterpointSeeder(42, TickingClock.startingAt("2025-05-01T09:00:00Z")).seed(connection, 60);
        store = new StoreSimulator(connection, TickingClock.startingAt("2025-05-02T10:00:00Z"));
        simpleItem = strings(connection, "SELECT MIN(ITEM_NO) FROM IM_ITEM WHERE TRK_METH = 'N' AND ITEM_TYP = 'I'").get(0);
        griddedItem = strings(connection, "SELECT MIN(ITEM_NO) FROM IM_ITEM WHERE TRK_METH = 'G' AND DIM_COUNT = 2").get(0);
        List<List<Object>> firstCell = rows(connection, "SELECT TOP 1 DIM_1_UPR, DIM_2_UPR, DIM_3_UPR FROM IM_INV_CELL"
                + " WHERE ITEM_NO = ? AND LOC_ID = ? ORDER BY DIM_1_UPR, DIM_2_UPR", griddedItem, WEB);
        cell = new GridCell((String) firstCell.get(0).get(0), (String) firstCell.get(0).get(1), (String) firstCell.get(0).get(2));
        letClockTick();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void receivingStockRaisesOnHandAndAvailableAndAdvancesBothChangeStamps() throws SQLException {
        String before = onHand(simpleItem, MAIN);
        LocalDateTime maintainedBefore = inventoryStamp("LST_MAINT_DT", simpleItem, MAIN);
        LocalDateTime replicatedBefore = inventoryStamp("RS_UTC_DT", simpleItem, MAIN);

        store.changeStock(simpleItem, MAIN, new BigDecimal("5"));

        assertEquals(new BigDecimal(before).add(BigDecimal.valueOf(5)).toPlainString(), onHand(simpleItem, MAIN));
        assertAvailableIsOnHandMinusCommitted();
        assertTrue(inventoryStamp("LST_MAINT_DT", simpleItem, MAIN).isAfter(maintainedBefore));
        assertTrue(inventoryStamp("RS_UTC_DT", simpleItem, MAIN).isAfter(replicatedBefore));
    }

    @Test
    void changingOneCellMovesTheCellAndTheItemsLocationTotal() throws SQLException {
        String itemTotal = onHand(griddedItem, WEB);
        String cellBefore = amount(connection, "SELECT QTY_ON_HND FROM IM_INV_CELL WHERE ITEM_NO = ? AND LOC_ID = ?"
                + " AND DIM_1_UPR = ? AND DIM_2_UPR = ? AND DIM_3_UPR = ?", griddedItem, WEB, cell.dim1(), cell.dim2(), cell.dim3());

        store.changeCellStock(griddedItem, WEB, cell, new BigDecimal("3"));

        assertEquals(new BigDecimal(cellBefore).add(BigDecimal.valueOf(3)).toPlainString(), amount(connection,
                "SELECT QTY_ON_HND FROM IM_INV_CELL WHERE ITEM_NO = ? AND LOC_ID = ? AND DIM_1_UPR = ? AND DIM_2_UPR = ? AND DIM_3_UPR = ?",
                griddedItem, WEB, cell.dim1(), cell.dim2(), cell.dim3()));
        assertEquals(new BigDecimal(itemTotal).add(BigDecimal.valueOf(3)).toPlainString(), onHand(griddedItem, WEB));
        assertEquals("*", cell.dim3());
    }

    @Test
    void aGriddedItemsStockCannotChangeWithoutNamingTheCell() {
        assertThrows(IllegalArgumentException.class, () -> store.changeStock(griddedItem, MAIN, BigDecimal.ONE));
        assertThrows(IllegalArgumentException.class, () -> store.changeCellStock(simpleItem, MAIN, GridCell.of("M"), BigDecimal.ONE));
    }

    @Test
    void changingAPriceUpdatesThePriceRecordAndTheItemAndStampsBoth() throws SQLException {
        LocalDateTime itemStamp = timestamp(connection, "SELECT RS_UTC_DT FROM IM_ITEM WHERE ITEM_NO = ?", simpleItem);

        store.changePrice(simpleItem, PriceLevel.PRC_1, new BigDecimal("12.34"));
        store.changePrice(simpleItem, PriceLevel.PRC_2, new BigDecimal("9.99"));

        assertEquals("12.34", amount(connection, "SELECT PRC_1 FROM IM_PRC WHERE ITEM_NO = ?", simpleItem));
        assertEquals("12.34", amount(connection, "SELECT PRC_1 FROM IM_ITEM WHERE ITEM_NO = ?", simpleItem));
        assertEquals("9.99", amount(connection, "SELECT PRC_2 FROM IM_PRC WHERE ITEM_NO = ?", simpleItem));
        assertTrue(timestamp(connection, "SELECT RS_UTC_DT FROM IM_ITEM WHERE ITEM_NO = ?", simpleItem).isAfter(itemStamp));
        assertEquals("SIM", single(connection, "SELECT LST_MAINT_USR_ID FROM IM_PRC WHERE ITEM_NO = ?", simpleItem));
    }

    @Test
    void flaggingAndUnflaggingForTheWebIsSeenAsAChange() throws Exception {
        LocalDateTime before = timestamp(connection, "SELECT RS_UTC_DT FROM IM_ITEM WHERE ITEM_NO = ?", simpleItem);
        store.setEcommerce(simpleItem, true);
        assertEquals("Y", single(connection, "SELECT IS_ECOMM_ITEM FROM IM_ITEM WHERE ITEM_NO = ?", simpleItem));
        LocalDateTime flagged = timestamp(connection, "SELECT RS_UTC_DT FROM IM_ITEM WHERE ITEM_NO = ?", simpleItem);
        assertTrue(flagged.isAfter(before));

        letClockTick();
        store.setEcommerce(simpleItem, false);
        assertEquals("N", single(connection, "SELECT IS_ECOMM_ITEM FROM IM_ITEM WHERE ITEM_NO = ?", simpleItem));
        assertTrue(timestamp(connection, "SELECT RS_UTC_DT FROM IM_ITEM WHERE ITEM_NO = ?", simpleItem).isAfter(flagged));
    }

    @Test
    void aNewItemGetsPricesABarcodeAndEmptyStockEverywhere() throws SQLException {
        store.addItem(new NewItem("NEW-1", "Trail Runner 2", "FOOTWEAR", new BigDecimal("89.99"), true));

        assertEquals("Y", single(connection, "SELECT IS_ECOMM_ITEM FROM IM_ITEM WHERE ITEM_NO = 'NEW-1'"));
        assertEquals("N", single(connection, "SELECT TRK_METH FROM IM_ITEM WHERE ITEM_NO = 'NEW-1'"));
        assertEquals("89.99", amount(connection, "SELECT REG_PRC FROM IM_PRC WHERE ITEM_NO = 'NEW-1'"));
        assertEquals(3, count(connection, "SELECT COUNT(*) FROM IM_INV WHERE ITEM_NO = 'NEW-1' AND QTY_ON_HND = 0 AND RS_UTC_DT IS NOT NULL"));
        assertEquals(1, count(connection, "SELECT COUNT(*) FROM IM_BARCOD WHERE ITEM_NO = 'NEW-1' AND BARCOD_ID = 'ITEM'"));
    }

    @Test
    void anOpenOrderCommitsStockAndPostingItShipsTheStockAndMovesItToHistory() throws SQLException {
        String onHandBefore = onHand(simpleItem, WEB);
        String committedBefore = amount(connection, "SELECT QTY_COMMIT FROM IM_INV WHERE ITEM_NO = ? AND LOC_ID = ?", simpleItem, WEB);
        store.changeStock(simpleItem, WEB, new BigDecimal("4"));

        long docId = store.openDocument(DocumentDraft.webOrder("W1001", "100001",
                DocumentLine.of(simpleItem, 2, "10.00")).withShipping("5.00").withTax("0.90"));

        assertEquals(plus(committedBefore, 2), amount(connection, "SELECT QTY_COMMIT FROM IM_INV WHERE ITEM_NO = ? AND LOC_ID = ?", simpleItem, WEB));
        assertAvailableIsOnHandMinusCommitted();
        assertEquals("25.9", amount(connection, "SELECT TOT FROM PS_DOC_HDR_TOT WHERE DOC_ID = ?", docId));
        assertEquals(1, count(connection, "SELECT COUNT(*) FROM PS_DOC_HDR_MISC_CHRG WHERE DOC_ID = ? AND MISC_CHRG_NO = 1", docId));

        store.postTicket(docId);

        assertEquals(plus(onHandBefore, 4 - 2), onHand(simpleItem, WEB));
        assertEquals(committedBefore, amount(connection, "SELECT QTY_COMMIT FROM IM_INV WHERE ITEM_NO = ? AND LOC_ID = ?", simpleItem, WEB));
        for (String table : List.of("PS_DOC_HDR", "PS_DOC_LIN", "PS_DOC_PMT", "PS_DOC_TAX", "PS_DOC_HDR_MISC_CHRG", "PS_DOC_HDR_TOT")) {
            assertEquals(0, count(connection, "SELECT COUNT(*) FROM " + table + " WHERE DOC_ID = ?", docId), table);
        }
        assertEquals(List.of(List.of("W1001", "100001")), rows(connection, "SELECT TKT_NO, CUST_NO FROM PS_TKT_HIST WHERE DOC_ID = ?", docId));
        assertEquals("25.9", amount(connection, "SELECT TOT FROM PS_TKT_HIST WHERE DOC_ID = ?", docId));
        assertEquals("2", amount(connection, "SELECT QTY_SOLD FROM PS_TKT_HIST_LIN WHERE DOC_ID = ?", docId));
        assertEquals("25.9", amount(connection, "SELECT AMT FROM PS_TKT_HIST_PMT WHERE DOC_ID = ?", docId));
    }

    @Test
    void aTicketTakesStockOnlyWhenPostedAndRecordsTheGridCellOnTheLine() throws Exception {
        String cellOnHand = "SELECT QTY_ON_HND FROM IM_INV_CELL WHERE ITEM_NO = ? AND LOC_ID = ? AND DIM_1_UPR = ? AND DIM_2_UPR = ? AND DIM_3_UPR = ?";
        store.changeCellStock(griddedItem, WEB, cell, new BigDecimal("2"));
        String before = amount(connection, cellOnHand, griddedItem, WEB, cell.dim1(), cell.dim2(), cell.dim3());
        String totalBefore = onHand(griddedItem, WEB);

        long docId = store.openDocument(DocumentDraft.webTicket("W1002", "100002", DocumentLine.ofCell(griddedItem, cell, 1, "20.00")));
        assertEquals(before, amount(connection, cellOnHand, griddedItem, WEB, cell.dim1(), cell.dim2(), cell.dim3()));
        LocalDateTime stampBeforePosting = inventoryStamp("RS_UTC_DT", griddedItem, WEB);

        letClockTick();
        store.postTicket(docId);

        assertEquals(plus(before, -1), amount(connection, cellOnHand, griddedItem, WEB, cell.dim1(), cell.dim2(), cell.dim3()));
        assertEquals(plus(totalBefore, -1), onHand(griddedItem, WEB));
        assertTrue(inventoryStamp("RS_UTC_DT", griddedItem, WEB).isAfter(stampBeforePosting), "posting is a stock change readers must see");
        assertEquals(cell.description(), single(connection, "SELECT CELL_DESCR FROM PS_TKT_HIST_LIN WHERE DOC_ID = ?", docId));
    }

    @Test
    void postingAnUnknownDocumentFailsWithoutChangingAnything() {
        assertThrows(IllegalArgumentException.class, () -> store.postTicket(999L));
    }

    @Test
    void aDocumentForAnUnknownItemIsRolledBackEntirely() throws SQLException {
        assertThrows(IllegalArgumentException.class, () -> store.openDocument(DocumentDraft.webOrder("W1003", "100001",
                DocumentLine.of(simpleItem, 1, "1.00"), DocumentLine.of("NO-SUCH-ITEM", 1, "1.00"))));
        assertEquals(0, count(connection, "SELECT COUNT(*) FROM PS_DOC_HDR"));
    }

    private String onHand(String itemNo, String locId) throws SQLException {
        return amount(connection, "SELECT QTY_ON_HND FROM IM_INV WHERE ITEM_NO = ? AND LOC_ID = ?", itemNo, locId);
    }

    private LocalDateTime inventoryStamp(String column, String itemNo, String locId) throws SQLException {
        return timestamp(connection, "SELECT " + column + " FROM IM_INV WHERE ITEM_NO = ? AND LOC_ID = ?", itemNo, locId);
    }

    private void assertAvailableIsOnHandMinusCommitted() throws SQLException {
        assertEquals(0, count(connection, "SELECT COUNT(*) FROM IM_INV WHERE QTY_AVAIL <> QTY_ON_HND - QTY_COMMIT"));
        assertEquals(0, count(connection, "SELECT COUNT(*) FROM IM_INV_CELL WHERE QTY_AVAIL <> QTY_ON_HND - QTY_COMMIT"));
    }

    private static String plus(String amount, int delta) {
        return new BigDecimal(amount).add(BigDecimal.valueOf(delta)).stripTrailingZeros().toPlainString();
    }
}
