package com.counterlink.bridge.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Console plus rotating files: 5 files of at most 10 MB, so a forgotten bridge never fills the disk. */
public final class BridgeLogging {

    static final int FILE_LIMIT_BYTES = 10 * 1024 * 1024;
    static final int FILE_COUNT = 5;

    private BridgeLogging() {
    }

    public static void configure(Path logDir, boolean console) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL%1$tz %4$s %3$s - %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        if (console) {
            ConsoleHandler handler = new ConsoleHandler();
            handler.setFormatter(new SimpleFormatter());
            root.addHandler(handler);
        }
        if (logDir != null) {
            try {
                Files.createDirectories(logDir);
                Handler file = new FileHandler(logDir.resolve("counterlink-bridge.%g.log").toString(),
                        FILE_LIMIT_BYTES, FILE_COUNT, true);
                file.setFormatter(new SimpleFormatter());
                root.addHandler(file);
            } catch (IOException e) {
                root.warning("Logging to the console only; cannot write logs in " + logDir + ": " + e.getMessage());
            }
        }
    }
}
