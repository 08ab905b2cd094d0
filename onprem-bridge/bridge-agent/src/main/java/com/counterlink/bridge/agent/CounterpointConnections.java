package com.counterlink.bridge.agent;

import com.counterlink.bridge.protocol.TaskErrorCode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One reused connection to Counterpoint's database, replaced when it stops answering. Every attempt tells the
 * bridge's {@link CounterpointHealth} whether Counterpoint answered.
 */
public final class CounterpointConnections implements AutoCloseable {

    /** What the cloud is told when Counterpoint does not answer; the driver's words go to the bridge's log only. */
    static final String NOT_ANSWERING = "Counterpoint's database is not answering on the bridge's server; nothing was changed";

    private final String url;
    private final String user;
    private final String password;
    private final CounterpointHealth health;
    private Connection connection;

    public CounterpointConnections(String url, String user, String password) {
        this(url, user, password, new CounterpointHealth());
    }

    public CounterpointConnections(String url, String user, String password, CounterpointHealth health) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.health = health;
        DriverManager.setLoginTimeout(10);
    }

    public synchronized Connection get() {
        if (url == null || url.isBlank()) {
            throw new TaskFailure(TaskErrorCode.COUNTERPOINT_UNAVAILABLE,
                    "counterpoint.jdbc.url is not set in the bridge's configuration");
        }
        try {
            if (connection != null && connection.isValid(2)) {
                health.answered();
                return connection;
            }
            close();
            connection = DriverManager.getConnection(url, user, password);
            health.answered();
            return connection;
        } catch (SQLException e) {
            close();
            health.notAnswering(e.getMessage());
            throw new TaskFailure(TaskErrorCode.COUNTERPOINT_UNAVAILABLE, NOT_ANSWERING);
        }
    }

    /** A statement broke because the database went away: the connection is dropped and the outage noted. */
    public void lost(SQLException e) {
        close();
        health.notAnswering(e.getMessage());
    }

    public CounterpointHealth health() {
        return health;
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
