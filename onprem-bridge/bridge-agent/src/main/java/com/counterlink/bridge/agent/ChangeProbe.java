package com.counterlink.bridge.agent;

import com.counterlink.bridge.protocol.WireMessages.ChangeMarks;

import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notices Counterpoint changes cheaply: every few seconds one query for the newest change time of
 * items, stock and prices. It has its own connection, so it never shares one with a running task.
 */
public final class ChangeProbe implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChangeProbe.class.getName());

    private final CounterpointConnections connections;

    public ChangeProbe(CounterpointConnections connections) {
        this.connections = connections;
    }

    /** Empty when Counterpoint cannot be asked right now; the next probe tries again. */
    public Optional<ChangeMarks> read() {
        try {
            return Optional.of(new CounterpointRepository(connections.get()).changeMarks());
        } catch (SQLException e) {
            if (OperationExecutor.isConnectionProblem(e)) {
                connections.lost(e);
            }
            LOG.log(Level.FINE, "Change probe could not read Counterpoint", e);
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Change probe could not read Counterpoint", e);
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        connections.close();
    }
}
