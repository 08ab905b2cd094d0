package com.counterlink.counterpoint.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;

/** Inserts rows into one table through a JDBC batch, flushing every {@value #BATCH_SIZE} rows. */
final class BatchInserter implements AutoCloseable {
    private static final int BATCH_SIZE = 1_000;

    private final PreparedStatement statement;
    private final int columnCount;
    private int pending;
    private long inserted;

    BatchInserter(Connection connection, String table, String... columns) throws SQLException {
        this.columnCount = columns.length;
        String placeholders = String.join(", ", Collections.nCopies(columns.length, "?"));
        this.statement = connection.prepareStatement(
                "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + placeholders + ")");
    }

    void add(Object... values) throws SQLException {
        if (values.length != columnCount) {
            throw new IllegalArgumentException("expected " + columnCount + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.addBatch();
        inserted++;
        if (++pending == BATCH_SIZE) {
            flush();
        }
    }

    long inserted() {
        return inserted;
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            statement.close();
        }
    }
}
