package com.counterlink.bridge.agent;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

/**
 * The bridge's local configuration (a properties file next to the bridge). The Counterpoint
 * credentials in it are used only here; they are never sent to the cloud.
 */
public record BridgeConfig(URI serverUrl, UUID tenantId, UUID bridgeId, String bridgeName, Path privateKeyFile,
                           String counterpointUrl, String counterpointUser, String counterpointPassword,
                           String proxy, Path logDir, Duration heartbeatInterval) {

    public static final String FILE_NAME = "counterlink-bridge.properties";

    public static BridgeConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No configuration at " + file.toAbsolutePath()
                    + "; run 'counterlink-bridge enroll --server URL --token TOKEN' first");
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().getParent();
        return new BridgeConfig(
                URI.create(required(p, "server.url", file)),
                uuid(p, "tenant.id", file),
                uuid(p, "bridge.id", file),
                p.getProperty("bridge.name", "Bridge"),
                dir.resolve(p.getProperty("private.key.file", "counterlink-bridge.key")),
                p.getProperty("counterpoint.jdbc.url", ""),
                p.getProperty("counterpoint.user", ""),
                p.getProperty("counterpoint.password", ""),
                blankToNull(p.getProperty("proxy")),
                dir.resolve(p.getProperty("log.dir", "logs")),
                Duration.ofSeconds(Long.parseLong(p.getProperty("heartbeat.seconds", "15"))));
    }

    public void save(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("server.url", serverUrl.toString());
        p.setProperty("tenant.id", tenantId.toString());
        p.setProperty("bridge.id", bridgeId.toString());
        p.setProperty("bridge.name", bridgeName);
        p.setProperty("private.key.file", privateKeyFile.getFileName().toString());
        p.setProperty("counterpoint.jdbc.url", counterpointUrl);
        p.setProperty("counterpoint.user", counterpointUser);
        p.setProperty("counterpoint.password", counterpointPassword);
        if (proxy != null) {
            p.setProperty("proxy", proxy);
        }
        p.setProperty("log.dir", "logs");
        p.setProperty("heartbeat.seconds", Long.toString(heartbeatInterval.toSeconds()));
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(writer, "Counterlink bridge. Counterpoint credentials stay on this server; proxy: host:port or "
                    + "http://host:port (else https_proxy/no_proxy from the environment)");
        }
        OwnerOnlyFiles.restrict(file);
    }

    private static String required(Properties p, String key, Path file) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(file + " has no " + key);
        }
        return value.strip();
    }

    private static UUID uuid(Properties p, String key, Path file) {
        try {
            return UUID.fromString(required(p, key, file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + key + " is not an id");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
