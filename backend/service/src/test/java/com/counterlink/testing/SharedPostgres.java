package com.counterlink.testing;

import com.counterlink.devstack.LocalPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** One embedded PostgreSQL per test JVM; every test works in tenants of its own. */
public final class SharedPostgres {

    private static LocalPostgres instance;

    private SharedPostgres() {
    }

    public static synchronized LocalPostgres get() {
        if (instance == null) {
            instance = LocalPostgres.startEphemeral();
            LocalPostgres started = instance;
            // closed at JVM exit, after every Micronaut context (and JobRunr) has shut down
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return instance;
    }

    public static Map<String, String> datasourceProperties() {
        LocalPostgres pg = get();
        return Map.of(
                "datasources.default.url", pg.jdbcUrl(),
                "datasources.default.username", LocalPostgres.APP,
                "datasources.default.password", pg.appPassword(),
                "datasources.owner.url", pg.jdbcUrl(),
                "datasources.owner.username", LocalPostgres.OWNER,
                "datasources.owner.password", pg.ownerPassword());
    }

    /** A raw connection as the application role, outside any Micronaut transaction. */
    public static Connection appConnection() throws SQLException {
        LocalPostgres pg = get();
        return DriverManager.getConnection(pg.jdbcUrl(), LocalPostgres.APP, pg.appPassword());
    }

    /** A count read as the application inside one tenant (row-level security applies), outside any Micronaut transaction. */
    public static long countAsTenant(String tenantId, String sql, Object... args) throws SQLException {
        try (Connection c = appConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement scope = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                scope.setString(1, tenantId);
                scope.executeQuery();
            }
            try (PreparedStatement count = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    count.setObject(i + 1, args[i]);
                }
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    long n = rows.getLong(1);
                    c.commit();
                    return n;
                }
            }
        }
    }

    /** A raw connection as the schema owner (row-level security is forced on the owner too). */
    public static Connection ownerConnection() throws SQLException {
        LocalPostgres pg = get();
        return DriverManager.getConnection(pg.jdbcUrl(), LocalPostgres.OWNER, pg.ownerPassword());
    }

    /** A superuser connection, above row-level security: to check what really is in the tables. */
    public static Connection superuserConnection() throws SQLException {
        return get().superuserDataSource().getConnection();
    }
}
