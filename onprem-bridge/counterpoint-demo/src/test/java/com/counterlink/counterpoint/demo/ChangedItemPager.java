package com.counterlink.counterpoint.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads IM_ITEM changes after a cursor (RS_UTC_DT, ITEM_NO) page by page, with SQL that is valid
 * T-SQL and runs unchanged on H2: no row-value comparison, the cursor's time cast to DATETIME so a
 * value read back from a DATETIME column compares equal to itself on SQL Server too.
 */
final class ChangedItemPager {
    enum PageSyntax {
        TOP("SELECT TOP (?) ITEM_NO, RS_UTC_DT FROM IM_ITEM"
                + " WHERE RS_UTC_DT > CAST(? AS DATETIME) OR (RS_UTC_DT = CAST(? AS DATETIME) AND ITEM_NO > ?)"
                + " ORDER BY RS_UTC_DT, ITEM_NO"),
        OFFSET_FETCH("SELECT ITEM_NO, RS_UTC_DT FROM IM_ITEM"
                + " WHERE RS_UTC_DT > CAST(? AS DATETIME) OR (RS_UTC_DT = CAST(? AS DATETIME) AND ITEM_NO > ?)"
                + " ORDER BY RS_UTC_DT, ITEM_NO OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY");

        private final String sql;

        PageSyntax(String sql) {
            this.sql = sql;
        }
    }

    record Cursor(LocalDateTime stamp, String itemNo) {
        static final Cursor START = new Cursor(LocalDateTime.of(1900, 1, 1, 0, 0), "");
    }

    record Result(List<String> itemNos, List<Integer> pageSizes, Cursor end) {
    }

    private final Connection connection;
    private final PageSyntax syntax;
    private final int pageSize;

    ChangedItemPager(Connection connection, PageSyntax syntax, int pageSize) {
        this.connection = connection;
        this.syntax = syntax;
        this.pageSize = pageSize;
    }

    Result readAllAfter(Cursor start) throws SQLException {
        List<String> itemNos = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        Cursor cursor = start;
        while (true) {
            int read = 0;
            try (PreparedStatement page = connection.prepareStatement(syntax.sql)) {
                bind(page, cursor);
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        cursor = new Cursor(rows.getObject(2, LocalDateTime.class), rows.getString(1));
                        itemNos.add(cursor.itemNo());
                        read++;
                    }
                }
            }
            if (read == 0) {
                return new Result(itemNos, pageSizes, cursor);
            }
            pageSizes.add(read);
        }
    }

    private void bind(PreparedStatement page, Cursor cursor) throws SQLException {
        int first = syntax == PageSyntax.TOP ? 2 : 1;
        if (syntax == PageSyntax.TOP) {
            page.setInt(1, pageSize);
        } else {
            page.setInt(4, pageSize);
        }
        page.setObject(first, cursor.stamp());
        page.setObject(first + 1, cursor.stamp());
        page.setString(first + 2, cursor.itemNo());
    }
}
