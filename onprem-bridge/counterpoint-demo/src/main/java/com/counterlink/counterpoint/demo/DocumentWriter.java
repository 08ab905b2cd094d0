package com.counterlink.counterpoint.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.UUID;

/** Writes a {@link DocumentDraft} into PS_DOC_HDR, _LIN, _HDR_MISC_CHRG, _TAX, _HDR_TOT and _PMT. */
final class DocumentWriter {
    /** Counterpoint DOC_IDs are large bigints; start the demo's above any small hand-made ids. */
    private static final long FIRST_DOC_ID = 100_000_000_001L;

    private final Connection connection;
    private final InventoryAdjuster inventory;

    DocumentWriter(Connection connection) {
        this.connection = connection;
        this.inventory = new InventoryAdjuster(connection);
    }

    long open(DocumentDraft draft, LocalDateTime now) throws SQLException {
        long docId = nextDocId();
        String stockLocation = stockLocationOf(draft.storeId());
        Jdbc.update(connection, "INSERT INTO PS_DOC_HDR (DOC_ID, DOC_GUID, DOC_TYP, TKT_TYP, STR_ID, STA_ID, TKT_NO, DRW_ID,"
                        + " DRW_SESSION_ID, CUST_NO, TAX_COD, NORM_TAX_COD, USR_ID, STK_LOC_ID, PRC_LOC_ID, SAL_LINS, ORD_LINS,"
                        + " SAL_LIN_TOT, IS_DOC_COMMITTED, TKT_DT, LST_MAINT_DT, LST_MAINT_USR_ID)"
                        + " VALUES (?, ?, ?, 'T', ?, ?, ?, ?, 1, ?, ?, ?, 'WEB', ?, ?, ?, ?, ?, ?, ?, ?, 'WEB')",
                docId, UUID.randomUUID().toString(), String.valueOf(draft.docType()), draft.storeId(), draft.stationId(), draft.ticketNo(),
                draft.drawerId(), draft.customerNo(), draft.taxCode(), draft.taxCode(), stockLocation, stockLocation,
                draft.docType() == 'T' ? draft.lines().size() : 0, draft.docType() == 'O' ? draft.lines().size() : 0,
                draft.subtotal(), draft.commitsQuantities() ? "Y" : "N", now, now);
        int sequence = 1;
        for (DocumentLine line : draft.lines()) {
            writeLine(docId, sequence++, draft, line, stockLocation, now);
        }
        writeTotals(docId, draft, now);
        return docId;
    }

    private void writeLine(long docId, int sequence, DocumentDraft draft, DocumentLine line, String stockLocation,
                           LocalDateTime now) throws SQLException {
        try (PreparedStatement item = connection.prepareStatement(
                "SELECT DESCR, CATEG_COD, REG_PRC, PRC_1, LST_COST, IS_TXBL FROM IM_ITEM WHERE ITEM_NO = ?")) {
            item.setString(1, line.itemNo());
            try (ResultSet row = item.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalArgumentException("No item " + line.itemNo());
                }
                BigDecimal cost = row.getBigDecimal("LST_COST");
                Jdbc.update(connection, "INSERT INTO PS_DOC_LIN (DOC_ID, LIN_SEQ_NO, LIN_TYP, LIN_GUID, ITEM_NO, DESCR,"
                                + " DIM_1_UPR, DIM_2_UPR, DIM_3_UPR, CELL_DESCR, CATEG_COD, QTY_SOLD, QTY_TO_REL, PRC, REG_PRC,"
                                + " PRC_1, CALC_PRC, EXT_PRC, GROSS_EXT_PRC, UNIT_COST, EXT_COST, STK_LOC_ID, PRC_LOC_ID, IS_TXBL,"
                                + " HAS_PRC_OVRD, USR_ENTD_PRC, LST_MAINT_DT)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Y', 'Y', ?)",
                        docId, sequence, String.valueOf(draft.lineType()), UUID.randomUUID().toString(), line.itemNo(), row.getString("DESCR"),
                        line.cell().dim1(), line.cell().dim2(), line.cell().dim3(),
                        line.cell().isNone() ? null : line.cell().description(), row.getString("CATEG_COD"),
                        line.quantity(), draft.docType() == 'O' ? line.quantity() : BigDecimal.ZERO, line.price(),
                        row.getBigDecimal("REG_PRC"), row.getBigDecimal("PRC_1"), line.price(), line.extendedPrice(),
                        line.extendedPrice(), cost, cost.multiply(line.quantity()).setScale(2, java.math.RoundingMode.HALF_UP),
                        stockLocation, stockLocation, row.getString("IS_TXBL"), now);
            }
        }
        if (draft.commitsQuantities()) {
            inventory.adjust(line.itemNo(), stockLocation, line.cell(), BigDecimal.ZERO, line.quantity(), now);
        }
    }

    private void writeTotals(long docId, DocumentDraft draft, LocalDateTime now) throws SQLException {
        String totalType = draft.docType() == 'O' ? "O" : "S";
        if (draft.shipping().signum() != 0) {
            Jdbc.update(connection, "INSERT INTO PS_DOC_HDR_MISC_CHRG (DOC_ID, TOT_TYP, MISC_CHRG_NO, MISC_TYP, MISC_AMT)"
                    + " VALUES (?, ?, ?, 'A', ?)", docId, totalType, DemoStoreSetup.SHIPPING_MISC_CHARGE_NO, draft.shipping());
        }
        if (draft.taxAmount().signum() != 0) {
            Jdbc.update(connection, "INSERT INTO PS_DOC_TAX (DOC_ID, AUTH_COD, RUL_COD, TAX_DOC_PART, LIN_AMT, TXBL_LIN_AMT,"
                            + " TAX_AMT, NORM_TAX_AMT, TOT_TXBL_AMT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    docId, DemoStoreSetup.WEB_TAX_AUTHORITY, DemoStoreSetup.WEB_TAX_AUTHORITY, totalType, draft.subtotal(),
                    draft.subtotal(), draft.taxAmount(), draft.taxAmount(), draft.subtotal());
        }
        Jdbc.update(connection, "INSERT INTO PS_DOC_HDR_TOT (DOC_ID, TOT_TYP, SUB_TOT, TAX_AMT, NORM_TAX_AMT, TOT_MISC, TOT_TND,"
                        + " TOT, AMT_DUE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
                docId, totalType, draft.subtotal(), draft.taxAmount(), draft.taxAmount(), draft.shipping(), draft.total(), draft.total());
        Jdbc.update(connection, "INSERT INTO PS_DOC_PMT (DOC_ID, PMT_SEQ_NO, PAY_COD, PAY_COD_TYP, AMT, HOME_CURNCY_AMT,"
                        + " FINAL_PMT, SECURE_ECOMM_TRX) VALUES (?, 1, ?, 'O', ?, ?, 'Y', 'Y')",
                docId, draft.payCode(), draft.total(), draft.total());
    }

    private String stockLocationOf(String storeId) throws SQLException {
        return Jdbc.requiredString(connection, "SELECT STK_LOC_ID FROM PS_STR WHERE STR_ID = ?", "No store " + storeId, storeId);
    }

    private long nextDocId() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT MAX(DOC_ID) FROM (SELECT DOC_ID FROM PS_DOC_HDR UNION ALL SELECT DOC_ID FROM PS_TKT_HIST) ids");
             ResultSet row = select.executeQuery()) {
            row.next();
            long max = row.getLong(1);
            return Math.max(max + 1, FIRST_DOC_ID);
        }
    }
}
