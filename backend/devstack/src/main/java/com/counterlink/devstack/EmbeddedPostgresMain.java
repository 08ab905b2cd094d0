package com.counterlink.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local stack's PostgreSQL until the process is stopped.
 * Usage: {@code java -jar devstack-all.jar [dataDir] [port]}; prints the JDBC URL once ready.
 */
public final class EmbeddedPostgresMain {

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : ".local/pgdata").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 55432;
        Files.createDirectories(dataDir);
        LocalPostgres pg = LocalPostgres.startPersistent(dataDir, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pg.close();
            stopped.countDown();
        }));
        System.out.println("PostgreSQL ready: " + pg.jdbcUrl() + " (owner " + LocalPostgres.OWNER
                + ", app " + LocalPostgres.APP + ")");
        System.out.flush();
        stopped.await();
    }
}
