package com.counterlink.bridge;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plain SQL on the connection of the current (tenant-scoped) transaction. */
@Singleton
class BridgeSql {

    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final TransactionOperations<Connection> transactions;

    BridgeSql(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    int update(String sql, Object... args) {
        try (PreparedStatement statement = prepare(sql, args)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("bridge SQL failed: " + e.getMessage(), e);
        }
    }

    /**
     * For bookkeeping whose loss in a database crash is harmless (a lease handed out again, a
     * last-seen time, a nonce of a request that is stale minutes later): no WAL flush on commit.
     */
    void relaxDurability() {
        update("SET LOCAL synchronous_commit TO OFF");
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try (PreparedStatement statement = prepare(sql, args); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("bridge SQL failed: " + e.getMessage(), e);
        }
    }

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
        return query(sql, mapper, args).stream().findFirst();
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement statement = transactions.getConnection().prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }
}
