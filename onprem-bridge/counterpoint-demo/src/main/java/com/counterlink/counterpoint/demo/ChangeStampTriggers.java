package com.counterlink.counterpoint.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Creates one trigger per table that has an {@code RS_UTC_DT} column, so that every insert or update
 * stamps the row with the statement's UTC time, whoever writes it (simulator, seeder, bridge or raw SQL).
 * On SQL Server it is a T-SQL AFTER trigger; on H2 it is {@link ChangeStampTrigger}, a Java trigger,
 * because H2 cannot run T-SQL trigger bodies.
 */
final class ChangeStampTriggers {
    static final String STAMP_COLUMN = "RS_UTC_DT";

    private ChangeStampTriggers() {
    }

    static void install(Connection connection, Dialect dialect) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : stampedTables(connection)) {
                statement.execute(switch (dialect) {
                    case H2_MSSQL -> h2Trigger(table);
                    case SQL_SERVER -> sqlServerTrigger(table, primaryKey(connection, table));
                });
            }
        }
    }

    static String triggerName(String table) {
        return "USR_TR_" + table + "_RS_UTC_DT";
    }

    private static String h2Trigger(String table) {
        return "CREATE TRIGGER " + triggerName(table) + " BEFORE INSERT, UPDATE ON " + table
                + " FOR EACH ROW CALL \"" + ChangeStampTrigger.class.getName() + "\"";
    }

    private static String sqlServerTrigger(String table, List<String> keyColumns) {
        String join = keyColumns.stream().map(c -> "t." + c + " = i." + c).collect(Collectors.joining(" AND "));
        // Guard only against this trigger re-entering itself, so other triggers' updates still get stamped.
        return "CREATE TRIGGER " + triggerName(table) + " ON " + table + " AFTER INSERT, UPDATE AS\n"
                + "BEGIN\n"
                + "  SET NOCOUNT ON;\n"
                + "  IF TRIGGER_NESTLEVEL(@@PROCID) > 1 RETURN;\n"
                + "  UPDATE t SET " + STAMP_COLUMN + " = GETUTCDATE() FROM " + table + " t JOIN inserted i ON " + join + ";\n"
                + "END";
    }

    private static List<String> stampedTables(Connection connection) throws SQLException {
        String sql = "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME = ? ORDER BY TABLE_NAME";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, STAMP_COLUMN);
            return strings(statement);
        }
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        String sql = "SELECT k.COLUMN_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS c"
                + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k"
                + " ON k.CONSTRAINT_NAME = c.CONSTRAINT_NAME AND k.TABLE_NAME = c.TABLE_NAME"
                + " WHERE c.CONSTRAINT_TYPE = 'PRIMARY KEY' AND c.TABLE_NAME = ? ORDER BY k.ORDINAL_POSITION";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            List<String> columns = strings(statement);
            if (columns.isEmpty()) {
                throw new SQLException("Table " + table + " has " + STAMP_COLUMN + " but no primary key to stamp by");
            }
            return columns;
        }
    }

    private static List<String> strings(PreparedStatement statement) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
