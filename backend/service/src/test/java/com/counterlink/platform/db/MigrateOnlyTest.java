package com.counterlink.platform.db;

import com.counterlink.devstack.LocalPostgres;
import com.counterlink.testing.Eventually;
import com.counterlink.testing.SharedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image's "migrate only" mode, as the Kubernetes hook Job runs it (the backend's main class in a JVM of its own,
 * configured by environment variables), and a replica started with migrations off, as the chart's Deployment does.
 */
class MigrateOnlyTest {

    private static final String OWNER_PASSWORD = SharedPostgres.get().ownerPassword();

    @Test
    void migrateOnlyBringsAnEmptyDatabaseToThisVersionAndExits() throws Exception {
        String database = emptyDatabase();
        Result run = runBackend(Map.of(
                MigrateOnly.SWITCH, "true",
                "COUNTERLINK_DB_URL", url(database),
                "COUNTERLINK_DB_OWNER_USER", LocalPostgres.OWNER,
                "COUNTERLINK_DB_OWNER_PASSWORD", OWNER_PASSWORD), Duration.ofSeconds(90));

        assertEquals(0, run.exitCode(), run.output());
        MigrationInfoService info = flyway(database).info();
        assertEquals(0, info.pending().length, "nothing left to migrate");
        assertEquals(info.all()[info.all().length - 1].getVersion(), info.current().getVersion(), "at the newest version");
        assertTrue(tableExists(database, "jobrunr_jobs"), "JobRunr's tables are there too");
        try (Connection app = DriverManager.getConnection(url(database), LocalPostgres.APP, SharedPostgres.get().appPassword());
             Statement query = app.createStatement(); ResultSet rows = query.executeQuery("SELECT count(*) FROM tenants")) {
            assertTrue(rows.next(), "the application login has its grants");
        }
        assertFalse(run.output().contains("Startup completed"), "no server started:\n" + run.output());
    }

    @Test
    void migrateOnlyAgainstADatabaseItCannotReachExitsWithAnError() throws Exception {
        Result run = runBackend(Map.of(
                MigrateOnly.SWITCH, "true",
                "COUNTERLINK_DB_URL", url("no_such_database"),
                "COUNTERLINK_DB_OWNER_USER", LocalPostgres.OWNER,
                "COUNTERLINK_DB_OWNER_PASSWORD", OWNER_PASSWORD), Duration.ofSeconds(90));

        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("Migrations failed"), run.output());
        assertTrue(run.output().contains("no_such_database"), "says which database: " + run.output());
    }

    @Test
    void aReplicaWithMigrationsOffStartsWithoutTouchingTheSchema() throws Exception {
        String database = emptyDatabase();
        Path output = Files.createTempFile("backend-", ".out");
        output.toFile().deleteOnExit();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process process = backend(Map.of(
                "FLYWAY_DATASOURCES_OWNER_ENABLED", "false",
                "COUNTERLINK_PORT", String.valueOf(port),
                "COUNTERLINK_JOBS_ENABLED", "false",
                "COUNTERLINK_SECRETS_MASTER_KEY", "dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE=",
                "COUNTERLINK_DB_URL", url(database),
                "COUNTERLINK_DB_OWNER_USER", LocalPostgres.OWNER,
                "COUNTERLINK_DB_OWNER_PASSWORD", OWNER_PASSWORD,
                "COUNTERLINK_DB_APP_USER", LocalPostgres.APP,
                "COUNTERLINK_DB_APP_PASSWORD", SharedPostgres.get().appPassword()), output);
        try {
            Eventually.until(Duration.ofSeconds(90), "the replica starts", () -> read(output).contains("Startup completed"));
            assertFalse(tableExists(database, "flyway_schema_history"), "the replica ran no migration");
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result runBackend(Map<String, String> environment, Duration atMost) throws Exception {
        Path output = Files.createTempFile("migrate-", ".out");
        output.toFile().deleteOnExit();
        Process process = backend(environment, output);
        if (!process.waitFor(atMost.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after " + atMost.toSeconds() + " s:\n" + read(output));
        }
        return new Result(process.exitValue(), read(output));
    }

    private static Process backend(Map<String, String> environment, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "com.counterlink.Application"))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("COUNTERLINK_") || name.startsWith("MICRONAUT_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static String emptyDatabase() throws SQLException {
        String name = "migrate_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = SharedPostgres.superuserConnection(); Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name + " OWNER " + LocalPostgres.OWNER);
        }
        return name;
    }

    private static String url(String database) {
        return "jdbc:postgresql://localhost:" + SharedPostgres.get().port() + "/" + database;
    }

    private static Flyway flyway(String database) {
        return Flyway.configure().dataSource(url(database), LocalPostgres.OWNER, OWNER_PASSWORD)
                .locations("classpath:db/migration").placeholders(Map.of("approle", LocalPostgres.APP)).load();
    }

    private static boolean tableExists(String database, String table) {
        try (Connection owner = DriverManager.getConnection(url(database), LocalPostgres.OWNER, OWNER_PASSWORD);
             Statement query = owner.createStatement();
             ResultSet rows = query.executeQuery("SELECT to_regclass('public." + table + "') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path output) {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
