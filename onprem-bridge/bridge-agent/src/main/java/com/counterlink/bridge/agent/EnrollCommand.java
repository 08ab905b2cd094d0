package com.counterlink.bridge.agent;

import com.counterlink.bridge.protocol.RequestSignature;
import com.counterlink.bridge.protocol.WireMessages.EnrollmentRequest;
import com.counterlink.bridge.protocol.WireMessages.EnrollmentResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "enroll", description = "Registers this bridge with Counterlink using a one-time token from the portal.")
final class EnrollCommand implements Callable<Integer> {

    @Option(names = "--server", required = true, description = "Counterlink address, e.g. https://app.counterlink.dev")
    URI server;
    @Option(names = "--token", required = true, description = "The enrollment token shown in the portal (valid 60 minutes, once)")
    String token;
    @Option(names = "--name", description = "How the portal lists this bridge (default: this computer's name)")
    String name;
    @Option(names = "--config", description = "Configuration file to write (default: ${DEFAULT-VALUE})", defaultValue = BridgeConfig.FILE_NAME)
    Path config;
    @Option(names = "--counterpoint-url", description = "JDBC URL of Counterpoint's database, e.g. jdbc:sqlserver://localhost;databaseName=DEMOGOLF;encrypt=false",
            defaultValue = "")
    String counterpointUrl;
    @Option(names = "--counterpoint-user", defaultValue = "")
    String counterpointUser;
    @Option(names = "--counterpoint-password", defaultValue = "", description = "Stays in the local configuration file; never sent to Counterlink")
    String counterpointPassword;
    @Option(names = "--proxy", description = "HTTP proxy host:port (default: https_proxy from the environment)")
    String proxy;
    @Option(names = "--heartbeat-seconds", defaultValue = "15", hidden = true)
    int heartbeatSeconds;
    @Option(names = "--force", description = "Replace an existing configuration (the old enrollment stops working in the portal only when revoked)")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(config) && !force) {
            System.err.println(config.toAbsolutePath() + " already exists: this bridge is enrolled. Use --force to enroll it again.");
            return 2;
        }
        String bridgeName = name != null ? name : InetAddress.getLocalHost().getHostName();
        KeyPair keys = RequestSignature.generateKeyPair();
        EnrollmentResponse enrolled;
        try {
            enrolled = CloudClient.enroll(server, ProxySettings.resolve(proxy, System.getenv()), new EnrollmentRequest(
                    token, bridgeName, RequestSignature.encodePublicKey(keys.getPublic()), BridgeVersion.VALUE));
        } catch (CloudRejectedException e) {
            System.err.println("Enrollment refused: " + e.getMessage());
            return 1;
        } catch (CloudUnavailableException e) {
            System.err.println("Cannot reach Counterlink: " + e.getMessage());
            return 1;
        }
        Path dir = config.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path keyFile = dir.resolve("counterlink-bridge.key");
        OwnerOnlyFiles.write(keyFile, keys.getPrivate().getEncoded());
        new BridgeConfig(server, enrolled.tenantId(), enrolled.bridgeId(), enrolled.name(), keyFile, counterpointUrl,
                counterpointUser, counterpointPassword, proxy, dir.resolve("logs"), Duration.ofSeconds(heartbeatSeconds))
                .save(config);
        System.out.println("Enrolled \"" + enrolled.name() + "\" (bridge " + enrolled.bridgeId() + ").");
        System.out.println("Configuration: " + config.toAbsolutePath() + " (private key: " + keyFile + ", readable by you only)");
        System.out.println("Next: check the Counterpoint connection with 'counterlink-bridge doctor', then 'counterlink-bridge install-service'.");
        return 0;
    }
}
