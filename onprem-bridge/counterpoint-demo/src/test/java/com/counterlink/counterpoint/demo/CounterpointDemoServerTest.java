package com.counterlink.counterpoint.demo;

import static com.counterlink.counterpoint.demo.TestDatabase.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
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

    @Test
    void oddItemsAreAddedBesideTheCatalogToANewOrAnExistingDatabaseOnce() throws Exception {
        DemoServerOptions plain = DemoServerOptions.defaults().withPort(freePort()).withItems(20).withDataDir(dataDir);
        try (CounterpointDemoServer server = CounterpointDemoServer.start(plain); Connection client = server.connect()) {
            assertEquals(0, count(client, "SELECT COUNT(*) FROM IM_ITEM WHERE ITEM_NO = 'CAFÉ-01'"), "only when asked for");
        }
        for (int start = 0; start < 2; start++) {
            try (CounterpointDemoServer server = CounterpointDemoServer.start(plain.withOddItems(true));
                 Connection client = server.connect()) {
                assertEquals(20 + OddItems.itemNos().size(), count(client, "SELECT COUNT(*) FROM IM_ITEM"),
                        "added to the existing database, once");
                for (String itemNo : OddItems.itemNos().stream().filter(i -> !i.equals(OddItems.NO_PRICE)).toList()) {
                    assertEquals(1, count(client, "SELECT COUNT(*) FROM IM_ITEM i JOIN IM_PRC p ON p.ITEM_NO = i.ITEM_NO"
                            + " WHERE i.ITEM_NO = '" + itemNo + "' AND i.IS_ECOMM_ITEM = 'Y' AND p.REG_PRC > 0"
                            + " AND i.RS_UTC_DT IS NOT NULL"), itemNo + " is on the web with a price");
                }
                assertEquals(List.of("CAFÉ-01", "FID 1/2 Ünï", "ADMISSION-ADULT", "GIFT-BOX", "CAFE-01", "TEE-1", "tee-1"),
                        OddItems.itemNos());
                assertEquals(0, count(client, "SELECT COUNT(*) FROM IM_PRC WHERE ITEM_NO = 'GIFT-BOX' AND REG_PRC > 0"),
                        "GIFT-BOX is on the web without a price");
                assertEquals(3, count(client, "SELECT COUNT(*) FROM IM_INV WHERE ITEM_NO = 'FID 1/2 Ünï'"), "stocked at every location");
                assertEquals(1, count(client, "SELECT COUNT(*) FROM IM_ITEM WHERE ITEM_NO = 'ADMISSION-ADULT' AND ITEM_TYP = 'N'"));
                assertEquals(0, count(client, "SELECT COUNT(*) FROM IM_INV WHERE ITEM_NO = 'ADMISSION-ADULT'"),
                        "a non-inventory item has no stock rows");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
