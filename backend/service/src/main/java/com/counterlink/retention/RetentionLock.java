package com.counterlink.retention;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One pass at a time across every replica: a PostgreSQL session advisory lock held on a dedicated owner connection
 * for the whole pass (JobRunr starts the hourly job once, but a pass may outlast the hour, and an operator may
 * start one by hand). A replica that dies takes the lock with its connection.
 */
@Singleton
class RetentionLock {

    /** "CLRETAIN" in ASCII: one bigint key, a space apart from the (int, int) keys of the job locks. */
    static final long KEY = 0x434C_5245_5441_494EL;

    private final DataSource dataSource;

    RetentionLock(@Named("owner") DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    Optional<AutoCloseable> tryLock() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                statement.setLong(1, KEY);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        Connection held = connection;
                        return Optional.of(() -> release(held));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("could not take the retention lock", e);
        }
    }

    private static void release(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, KEY);
            statement.execute();
        } catch (SQLException ignored) {
            // closing the session below releases it as well
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the lock dies with the session anyway
            }
        }
    }
}
