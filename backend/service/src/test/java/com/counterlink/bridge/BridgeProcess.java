package com.counterlink.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real bridge program in its own JVM (the agent's main class on the test classpath), as the
 * retailer's server would run it; its output goes to a file the test can read.
 */
public final class BridgeProcess {

    private final Process process;
    private final Path output;

    private BridgeProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    public static BridgeProcess start(Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("bridge.xmx", "64m"), "-cp", System.getProperty("java.class.path"), "com.counterlink.bridge.agent.BridgeMain"));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(workDir, "bridge-", ".out");
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        return new BridgeProcess(process, output);
    }

    public int waitForExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the bridge did not exit within " + seconds + " s; output:\n" + output());
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Like a power cut: no shutdown hooks, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
