package com.counterlink.counterpoint.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Items as retailers really have them, beside the tidy demo catalog (option {@code --odd-items}): item
 * numbers with accents, a space and a slash, which Counterpoint's VARCHAR(20) ITEM_NO allows, and a
 * non-inventory item (ITEM_TYP 'N', shared/reference/counterpoint.md 1.1), an admission ticket that
 * has no stock rows, and twins: items whose numbers differ only by an accent ({@code CAFE-01} beside
 * {@code CAFÉ-01}) or by case ({@code TEE-1}, {@code tee-1}), which WooCommerce takes for one SKU, and an
 * item flagged for the web before it has a price.
 */
public final class OddItems {

    public static final String ACCENTED = "CAFÉ-01";
    public static final String SPACED = "FID 1/2 Ünï";
    /** Non-inventory: Counterpoint tracks no stock for it, so it has no IM_INV rows. */
    public static final String SERVICE = "ADMISSION-ADULT";
    /** On the web before anyone gave it a price (0.00 at every level). */
    public static final String NO_PRICE = "GIFT-BOX";
    /** {@link #ACCENTED} without its accent: another item in Counterpoint, the same SKU in WooCommerce. */
    public static final String ACCENT_TWIN = "CAFE-01";
    /** Two items whose numbers differ only by case: one SKU in WooCommerce. */
    public static final String CASE_TWIN_UPPER = "TEE-1";
    public static final String CASE_TWIN_LOWER = "tee-1";

    private static final String USER = "MGR";

    private record Odd(String itemNo, String description, DemoCategory category, boolean inventory, BigDecimal price,
                       int onHand, String html) {
    }

    private static final List<Odd> ITEMS = List.of(
            new Odd(ACCENTED, "Café crème 250 g", DemoCategory.GIFTS, true, new BigDecimal("9.50"), 12,
                    "<p>Café crème, torréfié à Lyon ☕</p>"),
            new Odd(SPACED, "Fidget ½ Ünïcorn", DemoCategory.ACCESS, true, new BigDecimal("4.99"), 5,
                    "<p>Half-size fidget toy, Ünïcorn edition</p>"),
            new Odd(SERVICE, "Admission – adult", DemoCategory.GIFTS, false, new BigDecimal("24.00"), 0,
                    "<p>One adult admission, valid on any day of the season</p>"),
            new Odd(NO_PRICE, "Gift box, large", DemoCategory.GIFTS, true, BigDecimal.ZERO, 10, "<p>A large gift box</p>"));

    /** Added after the items above (each a moment later), as a retailer adds a twin after the item it twins. */
    private static final List<Odd> LATER = List.of(
            new Odd(ACCENT_TWIN, "Cafe creme decaf 250 g", DemoCategory.GIFTS, true, new BigDecimal("9.90"), 6,
                    "<p>Decaffeinated, the accent forgotten in its number</p>"),
            new Odd(CASE_TWIN_UPPER, "Tee, adult", DemoCategory.GIFTS, true, new BigDecimal("15.00"), 8, "<p>Adult tee</p>"),
            new Odd(CASE_TWIN_LOWER, "Tee, kids", DemoCategory.GIFTS, true, new BigDecimal("12.00"), 8, "<p>Kids' tee</p>"));

    private OddItems() {
    }

    /** The odd items' numbers, in the order they are added. */
    public static List<String> itemNos() {
        return java.util.stream.Stream.concat(ITEMS.stream(), LATER.stream()).map(Odd::itemNo).toList();
    }

    /** Adds the odd items the database does not have yet, in one transaction; answers how many it added. */
    public static int add(Connection connection, LocalDateTime maintained) throws SQLException {
        return Transactions.call(connection, () -> {
            int added = 0;
            for (Odd item : ITEMS) {
                if (Jdbc.requiredString(connection, "SELECT COUNT(*) FROM IM_ITEM WHERE ITEM_NO = ?", "", item.itemNo()).equals("0")) {
                    insert(connection, item, maintained);
                    added++;
                }
            }
            for (Odd item : LATER) {
                if (Jdbc.requiredString(connection, "SELECT COUNT(*) FROM IM_ITEM WHERE ITEM_NO = ?", "", item.itemNo()).equals("0")) {
                    pause(); // a later change stamp (RS_UTC_DT is the statement's start): the sync meets it after its twin
                    insert(connection, item, maintained);
                    added++;
                }
            }
            return added;
        });
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void insert(Connection connection, Odd item, LocalDateTime maintained) throws SQLException {
        Jdbc.update(connection, "INSERT INTO IM_ITEM (ITEM_NO, DESCR, DESCR_UPR, LONG_DESCR, ITEM_TYP, CATEG_COD, TRK_METH, PRC_1,"
                        + " REG_PRC, LST_COST, IS_ECOMM_ITEM, LST_MAINT_DT, LST_MAINT_USR_ID) VALUES (?, ?, ?, ?, ?, ?, 'N', ?, ?, 0, 'Y', ?, ?)",
                item.itemNo(), item.description(), item.description().toUpperCase(), item.description() + " by Counterlink Demo",
                item.inventory() ? "I" : "N", item.category().code(), item.price(), item.price(), maintained, USER);
        Jdbc.update(connection, "INSERT INTO IM_PRC (ITEM_NO, REG_PRC, PRC_1, LST_MAINT_DT, LST_MAINT_USR_ID) VALUES (?, ?, ?, ?, ?)",
                item.itemNo(), item.price(), item.price(), maintained, USER);
        Jdbc.update(connection, "INSERT INTO IM_BARCOD (ITEM_NO, BARCOD, BARCOD_ID, LST_MAINT_DT) VALUES (?, ?, 'ITEM', ?)",
                item.itemNo(), item.itemNo(), maintained);
        if (item.inventory()) {
            Jdbc.update(connection, "INSERT INTO IM_INV (ITEM_NO, LOC_ID, QTY_ON_HND, LST_MAINT_DT, LST_MAINT_USR_ID)"
                    + " SELECT ?, LOC_ID, ?, ?, ? FROM IM_LOC", item.itemNo(), item.onHand(), maintained, USER);
        }
        Jdbc.update(connection, "INSERT INTO EC_ITEM_DESCR (ITEM_NO, HTML_DESCR, LST_MAINT_DT) VALUES (?, ?, ?)",
                item.itemNo(), item.html(), maintained);
        Jdbc.update(connection, "INSERT INTO EC_CATEG_ITEM (CATEG_ID, ITEM_NO, ENTRY_SEQ_NO, LST_MAINT_DT) VALUES (?, ?, 0, ?)",
                item.category().ecommerceCategoryId(), item.itemNo(), maintained);
    }
}
