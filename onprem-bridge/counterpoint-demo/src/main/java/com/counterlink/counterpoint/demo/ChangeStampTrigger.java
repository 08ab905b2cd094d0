package com.counterlink.counterpoint.demo;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.api.Trigger;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.util.JSR310Utils;

/**
 * H2's stand-in for SQL Server's stamping trigger: sets {@code RS_UTC_DT} to the statement's start
 * time in UTC (like {@code GETUTCDATE()} in an AFTER trigger, so all rows of one statement share a
 * stamp) and, where the table has one, fills {@code ROW_TS} like a SQL Server rowversion.
 */
public final class ChangeStampTrigger implements Trigger {
    private static final String ROW_VERSION_COLUMN = "ROW_TS";
    /**
     * Kept in Java, not in a sequence: a nested query inside fire() would restart H2's statement clock,
     * and rows of one statement would no longer share their RS_UTC_DT. Raised in init() to the highest
     * stored value, so row versions keep growing after the database is reopened.
     */
    private static final AtomicLong LAST_ROW_VERSION = new AtomicLong();

    private int stampIndex = -1;
    private int rowVersionIndex = -1;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (columns.next()) {
                String name = columns.getString("COLUMN_NAME");
                int index = columns.getInt("ORDINAL_POSITION") - 1;
                if (name.equals(ChangeStampTriggers.STAMP_COLUMN)) {
                    stampIndex = index;
                } else if (name.equals(ROW_VERSION_COLUMN)) {
                    rowVersionIndex = index;
                }
            }
        }
        if (stampIndex < 0) {
            throw new SQLException("Table " + table + " has no " + ChangeStampTriggers.STAMP_COLUMN + " column");
        }
        if (rowVersionIndex >= 0) {
            LAST_ROW_VERSION.accumulateAndGet(highestRowVersion(connection, schema, table), Math::max);
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        newRow[stampIndex] = LocalDateTime.ofInstant(statementStart(connection), ZoneOffset.UTC);
        if (rowVersionIndex >= 0) {
            newRow[rowVersionIndex] = nextRowVersion();
        }
    }

    private static Instant statementStart(Connection connection) {
        if (connection instanceof JdbcConnection jdbc && jdbc.getSession() instanceof SessionLocal session) {
            return JSR310Utils.valueToInstant(session.currentTimestamp(), session);
        }
        return Instant.now();
    }

    private static byte[] nextRowVersion() {
        return ByteBuffer.allocate(Long.BYTES).putLong(LAST_ROW_VERSION.incrementAndGet()).array();
    }

    private static long highestRowVersion(Connection connection, String schema, String table) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("SELECT MAX(" + ROW_VERSION_COLUMN + ") FROM " + schema + "." + table)) {
            byte[] highest = row.next() ? row.getBytes(1) : null;
            return highest == null ? 0 : ByteBuffer.wrap(highest).getLong();
        }
    }
}
