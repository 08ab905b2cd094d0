package com.counterlink.counterpoint.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh in-memory H2 databases in SQL Server mode, and small query helpers for assertions. */
final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabase() {
    }

    static Connection newH2() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:cp-test-" + COUNTER.incrementAndGet() + H2Urls.MODE);
    }

    static Connection newH2WithSchema() throws SQLException {
        Connection connection = newH2();
        CounterpointSchema.install(connection, Dialect.H2_MSSQL);
        return connection;
    }

    static Object single(Connection connection, String sql, Object... parameters) throws SQLException {
        List<List<Object>> rows = rows(connection, sql, parameters);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row from " + sql + " but got " + rows.size());
        }
        return rows.get(0).get(0);
    }

    static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        return ((Number) single(connection, sql, parameters)).longValue();
    }

    /** A quantity or amount as plain text without trailing zeros, e.g. "10" or "12.5". */
    static String amount(Connection connection, String sql, Object... parameters) throws SQLException {
        return ((BigDecimal) single(connection, sql, parameters)).stripTrailingZeros().toPlainString();
    }

    static LocalDateTime timestamp(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(statement, parameters);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new AssertionError("no row from " + sql);
                }
                return row.getObject(1, LocalDateTime.class);
            }
        }
    }

    static List<String> strings(Connection connection, String sql, Object... parameters) throws SQLException {
        return rows(connection, sql, parameters).stream().map(r -> r.get(0) == null ? null : r.get(0).toString()).toList();
    }

    static List<List<Object>> rows(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                List<List<Object>> rows = new ArrayList<>();
                while (result.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(result.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /** Lets the wall clock move on, so a later statement's RS_UTC_DT is strictly later. */
    static void letClockTick() throws InterruptedException {
        Thread.sleep(15);
    }
}
