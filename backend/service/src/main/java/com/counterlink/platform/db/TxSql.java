package com.counterlink.platform.db;

import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.time.Instant;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plain SQL on the connection of the current transaction (open one with {@link TenantTransactions}). */
@Singleton
public class TxSql {

    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final TransactionOperations<Connection> transactions;

    public TxSql(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    public int update(String sql, Object... args) {
        try (PreparedStatement statement = prepare(sql, args)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    /** One statement for many rows, sent to the database together (a JDBC batch): one round trip instead of one per row. */
    public void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = transactions.getConnection().prepareStatement(sql)) {
            for (Object[] args : rows) {
                bind(statement, args);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            throw new IllegalStateException("SQL failed: " + cause.getMessage(), e);
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try (PreparedStatement statement = prepare(sql, args); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
        return query(sql, mapper, args).stream().findFirst();
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement statement = transactions.getConnection().prepareStatement(sql);
        bind(statement, args);
        return statement;
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : args[i];
            statement.setObject(i + 1, arg);
        }
    }

    /** Undoes {@link TenantTransactions#inTenantRelaxed} for the rest of the transaction: its commit waits for the WAL flush. */
    public void requireDurability() {
        update("SET LOCAL synchronous_commit TO DEFAULT");
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
