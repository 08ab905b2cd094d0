package com.counterlink.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An embedded PostgreSQL laid out like production: a database owned by {@code counterlink_owner}
 * (runs migrations and JobRunr) and a separate login {@code counterlink_app} that is neither owner
 * nor superuser, so row-level security applies to everything the application does.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "counterlink";
    public static final String OWNER = "counterlink_owner";
    public static final String APP = "counterlink_app";

    private final EmbeddedPostgres postgres;
    private final String ownerPassword;
    private final String appPassword;

    private LocalPostgres(EmbeddedPostgres postgres, String ownerPassword, String appPassword) {
        this.postgres = postgres;
        this.ownerPassword = ownerPassword;
        this.appPassword = appPassword;
    }

    /** Starts a throw-away server on a free port. */
    public static LocalPostgres startEphemeral() {
        return start(EmbeddedPostgres.builder(), "owner", "app");
    }

    /** Starts a server that keeps its data in {@code dataDir} across restarts. */
    public static LocalPostgres startPersistent(Path dataDir, int port) {
        return start(EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port), "owner", "app");
    }

    private static LocalPostgres start(EmbeddedPostgres.Builder builder, String ownerPassword, String appPassword) {
        try {
            EmbeddedPostgres pg = builder.setServerConfig("max_connections", "200").start();
            LocalPostgres local = new LocalPostgres(pg, ownerPassword, appPassword);
            local.createRolesAndDatabase();
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    private void createRolesAndDatabase() {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + OWNER + "') THEN "
                    + "CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + ownerPassword + "'; END IF; END $$");
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + APP + "') THEN "
                    + "CREATE ROLE " + APP + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '" + appPassword + "'; END IF; END $$");
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the counterlink database", e);
        }
    }

    /** A superuser's view of the counterlink database, above row-level security: for checks in tests only. */
    public DataSource superuserDataSource() {
        return postgres.getDatabase("postgres", DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String ownerPassword() {
        return ownerPassword;
    }

    public String appPassword() {
        return appPassword;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
