package com.counterlink.counterpoint.demo;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs work in one JDBC transaction and restores the connection's auto-commit mode afterwards. */
final class Transactions {
    @FunctionalInterface
    interface Work<T> {
        T execute() throws SQLException;
    }

    @FunctionalInterface
    interface VoidWork {
        void execute() throws SQLException;
    }

    private Transactions() {
    }

    static void run(Connection connection, VoidWork work) throws SQLException {
        call(connection, () -> {
            work.execute();
            return null;
        });
    }

    static <T> T call(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.execute();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
