package com.counterlink.sync.catalog;

import com.counterlink.counterpoint.demo.CounterpointDemoServer;
import com.counterlink.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The real bridge program in its own JVM, enrolled with a token from the API against the demo Counterpoint. */
final class RealBridge {

    private RealBridge() {
    }

    static Process enrollAndRun(ApiClient api, String token, String tenant, URL server, CounterpointDemoServer counterpoint,
                                String password, Path work) throws Exception {
        String bridges = "/api/tenants/" + tenant + "/bridges";
        String enrollment = api.post(bridges + "/enrollment-tokens", token, null).json().get("token").asText();
        Path config = work.resolve("bridge").resolve("counterlink-bridge.properties");
        Files.createDirectories(config.getParent());
        Process enroll = java(work, "enroll", "--server", server.toString(), "--token", enrollment, "--name", "Catalog",
                "--config", config.toString(), "--counterpoint-url", counterpoint.jdbcUrl(), "--counterpoint-user", "sa",
                "--counterpoint-password", password, "--heartbeat-seconds", "1");
        assertEquals(0, enroll.waitFor(), Files.readString(work.resolve("bridge-enroll.out")));
        // the tests start each run themselves; the change probe is covered by BridgeEndToEndTest
        return run(api, token, tenant, work, 0);
    }

    /** Runs the bridge enrolled in {@code work} (again), with the change probe every {@code probeSeconds} (0: off). */
    static Process run(ApiClient api, String token, String tenant, Path work, int probeSeconds) throws Exception {
        String bridges = "/api/tenants/" + tenant + "/bridges";
        Path config = work.resolve("bridge").resolve("counterlink-bridge.properties");
        Process run = java(work, "run", "--config", config.toString(), "--change-probe-seconds", Integer.toString(probeSeconds));
        Instant until = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(until)) {
            JsonNode list = api.get(bridges, token).json();
            if (list.size() > 0 && list.get(0).get("online").asBoolean()) {
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the bridge did not come online: " + Files.readString(work.resolve("bridge-run.out")));
    }

    private static Process java(Path work, String command, String... args) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-cp", System.getProperty("java.class.path"), "com.counterlink.bridge.agent.BridgeMain", command));
        line.addAll(List.of(args));
        return new ProcessBuilder(line).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("bridge-" + command + ".out").toFile()).start();
    }
}
