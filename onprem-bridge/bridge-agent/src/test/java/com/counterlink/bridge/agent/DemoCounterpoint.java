package com.counterlink.bridge.agent;

import com.counterlink.counterpoint.demo.CounterpointSchema;
import com.counterlink.counterpoint.demo.CounterpointSeeder;
import com.counterlink.counterpoint.demo.Dialect;
import com.counterlink.counterpoint.demo.H2Urls;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh seeded Counterpoint-shaped database per test, in H2's SQL Server mode. */
final class DemoCounterpoint {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private DemoCounterpoint() {
    }

    static String seeded(int items) throws SQLException {
        String url = H2Urls.inMemory("agent-" + COUNTER.incrementAndGet());
        try (Connection connection = DriverManager.getConnection(url)) {
            CounterpointSchema.install(connection, Dialect.H2_MSSQL);
            new CounterpointSeeder().seed(connection, items);
        }
        return url;
    }

    static long count(Connection connection, String sql, Object... args) throws SQLException {
        return Sql.one(connection, sql, row -> row.getLong(1), args).orElseThrow();
    }

    static String text(Connection connection, String sql, Object... args) throws SQLException {
        return Sql.one(connection, sql, row -> row.getString(1), args).orElseThrow();
    }

    static boolean exists(ResultSet ignored) {
        return true;
    }
}
