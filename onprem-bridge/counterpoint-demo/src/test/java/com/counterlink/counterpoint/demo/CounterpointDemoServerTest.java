package com.counterlink.counterpoint.demo;

import static com.counterlink.counterpoint.demo.TestDatabase.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CounterpointDemoServerTest {
    @TempDir
    Path dataDir;

    @Test
    void servesASeededDatabaseOverTcpAndKeepsItAcrossRestarts() throws Exception {
        int port = freePort();
        DemoServerOptions options = DemoServerOptions.defaults().withPort(port).withItems(40).withDataDir(dataDir);

        try (CounterpointDemoServer server = CounterpointDemoServer.start(options)) {
            assertEquals("jdbc:h2:tcp://localhost:" + port + "/counterpoint;MODE=MSSQLServer", server.jdbcUrl());
            try (Connection client = DriverManager.getConnection(server.jdbcUrl(), "sa", "counterpoint")) {
                assertEquals(40, count(client, "SELECT COUNT(*) FROM IM_ITEM"));
                assertThrows(java.sql.SQLException.class, () -> DriverManager.getConnection(server.jdbcUrl(), "sa", "wrong").close());
                new StoreSimulator(client).addItem(new NewItem("ADDED-1", "Added while running", "GIFTS", java.math.BigDecimal.TEN, true));
                assertEquals(1, count(client, "SELECT COUNT(*) FROM IM_ITEM WHERE ITEM_NO = 'ADDED-1' AND RS_UTC_DT IS NOT NULL"),
                        "server-side triggers stamp remote writes");
            }
        }

        DemoServerOptions askingForMore = options.withItems(500);
        try (CounterpointDemoServer restarted = CounterpointDemoServer.start(askingForMore);
             Connection client = restarted.connect()) {
            assertEquals(41, count(client, "SELECT COUNT(*) FROM IM_ITEM"), "an existing database is kept, not re-seeded");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
