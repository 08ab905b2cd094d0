package com.counterlink.bridge.agent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Small JDBC helpers for CounterpointRepository; every value is a parameter, never spliced into SQL. */
final class Sql {

    interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Sql() {
    }

    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, args); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(row.map(rows));
            }
            return result;
        }
    }

    static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        return list(c, sql, row, args).stream().findFirst();
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, args)) {
            return statement.executeUpdate();
        }
    }

    /** "?, ?, ?" for an IN list of {@code count} parameters. */
    static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    static Object[] concat(List<?>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toArray();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }
}
