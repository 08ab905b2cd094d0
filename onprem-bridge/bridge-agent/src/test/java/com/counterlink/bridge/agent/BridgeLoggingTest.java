package com.counterlink.bridge.agent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertTrue;

class BridgeLoggingTest {

    @AfterEach
    void reset() {
        LogManager.getLogManager().reset();
    }

    @Test
    void logsRotateIntoABoundedSetOfFiles(@TempDir Path dir) throws Exception {
        BridgeLogging.configure(dir, false);
        Logger log = Logger.getLogger("rotation-test");
        String line = "x".repeat(10_000);
        for (int i = 0; i < 1_200; i++) {
            log.fine(line);
            log.info(line);
        }
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.flush();
        }
        try (var files = Files.list(dir)) {
            var logs = files.filter(f -> f.getFileName().toString().matches("counterlink-bridge\\.\\d\\.log")).toList();
            assertTrue(logs.size() >= 2 && logs.size() <= BridgeLogging.FILE_COUNT, "files: " + logs);
            for (Path file : logs) {
                assertTrue(Files.size(file) <= BridgeLogging.FILE_LIMIT_BYTES + 20_000, file + " " + Files.size(file));
            }
        }
    }
}
