package com.counterlink.counterpoint.demo;

import static com.counterlink.counterpoint.demo.TestDatabase.*;
import static org.junit.jupiter.api.Assertions.*;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CounterpointSchemaTest {
    private Connection connection;

    @BeforeEach
    void installSchema() throws SQLException {
        connection = newH2WithSchema();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void installsEveryCounterpointTableTheConnectorReadsOrWrites() throws SQLException {
        List<String> required = List.of("IM_ITEM", "IM_INV", "IM_INV_CELL", "IM_PRC", "IM_PRC_GRP", "IM_PRC_RUL",
                "IM_PRC_RUL_BRK", "IM_BARCOD", "IM_LOC", "EC_ITEM_DESCR", "EC_CATEG", "EC_CATEG_ITEM", "AR_CUST", "PS_STR",
                "PS_STA", "PS_DOC_HDR", "PS_DOC_LIN", "PS_DOC_PMT", "PS_DOC_TAX", "PS_DOC_HDR_MISC_CHRG", "PS_DOC_DISC",
                "PS_DOC_HDR_TOT", "PS_DOC_CONTACT", "PS_TKT_HIST", "PS_TKT_HIST_LIN", "PS_DRW_SESSION", "SY_PAY_COD",
                "SY_TAX_AUTH", "EC_CTL", "PS_CTL", "USR_WEB_ORD_KEY");
        for (String table : required) {
            assertTrue(tableExists(table), table + " should exist");
        }
        assertTrue(CounterpointSchema.TABLES.containsAll(required));
        assertTrue(CounterpointSchema.isInstalled(connection));
    }

    @Test
    void changeTrackedTablesCarryMaintenanceAndReplicationStamps() throws SQLException {
        for (String table : List.of("IM_ITEM", "IM_INV", "IM_INV_CELL", "IM_PRC", "EC_ITEM_DESCR", "EC_CATEG_ITEM", "AR_CUST", "PS_DOC_HDR")) {
            assertTrue(columnExists(table, "LST_MAINT_DT"), table + ".LST_MAINT_DT");
            assertTrue(columnExists(table, "RS_UTC_DT"), table + ".RS_UTC_DT");
        }
        assertTrue(columnExists("IM_ITEM", "ROW_TS"));
        assertTrue(columnExists("AR_CUST", "ROW_TS"));
    }

    @Test
    void qtyAvailIsOnHandMinusCommittedAndCannotBeWritten() throws SQLException {
        Jdbc.update(connection, "INSERT INTO IM_INV (ITEM_NO, LOC_ID, QTY_ON_HND, QTY_COMMIT, QTY_ON_PO) VALUES ('A', 'MAIN', 20, 10, 5)");
        assertEquals("10", amount(connection, "SELECT QTY_AVAIL FROM IM_INV WHERE ITEM_NO = 'A'"));
        assertEquals("15", amount(connection, "SELECT NET_QTY FROM IM_INV WHERE ITEM_NO = 'A'"));

        Jdbc.update(connection, "UPDATE IM_INV SET QTY_COMMIT = 18 WHERE ITEM_NO = 'A'");
        assertEquals("2", amount(connection, "SELECT QTY_AVAIL FROM IM_INV WHERE ITEM_NO = 'A'"));

        assertThrows(SQLException.class, () -> Jdbc.update(connection, "UPDATE IM_INV SET QTY_AVAIL = 99 WHERE ITEM_NO = 'A'"));
    }

    @Test
    void everyInsertAndUpdateIsStampedWithTheCurrentUtcTime() throws Exception {
        Jdbc.update(connection, "INSERT INTO IM_LOC (LOC_ID, DESCR) VALUES ('X', 'Somewhere')");
        LocalDateTime inserted = timestamp(connection, "SELECT RS_UTC_DT FROM IM_LOC WHERE LOC_ID = 'X'");
        LocalDateTime utcNow = LocalDateTime.now(ZoneOffset.UTC);
        assertTrue(Duration.between(inserted, utcNow).abs().toSeconds() < 60, "stamp " + inserted + " should be near " + utcNow);

        letClockTick();
        Jdbc.update(connection, "UPDATE IM_LOC SET DESCR = 'Elsewhere' WHERE LOC_ID = 'X'");
        assertTrue(timestamp(connection, "SELECT RS_UTC_DT FROM IM_LOC WHERE LOC_ID = 'X'").isAfter(inserted));
    }

    @Test
    void allRowsWrittenByOneStatementShareOneStamp() throws SQLException {
        Jdbc.update(connection, "INSERT INTO IM_LOC (LOC_ID, DESCR) VALUES ('A', 'a'), ('B', 'b'), ('C', 'c')");
        Jdbc.update(connection, "UPDATE IM_LOC SET DESCR = DESCR + '!'");
        assertEquals(1, count(connection, "SELECT COUNT(DISTINCT RS_UTC_DT) FROM IM_LOC"));
    }

    @Test
    void rowVersionGrowsWithEveryWriteOfAnItem() throws SQLException {
        Jdbc.update(connection, "INSERT INTO IM_ITEM (ITEM_NO, DESCR) VALUES ('A', 'First')");
        byte[] first = (byte[]) single(connection, "SELECT ROW_TS FROM IM_ITEM WHERE ITEM_NO = 'A'");
        Jdbc.update(connection, "UPDATE IM_ITEM SET DESCR = 'Second' WHERE ITEM_NO = 'A'");
        byte[] second = (byte[]) single(connection, "SELECT ROW_TS FROM IM_ITEM WHERE ITEM_NO = 'A'");
        assertEquals(8, second.length);
        assertTrue(java.util.Arrays.compareUnsigned(second, first) > 0);
    }

    @Test
    void aWebOrderKeyCanBeRecordedOnlyOnce() throws SQLException {
        String insert = "INSERT INTO USR_WEB_ORD_KEY (ORD_KEY, DOC_ID, TKT_NO, CREATED_UTC) VALUES (?, ?, ?, ?)";
        Jdbc.update(connection, insert, "site-1:order-1001", 100L, "W1001", LocalDateTime.now(ZoneOffset.UTC));
        assertThrows(SQLException.class,
                () -> Jdbc.update(connection, insert, "site-1:order-1001", 101L, "W1001", LocalDateTime.now(ZoneOffset.UTC)));
        assertEquals(100L, count(connection, "SELECT DOC_ID FROM USR_WEB_ORD_KEY WHERE ORD_KEY = ?", "site-1:order-1001"));
    }

    @Test
    void scriptsSplitOnGoLinesAndSkipCommentLines() {
        List<String> statements = SqlScript.split("-- a comment\nCREATE TABLE A (X INT)\nGO\n\n  go  \nSELECT 1\n");
        assertEquals(List.of("CREATE TABLE A (X INT)", "SELECT 1"), statements);
    }

    private boolean tableExists(String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(null, null, table, null)) {
            return tables.next();
        }
    }

    private boolean columnExists(String table, String column) throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, null, table, column)) {
            return columns.next();
        }
    }
}
