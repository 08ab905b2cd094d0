package com.counterlink.sync;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps two runs of the same job for the same store from overlapping, across every backend replica:
 * a PostgreSQL session advisory lock held on a dedicated connection for the whole run. If the
 * replica dies, its connection closes and the lock goes with it.
 */
@Singleton
public class SiteJobLock {

    private final DataSource dataSource;

    public SiteJobLock(@Named("owner") DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public Optional<Held> tryLock(UUID siteId, JobType type) {
        int siteKey = siteId.hashCode();
        int jobKey = 0x5C00 + type.ordinal();
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                statement.setInt(1, siteKey);
                statement.setInt(2, jobKey);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return Optional.of(new Held(connection, siteKey, jobKey));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("could not take the job lock", e);
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

    /** A lock being held; closing it releases the lock. */
    public static final class Held implements AutoCloseable {

        private final Connection connection;
        private final int siteKey;
        private final int jobKey;

        private Held(Connection connection, int siteKey, int jobKey) {
            this.connection = connection;
            this.siteKey = siteKey;
            this.jobKey = jobKey;
        }

        @Override
        public void close() {
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                statement.setInt(1, siteKey);
                statement.setInt(2, jobKey);
                statement.execute();
            } catch (SQLException ignored) {
                // closing the session below releases it as well
            } finally {
                closeQuietly(connection);
            }
        }
    }
}
