package com.counterlink.bridge.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BridgeMainTest {

    @Test
    void versionNamesTheBuild() {
        StringWriter out = new StringWriter();
        CommandLine command = BridgeMain.commandLine().setOut(new PrintWriter(out));
        assertEquals(0, command.execute("--version"));
        assertTrue(out.toString().startsWith("counterlink-bridge 0.1.0"), out.toString());
    }

    @Test
    void runWithoutEnrollmentSaysWhatToDo(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine command = BridgeMain.commandLine().setErr(new PrintWriter(err));
        int exit = command.execute("run", "--config", dir.resolve("missing.properties").toString());
        assertEquals(2, exit);
        assertTrue(!err.toString().contains("at com.counterlink"), "a stack trace: " + err);
        assertTrue(err.toString().contains("counterlink-bridge enroll --server URL --token TOKEN"), err.toString());
    }
}
