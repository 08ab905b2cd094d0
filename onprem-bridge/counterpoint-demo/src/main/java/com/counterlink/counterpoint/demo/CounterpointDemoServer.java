package com.counterlink.counterpoint.demo;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import org.h2.tools.Server;

/**
 * Serves a Counterpoint-shaped database over H2's TCP protocol in SQL Server mode, for the bridge,
 * demos and benchmarks. The database lives in --data-dir and is seeded only when it is new.
 */
public final class CounterpointDemoServer implements AutoCloseable {
    private final DemoServerOptions options;
    private final Server tcpServer;
    private final String jdbcUrl;

    private CounterpointDemoServer(DemoServerOptions options, Server tcpServer) {
        this.options = options;
        this.tcpServer = tcpServer;
        this.jdbcUrl = H2Urls.tcp("localhost", tcpServer.getPort(), options.databaseName());
    }

    /** Starts the TCP listener, then installs and seeds the database if it has no schema yet. */
    public static CounterpointDemoServer start(DemoServerOptions options) throws Exception {
        Files.createDirectories(options.dataDir());
        Server tcp = Server.createTcpServer(
                "-tcpPort", String.valueOf(options.port()),
                "-baseDir", options.dataDir().toAbsolutePath().toString(),
                "-ifNotExists").start();
        CounterpointDemoServer server = new CounterpointDemoServer(options, tcp);
        try {
            server.installIfNew();
        } catch (Exception e) {
            tcp.stop();
            throw e;
        }
        return server;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public int port() {
        return tcpServer.getPort();
    }

    /** A new client connection with the server's credentials. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, options.user(), options.password());
    }

    private void installIfNew() throws SQLException {
        try (Connection connection = connect()) {
            if (CounterpointSchema.isInstalled(connection)) {
                System.out.println("Counterpoint demo database found in " + options.dataDir().toAbsolutePath() + "; not re-seeding.");
            } else {
                CounterpointSchema.install(connection, Dialect.H2_MSSQL);
                CounterpointSeeder.SeedSummary summary = new CounterpointSeeder(options.seed(), java.time.Clock.systemDefaultZone())
                        .seed(connection, options.shape());
                System.out.println("Seeded " + summary);
            }
            if (options.oddItems()) {
                int added = OddItems.add(connection, java.time.LocalDateTime.now());
                System.out.println("Odd items " + OddItems.itemNos() + ": " + (added == 0 ? "already there" : added + " added"));
            }
        }
    }

    /** Flushes the database to disk and stops listening. */
    @Override
    public void close() {
        try (Connection connection = connect();
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            System.err.println("Database shutdown failed: " + e.getMessage());
        } finally {
            tcpServer.stop();
        }
    }

    public static void main(String[] args) throws Exception {
        DemoServerOptions options;
        try {
            options = DemoServerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(DemoServerOptions.USAGE);
            System.exit(2);
            return;
        }
        CounterpointDemoServer server = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Counterpoint demo server");
            server.close();
            System.out.println("Counterpoint demo server stopped");
            stopped.countDown();
        }, "counterpoint-demo-shutdown"));
        System.out.println("Counterpoint demo database ready. JDBC URL: " + server.jdbcUrl()
                + "  user: " + options.user() + "  password: " + options.password());
        stopped.await();
    }
}
