package com.counterlink.counterpoint.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Posts a document as Counterpoint's posting does: stock leaves QTY_ON_HND (and QTY_COMMIT for a
 * committed order), the document is copied to PS_TKT_HIST* and removed from PS_DOC_*, all at once.
 */
final class TicketPosting {
    private static final List<String> DOCUMENT_TABLES_CHILD_FIRST = List.of(
            "PS_DOC_LIN", "PS_DOC_PMT", "PS_DOC_TAX", "PS_DOC_HDR_MISC_CHRG", "PS_DOC_DISC", "PS_DOC_HDR_TOT",
            "PS_DOC_CONTACT", "PS_DOC_HDR");

    private final Connection connection;
    private final InventoryAdjuster inventory;

    TicketPosting(Connection connection) {
        this.connection = connection;
        this.inventory = new InventoryAdjuster(connection);
    }

    private record PostedLine(String itemNo, String locId, GridCell cell, String lineType, BigDecimal quantity) {
    }

    void post(long docId, LocalDateTime now) throws SQLException {
        boolean committed = isCommitted(docId);
        for (PostedLine line : lines(docId)) {
            boolean isReturn = line.lineType().equals("R");
            BigDecimal onHandDelta = isReturn ? line.quantity() : line.quantity().negate();
            BigDecimal committedDelta = committed && !isReturn ? line.quantity().negate() : BigDecimal.ZERO;
            inventory.adjust(line.itemNo(), line.locId(), line.cell(), onHandDelta, committedDelta, now);
        }
        LocalDateTime businessDate = now.toLocalDate().atStartOfDay();
        copyToHistory(docId, businessDate, now);
        for (String table : DOCUMENT_TABLES_CHILD_FIRST) {
            Jdbc.update(connection, "DELETE FROM " + table + " WHERE DOC_ID = ?", docId);
        }
    }

    private boolean isCommitted(long docId) throws SQLException {
        return "Y".equals(Jdbc.requiredString(connection, "SELECT IS_DOC_COMMITTED FROM PS_DOC_HDR WHERE DOC_ID = ?",
                "No unposted document " + docId, docId));
    }

    private List<PostedLine> lines(long docId) throws SQLException {
        List<PostedLine> lines = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT ITEM_NO, STK_LOC_ID, DIM_1_UPR, DIM_2_UPR, DIM_3_UPR,"
                + " LIN_TYP, QTY_SOLD FROM PS_DOC_LIN WHERE DOC_ID = ? ORDER BY LIN_SEQ_NO")) {
            select.setLong(1, docId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    lines.add(new PostedLine(rows.getString(1), rows.getString(2),
                            new GridCell(rows.getString(3), rows.getString(4), rows.getString(5)), rows.getString(6),
                            rows.getBigDecimal(7)));
                }
            }
        }
        return lines;
    }

    private void copyToHistory(long docId, LocalDateTime businessDate, LocalDateTime now) throws SQLException {
        Jdbc.update(connection, "INSERT INTO PS_TKT_HIST (DOC_ID, BUS_DAT, DOC_TYP, TKT_NO, TKT_DT, STR_ID, STA_ID, DRW_ID, CUST_NO,"
                        + " TAX_COD, TAX_OVRD_REAS, SUB_TOT, TAX_AMT, TOT_MISC, TOT, LST_MAINT_DT)"
                        + " SELECT h.DOC_ID, ?, h.DOC_TYP, h.TKT_NO, h.TKT_DT, h.STR_ID, h.STA_ID, h.DRW_ID, h.CUST_NO, h.TAX_COD,"
                        + " h.TAX_OVRD_REAS, ISNULL(t.SUB_TOT, 0), ISNULL(t.TAX_AMT, 0), ISNULL(t.TOT_MISC, 0), ISNULL(t.TOT, 0), ?"
                        + " FROM PS_DOC_HDR h LEFT JOIN PS_DOC_HDR_TOT t ON t.DOC_ID = h.DOC_ID"
                        + " AND t.TOT_TYP = CASE WHEN h.DOC_TYP = 'O' THEN 'O' ELSE 'S' END"
                        + " WHERE h.DOC_ID = ?",
                businessDate, now, docId);
        Jdbc.update(connection, "INSERT INTO PS_TKT_HIST_LIN (DOC_ID, LIN_SEQ_NO, BUS_DAT, LIN_TYP, ITEM_NO, DESCR, CELL_DESCR,"
                        + " CATEG_COD, STK_LOC_ID, QTY_SOLD, PRC, EXT_PRC, GROSS_EXT_PRC)"
                        + " SELECT DOC_ID, LIN_SEQ_NO, ?, LIN_TYP, ITEM_NO, DESCR, CELL_DESCR, CATEG_COD, STK_LOC_ID, QTY_SOLD, PRC,"
                        + " EXT_PRC, GROSS_EXT_PRC FROM PS_DOC_LIN WHERE DOC_ID = ?",
                businessDate, docId);
        Jdbc.update(connection, "INSERT INTO PS_TKT_HIST_PMT (DOC_ID, PMT_SEQ_NO, BUS_DAT, PAY_COD, AMT)"
                        + " SELECT DOC_ID, PMT_SEQ_NO, ?, PAY_COD, AMT FROM PS_DOC_PMT WHERE DOC_ID = ?",
                businessDate, docId);
    }
}
