package com.counterlink.counterpoint.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * Moves on-hand and committed quantities the way Counterpoint keeps them: a gridded item's cell
 * changes together with the item's location total in IM_INV, in the caller's transaction.
 */
final class InventoryAdjuster {
    private final Connection connection;

    InventoryAdjuster(Connection connection) {
        this.connection = connection;
    }

    void adjust(String itemNo, String locId, GridCell cell, BigDecimal onHandDelta, BigDecimal committedDelta,
                LocalDateTime maintained) throws SQLException {
        boolean gridded = isGridded(itemNo);
        if (gridded && cell.isNone()) {
            throw new IllegalArgumentException(itemNo + " is gridded: name the grid cell");
        }
        if (!gridded && !cell.isNone()) {
            throw new IllegalArgumentException(itemNo + " is not gridded: it has no cell " + cell.description());
        }
        if (gridded) {
            int cells = update("UPDATE IM_INV_CELL SET QTY_ON_HND = QTY_ON_HND + ?, QTY_COMMIT = QTY_COMMIT + ?, LST_MAINT_DT = ?"
                    + " WHERE ITEM_NO = ? AND LOC_ID = ? AND DIM_1_UPR = ? AND DIM_2_UPR = ? AND DIM_3_UPR = ?",
                    onHandDelta, committedDelta, maintained, itemNo, locId, cell.dim1(), cell.dim2(), cell.dim3());
            if (cells == 0) {
                throw new IllegalArgumentException("No cell " + cell.description() + " of " + itemNo + " at " + locId);
            }
        }
        int rows = update("UPDATE IM_INV SET QTY_ON_HND = QTY_ON_HND + ?, QTY_COMMIT = QTY_COMMIT + ?, LST_MAINT_DT = ?"
                + " WHERE ITEM_NO = ? AND LOC_ID = ?", onHandDelta, committedDelta, maintained, itemNo, locId);
        if (rows == 0) {
            throw new IllegalArgumentException("No inventory of " + itemNo + " at " + locId);
        }
    }

    boolean isGridded(String itemNo) throws SQLException {
        return "G".equals(Jdbc.requiredString(connection, "SELECT TRK_METH FROM IM_ITEM WHERE ITEM_NO = ?", "No item " + itemNo, itemNo));
    }

    private int update(String sql, Object... values) throws SQLException {
        return Jdbc.update(connection, sql, values);
    }
}
