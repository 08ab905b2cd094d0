package com.counterlink.bridge.agent;

import com.counterlink.bridge.protocol.TaskErrorCode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** One reused connection to Counterpoint's database, replaced when it stops answering. */
public final class CounterpointConnections implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private Connection connection;

    public CounterpointConnections(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        DriverManager.setLoginTimeout(10);
    }

    public synchronized Connection get() {
        try {
            if (connection != null && connection.isValid(2)) {
                return connection;
            }
            close();
            if (url == null || url.isBlank()) {
                throw new TaskFailure(TaskErrorCode.COUNTERPOINT_UNAVAILABLE,
                        "counterpoint.jdbc.url is not set in the bridge's configuration");
            }
            connection = DriverManager.getConnection(url, user, password);
            return connection;
        } catch (SQLException e) {
            throw new TaskFailure(TaskErrorCode.COUNTERPOINT_UNAVAILABLE, "Cannot connect to Counterpoint's database: " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a broken connection cannot be closed cleanly; it is dropped either way
            }
            connection = null;
        }
    }
}
