package com.counterlink.counterpoint.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * Makes the Counterpoint-shaped database move like a live store. Each call is one transaction and
 * sets LST_MAINT_DT (local time, as Counterpoint's screens do); the triggers stamp RS_UTC_DT.
 */
public final class StoreSimulator {
    private static final String USER = "SIM";

    private final Connection connection;
    private final Clock clock;
    private final InventoryAdjuster inventory;

    public StoreSimulator(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
        this.inventory = new InventoryAdjuster(connection);
    }

    public StoreSimulator(Connection connection) {
        this(connection, Clock.systemDefaultZone());
    }

    /** Receives (positive) or removes (negative) stock of a non-gridded item at a location. */
    public void changeStock(String itemNo, String locId, BigDecimal delta) throws SQLException {
        changeCellStock(itemNo, locId, GridCell.NONE, delta);
    }

    /** Receives or removes stock of one grid cell; the item's location total moves with it. */
    public void changeCellStock(String itemNo, String locId, GridCell cell, BigDecimal delta) throws SQLException {
        LocalDateTime now = now();
        Transactions.run(connection, () -> inventory.adjust(itemNo, locId, cell, delta, BigDecimal.ZERO, now));
    }

    public void changePrice(String itemNo, PriceLevel level, BigDecimal price) throws SQLException {
        LocalDateTime now = now();
        Transactions.run(connection, () -> {
            int rows = Jdbc.update(connection, "UPDATE IM_PRC SET " + level.column() + " = ?, LST_MAINT_DT = ?, LST_MAINT_USR_ID = ?"
                    + " WHERE ITEM_NO = ?", price, now, USER, itemNo);
            if (rows == 0) {
                throw new IllegalArgumentException("No prices for item " + itemNo);
            }
            if (level.mirroredOnItem()) {
                updateItem(itemNo, level.column() + " = ?", price, now);
            }
        });
    }

    /** Flags (or un-flags) an item for the web store: IS_ECOMM_ITEM. */
    public void setEcommerce(String itemNo, boolean ecommerce) throws SQLException {
        LocalDateTime now = now();
        Transactions.run(connection, () -> updateItem(itemNo, "IS_ECOMM_ITEM = ?", ecommerce ? "Y" : "N", now));
    }

    /** Adds a non-gridded item with prices, its ITEM barcode and zero stock at every location. */
    public void addItem(NewItem item) throws SQLException {
        LocalDateTime now = now();
        Transactions.run(connection, () -> {
            Jdbc.update(connection, "INSERT INTO IM_ITEM (ITEM_NO, DESCR, DESCR_UPR, ITEM_TYP, CATEG_COD, TRK_METH, PRC_1, REG_PRC,"
                            + " IS_ECOMM_ITEM, ECOMM_NEW, LST_MAINT_DT, LST_MAINT_USR_ID) VALUES (?, ?, ?, 'I', ?, 'N', ?, ?, ?, 'Y', ?, ?)",
                    item.itemNo(), item.description(), item.description().toUpperCase(), item.categoryCode(),
                    item.regularPrice(), item.regularPrice(), item.ecommerce() ? "Y" : "N", now, USER);
            Jdbc.update(connection, "INSERT INTO IM_PRC (ITEM_NO, REG_PRC, PRC_1, LST_MAINT_DT, LST_MAINT_USR_ID) VALUES (?, ?, ?, ?, ?)",
                    item.itemNo(), item.regularPrice(), item.regularPrice(), now, USER);
            Jdbc.update(connection, "INSERT INTO IM_BARCOD (ITEM_NO, BARCOD, BARCOD_ID, LST_MAINT_DT) VALUES (?, ?, 'ITEM', ?)",
                    item.itemNo(), item.itemNo(), now);
            Jdbc.update(connection, "INSERT INTO IM_INV (ITEM_NO, LOC_ID, LST_MAINT_DT, LST_MAINT_USR_ID)"
                    + " SELECT ?, LOC_ID, ?, ? FROM IM_LOC", item.itemNo(), now, USER);
        });
    }

    /** Opens a ticket or order in PS_DOC_* and returns its DOC_ID; an order commits its quantities. */
    public long openDocument(DocumentDraft draft) throws SQLException {
        LocalDateTime now = now();
        return Transactions.call(connection, () -> new DocumentWriter(connection).open(draft, now));
    }

    /** Posts a document: it moves to PS_TKT_HIST* and its quantities leave stock. */
    public void postTicket(long docId) throws SQLException {
        LocalDateTime now = now();
        Transactions.run(connection, () -> new TicketPosting(connection).post(docId, now));
    }

    private void updateItem(String itemNo, String assignment, Object value, LocalDateTime now) throws SQLException {
        int rows = Jdbc.update(connection, "UPDATE IM_ITEM SET " + assignment + ", LST_MAINT_DT = ?, LST_MAINT_USR_ID = ?"
                + " WHERE ITEM_NO = ?", value, now, USER, itemNo);
        if (rows == 0) {
            throw new IllegalArgumentException("No item " + itemNo);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
