package com.counterlink.counterpoint.demo;

import java.nio.file.Path;

/** JDBC URLs for H2 in SQL Server compatibility mode. */
public final class H2Urls {
    public static final String MODE = ";MODE=MSSQLServer";

    private H2Urls() {
    }

    /** A private in-memory database that lives until the JVM ends. */
    public static String inMemory(String name) {
        return "jdbc:h2:mem:" + name + MODE + ";DB_CLOSE_DELAY=-1";
    }

    /** The URL clients use to reach a database served by the demo server's TCP listener. */
    public static String tcp(String host, int port, String databaseName) {
        return "jdbc:h2:tcp://" + host + ":" + port + "/" + databaseName + MODE;
    }

    static String file(Path dataDir, String databaseName) {
        return "jdbc:h2:" + dataDir.resolve(databaseName).toAbsolutePath() + MODE;
    }
}
