package com.counterlink.bridge.agent;

import com.counterlink.bridge.protocol.RequestSignature;
import com.counterlink.bridge.protocol.WireMessages.Heartbeat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks behind {@code doctor}: what a support person asks first, answered by the bridge itself. */
final class Doctor {

    static final Duration SKEW_WARN = Duration.ofSeconds(30);
    static final Duration SKEW_FAIL = Duration.ofMinutes(5);

    private final BridgeConfig config;
    private final Map<String, String> env;

    Doctor(BridgeConfig config, Map<String, String> env) {
        this.config = config;
        this.env = env;
    }

    List<DoctorCheck> run() {
        List<DoctorCheck> checks = new ArrayList<>();
        checks.add(privateKey());
        checks.add(counterpoint());
        ProxySettings proxy;
        try {
            proxy = ProxySettings.resolve(config.proxy(), env);
            checks.add(DoctorCheck.pass("proxy", proxy.describe(config.serverUrl().getHost())));
        } catch (IllegalArgumentException e) {
            checks.add(DoctorCheck.fail("proxy", e.getMessage()));
            return checks;
        }
        checks.addAll(cloud(proxy));
        return checks;
    }

    private DoctorCheck privateKey() {
        try {
            RequestSignature.decodePrivateKey(Files.readAllBytes(config.privateKeyFile()));
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(config.privateKeyFile());
                if (!Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE).containsAll(permissions)) {
                    return DoctorCheck.warn("private key", config.privateKeyFile() + " is readable by others; chmod 600 it");
                }
            } catch (UnsupportedOperationException windows) {
                // NTFS: the folder's ACL protects it
            }
            return DoctorCheck.pass("private key", config.privateKeyFile().toString());
        } catch (IOException | IllegalArgumentException e) {
            return DoctorCheck.fail("private key", "cannot read " + config.privateKeyFile() + ": " + e.getMessage()
                    + "; enroll again with 'counterlink-bridge enroll --force'");
        }
    }

    private DoctorCheck counterpoint() {
        if (config.counterpointUrl().isBlank()) {
            return DoctorCheck.fail("Counterpoint SQL", "counterpoint.jdbc.url is not set in the configuration file");
        }
        DriverManager.setLoginTimeout(10);
        try (Connection c = DriverManager.getConnection(config.counterpointUrl(), config.counterpointUser(),
                config.counterpointPassword());
             ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM IM_ITEM")) {
            rows.next();
            return DoctorCheck.pass("Counterpoint SQL", "connected to " + c.getMetaData().getDatabaseProductName()
                    + "; IM_ITEM has " + rows.getLong(1) + " items");
        } catch (SQLException e) {
            return DoctorCheck.fail("Counterpoint SQL", e.getMessage());
        }
    }

    private List<DoctorCheck> cloud(ProxySettings proxy) {
        HttpClient http = HttpClient.newBuilder().proxy(proxy).connectTimeout(Duration.ofSeconds(10)).build();
        URI health = config.serverUrl().resolve("/health");
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            return List.of(DoctorCheck.fail("cloud reachable", "cannot reach " + health + ": " + e
                    + " (check the firewall allows outbound HTTPS and the proxy settings)"));
        }
        List<DoctorCheck> checks = new ArrayList<>();
        checks.add(response.statusCode() < 500 ? DoctorCheck.pass("cloud reachable", health + " answered HTTP " + response.statusCode())
                : DoctorCheck.fail("cloud reachable", health + " answered HTTP " + response.statusCode()));
        checks.add(response.headers().firstValue("Date").map(Doctor::skew)
                .orElse(DoctorCheck.warn("clock skew", "the server sent no Date header")));
        try {
            new CloudClient(config.serverUrl(), proxy, config.tenantId(), config.bridgeId(),
                    RequestSignature.decodePrivateKey(Files.readAllBytes(config.privateKeyFile())))
                    .heartbeat(new Heartbeat(BridgeVersion.VALUE, null));
            checks.add(DoctorCheck.pass("enrollment", "Counterlink accepts this bridge's signature"));
        } catch (CloudRejectedException e) {
            checks.add(DoctorCheck.fail("enrollment", e.code() + ": " + e.getMessage()));
        } catch (CloudUnavailableException | IOException | IllegalArgumentException e) {
            checks.add(DoctorCheck.fail("enrollment", e.getMessage()));
        }
        return checks;
    }

    static DoctorCheck skew(String dateHeader) {
        Instant server = ZonedDateTime.parse(dateHeader, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration skew = Duration.between(server, Instant.now()).abs();
        String detail = "this computer is " + skew.toSeconds() + " s " + (Instant.now().isAfter(server) ? "ahead of" : "behind")
                + " Counterlink";
        if (skew.compareTo(SKEW_FAIL) > 0) {
            return DoctorCheck.fail("clock skew", detail + "; signed requests are refused beyond 5 minutes: sync the clock (NTP)");
        }
        return skew.compareTo(SKEW_WARN) > 0 ? DoctorCheck.warn("clock skew", detail + "; sync the clock (NTP)")
                : DoctorCheck.pass("clock skew", detail);
    }
}
